// Shapes: v1's Circle.area has a bug (it uses the diameter). v2 fixes the body; every
// live circle, wherever it is referenced, answers with the new code.
class Circle {
  constructor(r) {
    this.r = r;
  }

  area() {
    return Math.round(Math.PI * (2 * this.r) ** 2);
  }
}

class Square {
  constructor(side) {
    this.side = side;
  }

  area() {
    return this.side * this.side;
  }
}

const shapes = [new Circle(1), new Square(3), new Circle(10)];
const areaOf = (s) => s.area();
const big = shapes[2];
console.log(shapes.map(areaOf).join(" "));
