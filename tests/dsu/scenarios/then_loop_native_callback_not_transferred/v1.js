// Each round of the pump's loop hands its items to Array.prototype.forEach, whose callback
// runs Pump.step, a loop of its own; v2 changes both methods. A frame under a native frame
// (the callback's, under forEach) is never moved: the native's C++ frame cannot be
// rewritten, and a callback called from native code cannot block or be preempted, so the
// update never finds the thread stopped there. The thread is parked at the next back-edge
// of run's loop instead, outside the native call, and both methods switch to v2 together.
class Pump {
  constructor() {
    this.items = [1, 2, 3];
    this.n = 0;
    this.rounds = 0;
    this.running = true;
  }

  step(x) {
    let k = 0;
    while (k < x) {
      k += 1;
      if (this.rounds < 3) this.n += 1;
    }
  }

  run() {
    while (this.running) {
      this.items.forEach((x) => this.step(x));
      if (this.rounds < 3) this.rounds += 1;
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.rounds < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n} rounds=${pump.rounds}`);
