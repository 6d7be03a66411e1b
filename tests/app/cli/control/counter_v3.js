// v3: describe() changes again; the field added by v2 stays.
class Counter {
  step = 1;

  constructor() {
    this.count = 0;
  }

  tick() {
    this.count += this.step;
  }

  describe() {
    return `v3 count=${this.count} step=${this.step}`;
  }
}

const counter = new Counter();
const timer = setInterval(() => counter.tick(), 5);
console.log("v3 started");
