// v2 adds a local whose declared initializer throws when the running frame moves (the pump
// has no config). The update rolls back at once, naming the local and where it is written,
// and the thread runs on in v1 with its state.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    const limit = this.config.max * 2;
    while (this.running && this.n < limit) {
      this.n += 10;
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
