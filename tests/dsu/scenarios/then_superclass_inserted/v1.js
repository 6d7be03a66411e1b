// Shapes: v2 inserts a Shape superclass above Circle and Rect and moves the shared 'name'
// field and the 'describe' method up into it. Live shapes keep their names.
class Circle {
  constructor(name, r) {
    this.name = name;
    this.r = r;
  }

  area() {
    return Math.round(Math.PI * this.r * this.r);
  }

  describe() {
    return `${this.name}=${this.area()}`;
  }
}

class Rect {
  constructor(name, w, h) {
    this.name = name;
    this.w = w;
    this.h = h;
  }

  area() {
    return this.w * this.h;
  }

  describe() {
    return `${this.name}=${this.area()}`;
  }
}

const shapes = [new Circle("sun", 3), new Rect("door", 2, 5)];
const sun = shapes[0];
console.log(shapes.map((s) => s.describe()).join(" "));
