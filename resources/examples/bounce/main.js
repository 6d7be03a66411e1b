// Bouncing shapes, drawn into the IDE's world view through the hosted Canvas (`molt run`
// draws headless: the frames are dropped). Run it in molt-ide and edit shapes.js live.
// `molt run main.js N` stops after N frames.
const { Ball, Block } = require("./shapes");
const { World } = require("./world");

const colors = ["#e4572e", "#29335c", "#17bebb", "#a8c686", "#ff6f91", "#7b61ff"];
const world = new World();
for (let i = 0; i < 6; i++)
  world.add(new Ball(60 + i * 80, 60 + (i % 3) * 50, 2 + i * 0.45, 1 + i * 0.3, 14 + (i % 3) * 6, colors[i]));
for (let i = 0; i < 3; i++) world.add(new Block(140 + i * 160, 120, -1.5 - i * 0.5, 2, 34));

const frames = Number(process.argv[2] ?? Infinity);
console.log(`bouncing ${world.shapes.length} shapes`);
const timer = setInterval(() => {
  world.step(Canvas.width, Canvas.height);
  world.draw();
  if (world.frame >= frames) {
    clearInterval(timer);
    console.log(`${world.frame} frames, ${world.bounces} bounces`);
  }
}, 16);
