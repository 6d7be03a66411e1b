// A pump thread loops forever in Pump.run; v2 changes the loop body. The update moves the
// running frame to the new code at the loop's back-edge: n and the local `ticks` keep
// counting from where v1 left them, by v2's step.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    let ticks = 0;
    while (this.running) {
      if (this.n < 3) {
        this.n += 1;
        ticks++;
      }
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
