// Class instances serialize their fields; Maps and Sets serialize as {}.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  get length() {
    return Math.hypot(this.x, this.y);
  }
}
class Polygon {
  #id = 7;
  name = "poly";
  constructor(points) {
    this.points = points;
  }
}
const poly = new Polygon([new Point(0, 0), new Point(3, 4)]);
console.log(JSON.stringify(poly)); // expect: {"name":"poly","points":[{"x":0,"y":0},{"x":3,"y":4}]}
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1]))); // expect: {} {}
const copy = JSON.parse(JSON.stringify(new Point(1, 2)));
console.log(copy, copy instanceof Point); // expect: { x: 1, y: 2 } false
const err = new Error("boom");
console.log(JSON.stringify({ message: err.message })); // expect: {"message":"boom"}
