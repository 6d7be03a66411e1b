// Classes are values: stored in arrays/records, instantiated through variables.
class Circle {
  constructor(r) { this.r = r; }
  area() { return Math.round(Math.PI * this.r * this.r); }
}
class Square {
  constructor(s) { this.s = s; }
  area() { return this.s * this.s; }
}

const registry = { circle: Circle, square: Square };
const shapes = [];
for (const [kind, size] of [["circle", 2], ["square", 3], ["circle", 1]]) {
  const cls = registry[kind];
  shapes.push(new cls(size));
}
for (const s of shapes) {
  console.log(s.constructor.name, s.area());
}
// expect: Circle 13
// expect: Square 9
// expect: Circle 3

function create(cls, ...args) {
  return new cls(...args);
}
const sq = create(Square, 5);
console.log(sq.area(), sq.constructor === Square); // expect: 25 true
const classes = [Circle, Square];
console.log(classes.map((k) => k.name).join(",")); // expect: Circle,Square
const copy = new sq.constructor(6);
console.log(copy.area()); // expect: 36
