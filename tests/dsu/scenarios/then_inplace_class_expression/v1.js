// Classes defined by class expressions (`const K = class { ... }`, anonymous or named):
// a changed method body reaches live and new instances, and the classes are updated in
// place like declared ones.
const Greeter = class {
  constructor(name) {
    this.name = name;
  }

  greet() {
    return `hello ${this.name}`;
  }
};

const Counter = class Tally {
  constructor() {
    this.count = 0;
  }

  step() {
    this.count += 1;
    return this.count;
  }
};

const greeters = [new Greeter("ada"), new Greeter("bob")];
const counter = new Counter();
counter.step();
console.log(greeters.map((g) => g.greet()).join(", "), counter.step());
