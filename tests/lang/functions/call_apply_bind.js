"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// Function.prototype.call, apply and bind: `this`, partial arguments, `new` on a bound class.
class Counter {
  count = 0;
  inc(by = 1) { this.count += by; return this.count; }
}
const c = new Counter();
function whoAmI(suffix) { return (this === undefined ? "nobody" : "count " + this.count) + (suffix ?? ""); }
console.log(whoAmI.call(c)); // expect: count 0
console.log(whoAmI.call(c, "!")); // expect: count 0!
console.log(whoAmI.apply(c, ["?"])); // expect: count 0?
console.log(whoAmI.apply(c)); // expect: count 0
console.log(whoAmI.call()); // expect: nobody
console.log(Math.max.apply(null, [3, 9, 2])); // expect: 9
console.log(Math.max.call(null, 3, 9, 2)); // expect: 9
console.log([].concat.apply([], [[1], [2, 3]])); // expect: [ 1, 2, 3 ]

const inc10 = c.inc.bind(c, 10);
console.log(inc10(), inc10(), c.count); // expect: 10 20 20
console.log(inc10.name, inc10.length); // expect: bound inc 0
console.log(String(inc10)); // expect: function () { [native code] }
const join = [].join.bind(["a", "b"]);
console.log(join("-"), join.name); // expect: a-b bound join

function add3(a, b, c) { return a + b + c; }
const add1 = add3.bind(null, 1);
const add12 = add1.bind(null, 2);
console.log(add1(2, 3), add12(3), add1.length, add12.length, add12.name); // expect: 6 6 2 1 bound bound add3
console.log([1, 2, 3].map(add12)); // expect: [ 4, 5, 6 ]

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
const AtX1 = Point.bind(null, 1);
const p = new AtX1(2);
console.log(p, p instanceof Point); // expect: Point { x: 1, y: 2 } true
try {
  Point.call(null, 1, 2);
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError Class constructor Point cannot be invoked without 'new'
}
try {
  whoAmI.apply(null, 5);
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError CreateListFromArrayLike called on non-object
}

// A call through call/apply is an ordinary frame: deep recursion and generators work.
function depth(n) { return n === 0 ? 0 : 1 + depth.call(null, n - 1); }
console.log(depth(3000)); // expect: 3000
function* pairs(a, b) { yield a; yield b; }
console.log([...pairs.call(null, "x", "y")]); // expect: [ 'x', 'y' ]
