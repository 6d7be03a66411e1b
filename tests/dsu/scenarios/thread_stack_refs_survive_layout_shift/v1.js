// A job thread holds references to a job in its locals and sleeps inside a subclass method
// while the update changes the superclass's layout (shifting the subclass's fields).
class Base {
  constructor(id) {
    this.id = id;
  }
}

class Job extends Base {
  constructor(id, payload) {
    super(id);
    this.payload = payload;
    this.attempts = 0;
  }

  process() {
    const self = this;
    Thread.sleep(40);
    this.attempts++;
    return `${this.id}:${this.payload}:${this.attempts}:${self === this}`;
  }
}

const jobs = [new Job(7, "resize"), new Job(8, "upload")];
Thread.spawn(() => {
  const job = jobs[0];
  const id = Molt.identityOf(job);
  const out = job.process();
  Thread.sleep(20);
  console.log(out, job === jobs[0], Molt.identityOf(job) === id, job.priority);
  console.log(Molt.readClassDefinition(Molt.classOf(job)).layout.join(","));
});
Thread.sleep(1); // the job thread is now asleep inside Job.process
console.log("queued", jobs.length);
