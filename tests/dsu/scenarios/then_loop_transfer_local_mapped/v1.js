// v2 renames the loop's local `ticks` to `count`; the patch maps it (dsu.mapFrame), so the
// moved frame's `count` starts from the old `ticks`.
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
        ticks += 1;
      }
      Thread.sleep(1);
    }
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
