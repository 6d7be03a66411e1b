// A game loop's module state: v2 changes the initializer of 'frames' and 'config' (live
// values kept), adds 'highScore' (initializer runs once, reading live state) and drops
// 'debugLog'.
let frames = 0;
const config = { speed: 1 };
let debugLog = [];
const scores = [];

function step() {
  frames++;
  scores.push(frames * 10);
  debugLog.push(`frame ${frames}`);
}

for (let i = 0; i < 4; i++) step();
config.speed = 3;
console.log(`${frames} frames, scores ${scores}, speed ${config.speed}`);
