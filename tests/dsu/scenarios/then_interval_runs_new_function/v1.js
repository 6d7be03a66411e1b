// A game loop driven by setInterval(tick, ...): the timer holds v1's function object
// itself. v2 changes tick (and the render function it calls); the timer must run the new
// code from its next firing on. No --eval: the program runs on after the update.
// v1's tick idles after frame 3 (v2's does not), so the frames v1 draws do not depend on
// how soon the update commits after the top level ends on a loaded machine.
let frame = 0;
const log = [];

function render(n) {
  return `v1 frame ${n}`;
}

function tick() {
  if (frame >= 3) return;
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
