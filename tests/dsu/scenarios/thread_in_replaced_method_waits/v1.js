// A worker thread processing a batch; it sleeps inside Worker.run between jobs.
const log = [];

class Worker {
  constructor(name) {
    this.name = name;
    this.done = 0;
  }

  run(jobs) {
    for (const job of jobs) {
      Thread.sleep(40);
      log.push(`${this.name} v1 ${job}`);
      this.done++;
    }
  }

  describe() {
    return `v1 ${this.name}: ${this.done} done`;
  }
}

const worker = new Worker("w1");
Thread.spawn(() => worker.run(["a", "b", "c"]));
Thread.sleep(1); // the worker is now inside run()
console.log(worker.describe());
