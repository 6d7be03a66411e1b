// Nested arrays, records and instances in console.log output.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Line {
  constructor(a, b) {
    this.from = a;
    this.to = b;
  }
}
console.log([1, [2, 3], { a: [4] }]); // expect: [ 1, [ 2, 3 ], { a: [ 4 ] } ]
console.log({ list: [], rec: {}, nested: { ok: true } }); // expect: { list: [], rec: {}, nested: { ok: true } }
console.log(new Line(new Point(0, 0), new Point(1, 2))); // expect: Line { from: Point { x: 0, y: 0 }, to: Point { x: 1, y: 2 } }
console.log([new Point(1, 1)], { p: new Point(2, 2) }); // expect: [ Point { x: 1, y: 1 } ] { p: Point { x: 2, y: 2 } }
console.log([[]], [{}], [[], []]); // expect: [ [] ] [ {} ] [ [], [] ]
console.log({ a: null, b: undefined, c: true, d: "s", e: 1.5 }); // expect: { a: null, b: undefined, c: true, d: 's', e: 1.5 }
console.log([null, undefined, true, "s", 1.5]); // expect: [ null, undefined, true, 's', 1.5 ]
