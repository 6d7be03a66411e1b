// A game loop's module state: v2 changes the initializer of 'frames' and 'config' (live
// values kept), adds 'highScore' (initializer runs once, reading live state) and drops
// 'debugLog'.
let frames = 100;
const config = { speed: 1, sound: true };
const scores = [];
let highScore = Math.max(0, ...scores);

function step() {
  frames++;
  scores.push(frames * 10);
  highScore = Math.max(highScore, frames * 10);
}

for (let i = 0; i < 4; i++) step();
config.speed = 3;
console.log(`${frames} frames, scores ${scores}, speed ${config.speed}`);
