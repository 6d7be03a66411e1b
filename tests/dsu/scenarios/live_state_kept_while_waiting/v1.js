// A worker thread updates class-side and module-level counters while the update waits for
// it to leave the method the patch replaces.
let jobsDone = 0;

class Worker {
  static processed = 0;
  static lastJob = null;

  constructor(jobs) {
    this.jobs = jobs;
  }

  run() {
    for (const job of this.jobs) {
      Thread.sleep(30);
      Worker.processed++;
      Worker.lastJob = job;
      jobsDone++;
    }
  }
}

const worker = new Worker(["resize", "upload", "notify"]);
Thread.spawn(() => worker.run());
Thread.sleep(1); // let the worker enter run()
console.log("started", Worker.processed, jobsDone);
