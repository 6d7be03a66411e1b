// v2 wraps the loop's body in a second loop: the loop structure changed, so the running
// frame has no mapped update point. It waits; the thread never leaves run(), and the update
// rolls back after the timeout, saying why the frame was not transferred. v1 keeps counting.
class Pump {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  run() {
    while (this.running) {
      this.n += 1;
      Thread.sleep(1);
    }
  }

  version() {
    return "v1";
  }
}

const pump = new Pump();
Thread.spawn(() => pump.run());
while (pump.n < 3) Thread.sleep(1);
console.log("v1 running");
