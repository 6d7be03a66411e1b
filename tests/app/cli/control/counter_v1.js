// A service kept alive by a timer: its state (the count) must survive every update.
class Counter {
  constructor() {
    this.count = 0;
  }

  tick() {
    this.count++;
  }

  describe() {
    return `v1 count=${this.count}`;
  }
}

const counter = new Counter();
const timer = setInterval(() => counter.tick(), 5);
console.log("v1 started");
