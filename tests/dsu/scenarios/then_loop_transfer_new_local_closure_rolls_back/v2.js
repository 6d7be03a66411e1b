// v2 adds a local initialized with an arrow that reads another local. Evaluated outside the
// frame it would capture a copy, not the frame's variable, so the update rolls back at once
// with the reason; the thread runs on in v1.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    let step = 10;
    const advance = () => (this.n += step);
    while (this.running) {
      advance();
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
