// v2 adds locals whose initializers are expressions: each is evaluated in the frame as it
// moves, in declaration order, with `this`, the module's bindings and the locals declared
// before it (a carried one has the value the old frame left: count is 3).
const OFFSET = 1;

class Pump {
  constructor() {
    this.n = 0;
    this.max = 4;
    this.running = true;
  }

  run() {
    let count = 0;
    let limit = this.max * 2 + OFFSET;
    const start = count * 10;
    const label = `from ${start} to ${limit}`;
    while (this.running) {
      count += 1;
      this.n = count;
      if (count >= limit) {
        console.log(`v2 count=${count} ${label}`);
        this.running = false;
      }
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
