// Shapes: v2 inserts a Shape superclass above Circle and Rect and moves the shared 'name'
// field and the 'describe' method up into it. Live shapes keep their names.
class Shape {
  constructor(name) {
    this.name = name;
  }

  describe() {
    return `${this.constructor.name} ${this.name}=${this.area()}`;
  }
}

class Circle extends Shape {
  constructor(name, r) {
    super(name);
    this.r = r;
  }

  area() {
    return Math.round(Math.PI * this.r * this.r);
  }
}

class Rect extends Shape {
  constructor(name, w, h) {
    super(name);
    this.w = w;
    this.h = h;
  }

  area() {
    return this.w * this.h;
  }
}

const shapes = [new Circle("sun", 3), new Rect("door", 2, 5)];
const sun = shapes[0];
console.log(shapes.map((s) => s.describe()).join(" "));
