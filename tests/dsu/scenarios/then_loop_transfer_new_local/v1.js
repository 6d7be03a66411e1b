// v2 declares new locals before the loop: one with a literal initializer (the moved frame
// gets its value), one with a computed initializer (evaluated in the frame as it moves,
// with the state it has then: n is 3).
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
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log(`v1 n=${pump.n}`);
