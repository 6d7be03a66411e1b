// A ticker hands out job labels from a generator method; a worker thread drains it slowly.
// v2 changes Ticker.ids (its for loop becomes a while loop) and Ticker.label. The top level
// ends with the generator suspended inside ids(), on no thread's stack: it is still an
// active frame of ids(), and with its loop changed it cannot move to the new code when
// resumed, so the update waits until it finishes (else its old code would go on calling
// the new label()).
const log = [];

class Ticker {
  *ids() {
    let i = 1;
    while (i <= 2) yield `${this.label()}:${i++}`;
  }

  label() {
    return "v2";
  }
}

const ticker = new Ticker();
const jobs = ticker.ids();
log.push(jobs.next().value);
Thread.spawn(() => {
  for (;;) {
    Thread.sleep(20);
    const step = jobs.next();
    if (step.done) break;
    log.push(step.value);
  }
});
console.log(log.join(","));
