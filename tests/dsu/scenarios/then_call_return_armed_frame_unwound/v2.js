// An armed frame that never gets its call's return: run() waits in serve(), the update
// commits with run() armed and serve() moved at its back-edge, and v2's serve() then throws
// through run(). The armed frame is unwound, never moved (nothing of it runs); the thread's
// entry catches the error, and a later call of run() runs the new code from its start.
class Pump {
  constructor() {
    this.n = 0;
    this.version = 1;
  }

  serve() {
    while (this.version === 1) {
      this.version = 2;
      Thread.sleep(1);
    }
    if (this.version === 2) throw new Error("serve stopped");
  }

  run() {
    let rounds = 0;
    while (true) {
      this.serve();
      rounds += 1;
      this.n = rounds;
      console.log(`v2 run, rounds=${rounds}`);
      return;
    }
  }
}

const pump = new Pump();
Thread.spawn(() => {
  try {
    pump.run();
  } catch (e) {
    console.log(`caught: ${e.message}, n=${pump.n}`);
  }
  pump.version = 3;
  pump.run();
});
Thread.sleep(5);
console.log("v1 waiting");
