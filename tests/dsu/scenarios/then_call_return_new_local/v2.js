// v2 declares new locals before the loop of a frame that waits in a call: the literal one
// gets its value, the computed one is evaluated as the update commits (n is 2 then), and
// both are in the frame when it moves at the call's return; the counter is carried.
class Pump {
  constructor() {
    this.n = 0;
    this.inner = 0;
    this.running = true;
  }

  serve() {
    const ticks = this.n < 2 ? 2 : 300;
    for (let k = 0; k < ticks; k++) {
      this.inner += 1;
      Thread.sleep(1);
    }
  }

  run() {
    let rounds = 0;
    const step = 10;
    let label = "pump " + this.n;
    while (this.running) {
      this.serve();
      rounds += step;
      this.n = rounds;
      console.log(`v2 n=${this.n} step=${step} label=${label} inner=${this.inner}`);
      this.running = false;
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.inner < 6) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
