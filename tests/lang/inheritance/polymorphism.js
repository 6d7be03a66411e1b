// Polymorphic dispatch over a list of shapes.
class Shape {
  area() {
    return 0;
  }
  toString() {
    return `${this.constructor.name}(${this.area().toFixed(1)})`;
  }
}
class Circle extends Shape {
  constructor(r) {
    super();
    this.r = r;
  }
  area() {
    return Math.PI * this.r * this.r;
  }
}
class Rect extends Shape {
  constructor(w, h) {
    super();
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}
class Triangle extends Shape {
  constructor(b, h) {
    super();
    this.b = b;
    this.h = h;
  }
  area() {
    return (this.b * this.h) / 2;
  }
}

const shapes = [new Circle(1), new Rect(2, 5), new Triangle(3, 3), new Shape()];
console.log(shapes.join(", ")); // expect: Circle(3.1), Rect(10.0), Triangle(4.5), Shape(0.0)
const total = shapes.reduce((acc, s) => acc + s.area(), 0);
console.log(total.toFixed(4)); // expect: 17.6416
const largest = shapes.reduce((a, b) => (b.area() > a.area() ? b : a));
console.log(String(largest)); // expect: Rect(10.0)
console.log(shapes.filter((s) => s instanceof Rect).length); // expect: 1
