// The world steps every shape and draws a frame into the hosted Canvas.
class World {
  shapes = [];
  frame = 0;
  bounces = 0;

  add(shape) {
    this.shapes.push(shape);
  }

  step(width, height) {
    this.frame++;
    for (const s of this.shapes) if (s.step(width, height)) this.bounces++;
  }

  draw() {
    Canvas.clear("#1b2030");
    for (const s of this.shapes) s.draw();
    Canvas.text(14, 26, `frame ${this.frame} · ${this.bounces} bounces`, "#c8d0e0", 14);
    Canvas.present();
  }
}

module.exports = { World };
