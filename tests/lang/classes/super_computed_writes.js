// `super[k] = v`, `super[k] op= v` and `super[k]++` write through the superclass as
// `super.x = v` does: a superclass setter runs with `this`, otherwise `this` gets the value;
// reads go to the superclass (a field of `this` is not a superclass property). The fields
// written are declared (Molt refuses to add one outside the class's layout).
class Base {
  constructor() {
    this.log = [];
    this.v = 1;
    this.w = undefined;
    this.fresh = 0;
  }
  get scaled() {
    return 10;
  }
  set scaled(x) {
    this.log.push(`scaled=${x}`);
  }
}
class Derived extends Base {
  write(k, v) {
    super[k] = v;
    return this[k];
  }
  add(k) {
    super[k] += 2;
    return this[k];
  }
  bump(k) {
    const before = super[k]++;
    return [before, this[k]];
  }
  preBump(k) {
    return ++super[k];
  }
  orSet(k) {
    super[k] ||= 7;
    return this[k];
  }
}
const d = new Derived();
console.log(d.write("v", 5), d.v); // expect: 5 5
console.log(d.write("scaled", 3), d.log); // expect: 10 [ 'scaled=3' ]
console.log(d.add("scaled"), d.log.length); // expect: 10 2
console.log(d.add("v"), d.bump("v"), d.preBump("w")); // expect: NaN [ NaN, NaN ] NaN
console.log(d.orSet("fresh"), d.fresh); // expect: 7 7
const key = "sc" + "aled";
console.log(d.write(key, 9), d.log[d.log.length - 1]); // expect: 10 scaled=9
class StaticBase {
  static count = 1;
  static set total(x) {
    StaticBase.seen = x;
  }
}
StaticBase.seen = 0;
class StaticDerived extends StaticBase {
  static count = 5;
  static bump(k) {
    super[k] += 1;
    return [this.count, StaticBase.count];
  }
  static setTotal(k) {
    super[k] = 42;
    return StaticBase.seen;
  }
}
console.log(StaticDerived.bump("count"), StaticDerived.setTotal("total")); // expect: [ 2, 1 ] 42
