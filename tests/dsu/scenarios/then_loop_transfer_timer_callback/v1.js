// The loop runs in a method a timer callback called: the callback is its own green thread,
// so its frame moves at the back-edge like any other.
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
setTimeout(() => pump.run(), 0);
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
