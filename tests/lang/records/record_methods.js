// Shorthand methods and function-valued properties in records; `this` is the record.
const counter = {
  count: 0,
  step: 2,
  increment() {
    this.count += this.step;
    return this;
  },
  reset: function () {
    this.count = 0;
    return this;
  },
  describe: () => "arrow functions do not bind this",
};
console.log(counter.increment().increment().count); // expect: 4
console.log(counter.reset().count, counter.describe()); // expect: 0 arrow functions do not bind this

const calc = {
  ops: {
    add: (a, b) => a + b,
    mul: (a, b) => a * b,
  },
  run(op, a, b) {
    const fn = this.ops[op];
    return fn ? fn(a, b) : `unknown op ${op}`;
  },
};
console.log(calc.run("add", 2, 3), calc.run("mul", 2, 3), calc.run("pow", 2, 3)); // expect: 5 6 unknown op pow
console.log(typeof counter.increment, Object.keys(calc)); // expect: function [ 'ops', 'run' ]
