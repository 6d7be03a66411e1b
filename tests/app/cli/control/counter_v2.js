// v2: a new field with an initializer, and new code for describe().
const { label } = require("./lib/label");

class Counter {
  step = 1;

  constructor() {
    this.count = 0;
  }

  tick() {
    this.count += this.step;
  }

  describe() {
    return label("v2", this.count, this.step);
  }
}

const counter = new Counter();
const timer = setInterval(() => counter.tick(), 5);
console.log("v2 started");
