// bug-004: a field that a method assigns (`this.m = ...`) and that shares its name with a
// method hid the method before the assignment ran: the slot read `undefined`. An unassigned
// slot is not a property yet, so reads, calls, `in`, Object.keys and printing see the class.
class A {
  constructor() {
    console.log(typeof this.m);
    this.m = () => 1;
    console.log(typeof this.m, this.m());
  }
  m() {
    return 0;
  }
}
const a = new A();
// expect: function
// expect: function 1
console.log(Object.keys(a).join(",")); // expect: m

class B {
  constructor(early) {
    if (!early) this.m = () => 2;
  }
  m() {
    return 1;
  }
  call() {
    return this.m();
  }
}
const b1 = new B(true);
const b2 = new B(false);
console.log(b1.m(), b2.m(), b1.call(), b2.call()); // expect: 1 2 1 2
console.log(Object.keys(b1).length, Object.keys(b2).length); // expect: 0 1
console.log(JSON.stringify(b1), JSON.stringify(b2)); // expect: {} {}
console.log(typeof b1.m, "m" in b1, Object.keys(b2).includes("m")); // expect: function true true
b1.m = undefined;
console.log(typeof b1.m, Object.keys(b1).join(",")); // expect: undefined m

// The method comes from a superclass.
class S {
  hello() {
    return "S";
  }
}
class T extends S {
  constructor(x) {
    super();
    if (x) this.hello = () => "T";
  }
}
console.log(new T(false).hello(), new T(true).hello()); // expect: S T

// A declared field without an initializer is assigned `undefined` when the instance is made.
class P {
  x;
  constructor() {
    console.log(this.x, Object.keys(this).join(","));
  }
}
new P(); // expect: undefined x

// Without a method of the name, an unassigned field reads undefined and is not a key yet.
class Q {
  constructor(set) {
    if (set) this.v = 1;
  }
  read() {
    return this.v;
  }
}
console.log(new Q(false).read(), "v" in new Q(false), "v" in new Q(true)); // expect: undefined false true
console.log(Object.keys(new Q(false)).length, Object.keys(new Q(true)).length); // expect: 0 1
console.log(new Q(false), new Q(true)); // expect: Q {} Q { v: 1 }
const copy = { ...new Q(false) };
console.log(Object.keys(copy).length); // expect: 0
const seen = [];
for (const k in new Q(false)) seen.push(k);
for (const k in new Q(true)) seen.push(k);
console.log(seen.join(",")); // expect: v
