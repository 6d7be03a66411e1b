// A ticker hands out job labels from an async generator method; an async consumer drains
// it with for await, sleeping between jobs. v2 changes Ticker.ids and Ticker.label. The
// top level ends with the generator suspended at a yield inside ids(), on no thread's
// stack: like a suspended generator it is an active frame of ids(), so the update waits
// until it finishes (else its old code would go on calling the new label()).
const log = [];

class Ticker {
  async *ids() {
    for (let i = 1; i <= 3; i++) yield `${this.label()}-${i}`;
  }

  label() {
    return "v1";
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ticker = new Ticker();

async function drain(jobs) {
  for await (const id of jobs) {
    log.push(id);
    await sleep(20);
  }
}

drain(ticker.ids());
console.log("started");
