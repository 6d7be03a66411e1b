// An outer loop calls an inner looping method and both change: the inner frame (on top)
// moves at its back-edge, the outer one, waiting in the call, is armed and moves when the
// inner call returns. Both keep their counters and run the new code.
class Mill {
  constructor() {
    this.outer = 0;
    this.inner = 0;
    this.running = true;
  }

  grind() {
    let turns = 0;
    while (turns < 1000000) {
      turns += 1;
      this.inner += 1;
      Thread.sleep(1);
    }
  }

  run() {
    let rounds = 0;
    while (this.running) {
      this.grind();
      rounds += 1;
      this.outer = rounds;
    }
  }
}

const mill = new Mill();
Thread.spawn(() => mill.run());
while (mill.inner < 3) Thread.sleep(1);
console.log(`v1 outer=${mill.outer}`);
