// Subclasses in the main module extend a class of ./shape. v2 changes only ./shape: Shape
// gains a 'color' field with an initializer and a new describe(); the subclass instances
// of the main module get the field and the new code.
const { Shape } = require("./shape");

class Square extends Shape {
  constructor(name, side) {
    super(name);
    this.side = side;
  }

  area() {
    return this.side * this.side;
  }
}

class Tri extends Shape {
  constructor(name, b, h) {
    super(name);
    this.b = b;
    this.h = h;
  }

  area() {
    return (this.b * this.h) / 2;
  }
}

const shapes = [new Square("tile", 4), new Tri("roof", 6, 3)];
const tile = shapes[0];
console.log(shapes.map((s) => s.describe()).join(" "));
