// bug-001: `this.balance -= f` in a subclass, where `balance` is an accessor inherited
// from the superclass, used to add a field `balance` to the subclass's layout that
// shadowed the accessor. Layout inference sees only the class's own body; the runtime
// drops inferred fields that the superclass defines as accessors.
class Account {
  #cents = 0;
  constructor(cents) { this.#cents = cents; this.writes = 0; }
  get balance() { return this.#cents; }
  set balance(v) { this.#cents = v; this.writes++; }
}
class Checking extends Account {
  charge(fee) { this.balance -= fee; return this; }
  reset() { this.balance = 0; }
}
const c = new Checking(100).charge(30);
console.log(c.balance, c.writes); // expect: 70 1
c.reset();
console.log(c.balance, c.writes); // expect: 0 2
console.log(c); // expect: Checking { writes: 2 }
class Declared extends Account {
  balance = 5; // a declared field does shadow the inherited accessor, as in JavaScript
}
const d = new Declared(1);
console.log(d.balance, d.writes); // expect: 5 0
