// Molt only: writing a field that is not in the class layout throws.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const p = new Point(1, 2);
p.x = 10;
console.log(p.x, p.z); // expect: 10 undefined
try {
  p.w = 1;
} catch (e) {
  console.log(e instanceof TypeError, e.message); // expect: true Cannot add field 'w' to an instance of Point
}
console.log(p); // expect: Point { x: 10, y: 2 }
p.z = 3;
console.log("not reached");
// expect runtime error: TypeError: Cannot add field 'z' to an instance of Point
