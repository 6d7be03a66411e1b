// Shapes with a color; Circle and Square repeat themselves.
class Shape {
  name = "shape";

  area() {
    return 0;
  }
}

class Circle extends Shape {
  r = 1;
  color = "red";

  constructor(r) {
    super();
    this.r = r;
  }

  area() {
    return Math.round(3.14 * this.r * this.r);
  }

  /** Shown in lists. */
  label() {
    return `<${this.name}>`;
  }
}

class Square extends Shape {
  side = 1;
  color = "red";

  area() {
    return this.side * this.side;
  }

  /** Shown in lists. */
  label() {
    return `<${this.name}>`;
  }
}

class Point {
  x = 0;
  y = 0;
}

const shapes = [new Circle(2), new Square()];
shapes[1].side = 3;
shapes[0].color = "blue";
const origin = new Point();
console.log(shapes.map((s) => `${s.label()} ${s.area()} ${s.color}`).join(", "));
