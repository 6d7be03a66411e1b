// Helper module: module.exports replaced by a class with static helpers.
class Shape {
  constructor(name) {
    this.name = name;
  }
  area() {
    return 0;
  }
  describe() {
    return `${this.name}: ${this.area()}`;
  }
}
class Rect extends Shape {
  constructor(w, h) {
    super("rect");
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}
module.exports = { Shape, Rect, version: "1.0" };
