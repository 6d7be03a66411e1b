// run() is suspended at an await that nothing settles (its resolver is kept, so the frame is
// not garbage); v2 changes run() itself. Like a suspended generator, the awaiting frame is
// an active frame of run, so the update finds no safe point, times out and rolls back,
// naming the frame; the program is left as it was.
let release = null;

class Job {
  state = "waiting";

  async run() {
    await new Promise((resolve) => {
      release = resolve;
    });
    this.state = "v1 done";
  }
}

const job = new Job();
const pending = job.run();
console.log(job.state, pending);
