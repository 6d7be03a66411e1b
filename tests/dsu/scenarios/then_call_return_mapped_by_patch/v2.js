// v2 adds a loop inside run()'s loop and renames its counter, so inference refuses the move
// (the loop structure changed). The patch names the call return point instead,
// `at: "call this.serve() in loop 1"`, and maps the renamed counter: run(), waiting in
// serve()'s long round, is armed, and when serve() returns it goes on in the new code with
// its count carried over.
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
    let count = 0;
    while (this.running) {
      this.serve();
      count += 10;
      this.n = count;
      for (let k = 0; k < 2; k++) this.inner += 1000;
      if (count >= 30) {
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
