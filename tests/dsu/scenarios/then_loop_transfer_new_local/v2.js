// v2 declares new locals before the loop: one with a literal initializer (the moved frame
// gets its value), one with a computed initializer (evaluated in the frame as it moves,
// with the state it has then: n is 3).
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    const step = 10;
    let label = "pump " + this.n;
    while (this.running) {
      this.n += step;
      if (this.n >= 33) {
        console.log(`v2 n=${this.n} step=${step} label=${label}`);
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
