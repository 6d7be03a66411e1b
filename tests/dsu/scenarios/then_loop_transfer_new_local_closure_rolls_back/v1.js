// v2 adds a local initialized with an arrow that reads another local. Evaluated outside the
// frame it would capture a copy, not the frame's variable, so the update rolls back at once
// with the reason; the thread runs on in v1.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    while (this.running) {
      if (this.n < 3) this.n += 1;
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
