// Object.keys, values, entries, assign, fromEntries.
const scores = { ann: 90, bob: 72, cy: 85 };
console.log(Object.keys(scores), Object.values(scores)); // expect: [ 'ann', 'bob', 'cy' ] [ 90, 72, 85 ]
console.log(Object.entries(scores)); // expect: [ [ 'ann', 90 ], [ 'bob', 72 ], [ 'cy', 85 ] ]
const curved = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Math.min(100, v + 10)]));
console.log(curved); // expect: { ann: 100, bob: 82, cy: 95 }
const target = { a: 1 };
const returned = Object.assign(target, { b: 2 }, { a: 3, c: 4 });
console.log(target, returned === target); // expect: { a: 3, b: 2, c: 4 } true
console.log(Object.assign({}, null, { z: 1 })); // expect: { z: 1 }
console.log(Object.fromEntries(new Map([["m", 1], ["n", 2]]))); // expect: { m: 1, n: 2 }
console.log(Object.keys(["x", "y"]), Object.values(["h", "i"])); // expect: [ '0', '1' ] [ 'h', 'i' ]

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  norm() {
    return Math.hypot(this.x, this.y);
  }
}
const p = new Point(3, 4);
console.log(Object.keys(p), Object.entries(p)); // expect: [ 'x', 'y' ] [ [ 'x', 3 ], [ 'y', 4 ] ]
