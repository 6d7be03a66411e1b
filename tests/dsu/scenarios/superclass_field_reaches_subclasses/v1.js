// A drawing: shapes share a position through their superclass.
class Shape {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  toString() {
    return `${this.constructor.name}@${this.x},${this.y}`;
  }
}

class Circle extends Shape {
  constructor(x, y, r) {
    super(x, y);
    this.r = r;
  }

  area() {
    return Math.PI * this.r * this.r;
  }
}

class Square extends Shape {
  constructor(x, y, side) {
    super(x, y);
    this.side = side;
  }

  area() {
    return this.side * this.side;
  }
}

const drawing = [new Circle(0, 0, 1), new Square(5, 5, 3), new Circle(2, 8, 2)];
console.log(drawing.map((s) => `${s} ${s.area().toFixed(2)}`).join(" | "));
