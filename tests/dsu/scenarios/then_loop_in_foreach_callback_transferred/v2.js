// Each round of the pump's loop hands its items to Array.prototype.forEach, whose callback
// runs Pump.step, a loop that yields; v2 changes step. forEach's body is hosted code
// (decision 0019), so the thread waits inside step with forEach's frame under it like any
// caller's, and the update moves step's frame at its loop's back-edge: the step in progress
// keeps its counter `k` and finishes with v2's code, in the same forEach call.
class Pump {
  constructor() {
    this.items = [4, 4];
    this.n = 0;
    this.rounds = 0;
    this.running = true;
  }

  step(x) {
    let k = 0;
    while (k < x) {
      k += 1;
      this.n += 100;
      Thread.yield();
    }
  }

  run() {
    while (this.running) {
      this.items.forEach((x) => this.step(x));
      this.rounds += 1;
      if (this.rounds === 3) this.running = false;
    }
    console.log(`run ended: n=${this.n} rounds=${this.rounds}`);
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 2) Thread.yield();
console.log(`v1 n=${pump.n}`);
