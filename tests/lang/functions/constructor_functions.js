"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// Constructor functions are implicit classes (decision 0018): the layout comes from the
// `this.x =` writes, the methods from the top-level `P.prototype.m = function` statements.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm1 = function () {
  return Math.abs(this.x) + Math.abs(this.y);
};
Point.prototype.plus = function (other) {
  return new Point(this.x + other.x, this.y + other.y);
};
Point.prototype.toString = function () {
  return `(${this.x}, ${this.y})`;
};

const p = new Point(1, -2);
console.log(p); // expect: Point { x: 1, y: -2 }
console.log(p.norm1(), p.plus(new Point(3, 4))); // expect: 3 Point { x: 4, y: 2 }
console.log(`${p}`, String(p.plus(p))); // expect: (1, -2) (2, -4)
console.log(p instanceof Point, p.constructor === Point, p instanceof Object); // expect: true true true
console.log(typeof Point, Point.name, Point.length); // expect: function Point 2
console.log(Point); // expect: [Function: Point]
console.log(String(Point).split("\n")[0]); // expect: function Point(x, y) {
console.log(Object.keys(p), JSON.stringify(p)); // expect: [ 'x', 'y' ] {"x":1,"y":-2}

// A method read from the prototype, called on another receiver.
console.log(Point.prototype.norm1.call({ x: 5, y: 5 })); // expect: 10
console.log(Point.prototype.plus.apply(p, [p])); // expect: Point { x: 2, y: -4 }
console.log(typeof Point.prototype.plus, p.plus === Point.prototype.plus); // expect: function true
console.log(Object.keys(Point.prototype)); // expect: [ 'norm1', 'plus', 'toString' ]

// Fields the methods write belong to the layout too; one never written is not shown.
function Counter(start) {
  this.count = start;
}
Counter.prototype.tick = function () {
  this.count++;
  this.last = Date.now() > 0;
  return this;
};
const c = new Counter(5);
console.log(c); // expect: Counter { count: 5 }
console.log(c.tick().tick()); // expect: Counter { count: 7, last: true }

// Methods see `this` in nested arrows, not in nested functions.
function Bag() {
  this.items = [];
}
Bag.prototype.addAll = function (xs) {
  xs.forEach((x) => this.items.push(x * 2));
  return this.items;
};
console.log(new Bag().addAll([1, 2, 3])); // expect: [ 2, 4, 6 ]

// A function with no prototype methods that writes `this` is a constructor function too.
function Pair(a, b) {
  this.first = a;
  this.second = b;
}
const pairs = [new Pair(1, "a"), new Pair(2, "b")];
console.log(pairs); // expect: [ Pair { first: 1, second: 'a' }, Pair { first: 2, second: 'b' } ]
console.log(pairs.map((q) => q.first + q.second).join()); // expect: 1a,2b

// Constructed before its declaration: function declarations are hoisted.
const early = new Late(3);
console.log(early); // expect: Late { n: 3 }
function Late(n) {
  this.n = n;
}
Late.prototype.twice = function () {
  return this.n * 2;
};
console.log(early.twice()); // expect: 6

// `new` with fewer arguments than parameters.
function Box(v) {
  this.v = v;
}
console.log(new Box().v, new Box(1).v); // expect: undefined 1

// A function the module constructs is one even when it writes nothing.
function Marker() {}
console.log(new Marker(), new Marker() instanceof Marker); // expect: Marker {} true
