// Version 2: Point is a class now.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  sum() {
    return this.x + this.y;
  }
}
const p = new Point(1, 2);
console.log(p.sum());
