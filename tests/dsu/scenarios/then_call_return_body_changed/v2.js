// A changed loop whose frame waits in a long call: run() is blocked in serve() (unchanged,
// sleeping through 300 ticks), so it reaches no back-edge while the update waits. It is
// armed instead: the update commits at once, serve() finishes, and run() goes on in the new
// code at the matching call's return, its counter carried.
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
    while (this.running) {
      this.serve();
      rounds += 10;
      this.n = rounds;
      if (rounds >= 10) {
        console.log(`v2 n=${this.n} inner=${this.inner}`);
        this.running = false;
      }
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.inner < 6) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
