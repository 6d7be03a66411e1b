// The loop runs in a method a timer callback called: the callback is its own green thread,
// so its frame moves at the back-edge like any other.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    while (this.running) {
      this.n += 10;
      if (this.n >= 33) {
        console.log(`v2 n=${this.n}`);
        this.running = false;
      }
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
setTimeout(() => pump.run(), 0);
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
