// new.target: the class `new` was applied to, seen by every constructor in the chain.
class Shape {
  constructor() {
    this.kind = new.target.name;
    this.direct = new.target === Shape;
    const arrow = () => new.target; // arrows see their constructor's
    this.fromArrow = arrow() === new.target;
  }
  area() { return new.target; }
}
class Square extends Shape {
  constructor() {
    super();
    this.mine = new.target === Square;
  }
}
const s = new Shape();
console.log(s.kind, s.direct, s.fromArrow); // expect: Shape true true
const q = new Square();
console.log(q.kind, q.direct, q.mine, q.fromArrow); // expect: Square false true true
console.log(s.area()); // expect: undefined
function plain() { return new.target; }
console.log(plain()); // expect: undefined
class Abstract {
  constructor() {
    if (new.target === Abstract) throw new TypeError("Abstract is abstract");
  }
}
class Concrete extends Abstract {}
try { new Abstract(); } catch (e) { console.log(e.message); } // expect: Abstract is abstract
console.log(new Concrete() instanceof Abstract); // expect: true
