// run() is suspended at an await that never settles; v2 changes run() itself. Like a
// suspended generator, the awaiting frame is an active frame of run, so the update finds no
// safe point, times out and rolls back, naming the frame; the program is left as it was.
class Job {
  state = "waiting";

  async run() {
    await new Promise(() => {});
    this.state = "v2 done";
  }
}

const job = new Job();
const pending = job.run();
console.log(job.state, pending);
