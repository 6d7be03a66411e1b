// The patch maps a call return point that run() does not have (a typo for serve): bad
// input, reported at the mapFrame call with the points run() has; nothing changes.
class Pump {
  constructor() {
    this.n = 0;
    this.inner = 0;
    this.running = true;
  }

  serve() {
    const ticks = this.n === 2 ? 300 : 2;
    for (let k = 0; k < ticks; k++) {
      this.inner += 1;
      Thread.sleep(1);
    }
  }

  run() {
    let rounds = 0;
    while (this.running) {
      this.serve();
      rounds += 1;
      this.n = rounds;
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.inner < 6) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
