// A polling worker that never leaves its run loop: an update that replaces run() has no
// safe point.
class Worker {
  constructor(name) {
    this.name = name;
    this.ticks = 0;
  }

  run() {
    while (true) {
      Thread.sleep(20);
      this.ticks++;
    }
  }

  status() {
    return `v1 ${this.name} running`;
  }
}

const worker = new Worker("poller");
Thread.spawn(() => worker.run());
Thread.sleep(1); // the worker is now inside run()
console.log(worker.status());
