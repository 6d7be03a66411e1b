// v2 no longer calls serve() in the loop, so the frame of run(), waiting in that call, has
// no call return to move at; it reaches no back-edge before the timeout either (serve()
// sleeps through 3000 ticks): the update rolls back, naming the frame and why.
class Pump {
  constructor() {
    this.n = 0;
    this.inner = 0;
    this.running = true;
  }

  serve() {
    const ticks = this.n < 2 ? 2 : 3000;
    for (let k = 0; k < ticks; k++) {
      this.inner += 1;
      Thread.sleep(1);
    }
  }

  work() {
    this.inner += 1;
    Thread.sleep(1);
  }

  run() {
    let rounds = 0;
    while (this.running) {
      this.work();
      rounds += 1;
      this.n = rounds;
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.inner < 6) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
