// A queue hands out its jobs through a generator [Symbol.iterator]; a worker thread drains
// one iterator slowly. v2 changes the iterator's body (it labels the jobs differently, and
// walks them with an indexed for instead of a for-of). The top level ends with that
// generator suspended inside @@iterator; its loop changed kind, so its frame cannot move
// when resumed and the update waits until it finishes, then live queues iterate the new way.
const log = [];

class JobQueue {
  constructor(jobs) {
    this.jobs = jobs;
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this.jobs.length; i++) yield `v2:${this.jobs[i].toUpperCase()}`;
  }
}

const queue = new JobQueue(["a", "b", "c"]);
const draining = queue[Symbol.iterator]();
log.push(draining.next().value);
Thread.spawn(() => {
  for (;;) {
    Thread.sleep(20);
    const step = draining.next();
    if (step.done) break;
    log.push(step.value);
  }
});
console.log(log.join(","));
