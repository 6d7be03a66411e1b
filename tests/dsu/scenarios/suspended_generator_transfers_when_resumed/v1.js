// A ticker's generator method loops forever, yielding ids; the top level takes two, then a
// worker thread drains it with a for-of. v2 changes the loop's body. The top level ends with
// the generator suspended at its yield, on no thread's stack: a yield is no update point,
// so the frame stays as it is until the worker resumes it; at its next back-edge it is a
// frame on the worker's stack like any other, and moves to the new code there, keeping i.
const log = [];

class Ticker {
  constructor() {
    this.running = true;
  }

  *ids() {
    let i = 0;
    while (this.running) {
      i += 1;
      yield `v1-${i}`;
    }
  }
}

const ticker = new Ticker();
const jobs = ticker.ids();
log.push(jobs.next().value);
log.push(jobs.next().value);
Thread.spawn(() => {
  for (const id of jobs) {
    log.push(id);
    if (log.length === 5) ticker.running = false;
    Thread.sleep(5);
  }
  console.log(log.join(","));
});
console.log(log.join(","));
