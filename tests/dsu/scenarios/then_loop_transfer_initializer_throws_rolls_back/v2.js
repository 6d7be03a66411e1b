// The patch computes the moved frame's new local `step` from the old frame, and that throws:
// the update rolls back at once with the reason, and the thread runs on in v1.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    const step = 10;
    while (this.running) {
      this.n += step;
      if (this.n >= 33) {
        console.log(`v2 n=${this.n} step=${step}`);
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
