// The thread sleeps inside the inner of two nested loops, in a method the entry closure
// reaches through an unchanged one. v2 changes the inner loop's body and drops the local
// `spare`: the frame moves at the inner loop's back-edge (loop 1.1) with `round` and `i`.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  start() {
    this.run();
  }

  run() {
    let round = 0;
    let spare = "old";
    while (this.running) {
      round++;
      for (let i = 0; i < 1000; i++) {
        if (this.n < 3) this.n += 1;
        Thread.sleep(1);
      }
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.start());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
