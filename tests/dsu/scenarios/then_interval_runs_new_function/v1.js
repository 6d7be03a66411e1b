// A game loop driven by setInterval(tick, ...): the timer holds v1's function object
// itself. v2 changes tick (and the render function it calls); the timer must run the new
// code from its next firing on. No --eval: the program runs on after the update.
let frame = 0;
const log = [];

function render(n) {
  return `v1 frame ${n}`;
}

function tick() {
  frame++;
  console.log(render(frame));
  if (frame >= 6) {
    clearInterval(loop);
    console.log(`done after ${frame} frames`);
  }
}

const loop = setInterval(tick, 5);
while (frame < 3) Thread.sleep(1);
console.log("top level done");
