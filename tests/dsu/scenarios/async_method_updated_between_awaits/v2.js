// An async job awaits a timer between its steps. v2 changes Job.step (not run, where the
// frame waits): the update commits at a safe point while run() is suspended at an await,
// and the steps after it run the new code on the same instance, its state kept.
class Job {
  count = 0;

  step(name) {
    this.count++;
    console.log(`v2 step ${name} (${this.count})`);
  }

  async run() {
    this.step("a");
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.step("b");
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.step("c");
    return this.count;
  }
}

const job = new Job();
job.run().then((n) => console.log("done after", n, "steps"));
console.log("top level done");
