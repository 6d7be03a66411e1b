// A small class with a constructor, methods and a toString.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) {
    return new Point(this.x + other.x, this.y + other.y);
  }
  scale(k) {
    return new Point(this.x * k, this.y * k);
  }
  lengthSquared() {
    return this.x * this.x + this.y * this.y;
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
}

const a = new Point(1, 2);
const b = new Point(3, -4);
console.log(a.x, a.y); // expect: 1 2
console.log(a.add(b).toString()); // expect: (4, -2)
console.log(String(b.scale(2))); // expect: (6, -8)
console.log(`${a}`); // expect: (1, 2)
console.log("p=" + a); // expect: p=(1, 2)
console.log(b.lengthSquared()); // expect: 25
console.log(a); // expect: Point { x: 1, y: 2 }
console.log(typeof a, typeof Point); // expect: object function
console.log(a instanceof Point); // expect: true
console.log(a === a, a === new Point(1, 2)); // expect: true false
