// `super.x++`, `--super.x` and `super.x += 1` read through the superclass (its getter, or
// the field on `this`) and write with node's [[Set]]: a superclass setter, else `this`.
class Counter {
  constructor() {
    this.n = 1;
    this.log = [];
  }
  get level() {
    this.log.push("get");
    return this.n * 10;
  }
  set level(v) {
    this.log.push("set " + v);
    this.n = v / 10;
  }
}
class Stepper extends Counter {
  bump() {
    const before = super.level++;
    return [before, this.n, this.log.join(", ")];
  }
  drop() {
    return [--super.level, this.n];
  }
  add() {
    super.level += 5;
    return this.n;
  }
  plainField() {
    // no accessor named `count` above: the read is undefined (no field on the superclass
    // side), the write lands on `this`
    this.count = 4;
    const old = super.count++;
    return [old, this.count];
  }
}
const s = new Stepper();
console.log(s.bump()); // expect: [ 10, 1.1, 'get, set 11' ]
console.log(s.drop()); // expect: [ 10, 1 ]
console.log(s.add(), s.n); // expect: 1.5 1.5
console.log(s.plainField()); // expect: [ NaN, NaN ]
const arrow = new (class extends Counter {
  run() {
    const inc = () => ++super.level;
    return [inc(), this.n];
  }
})();
console.log(arrow.run()); // expect: [ 11, 1.1 ]
