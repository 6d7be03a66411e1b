// A heartbeat timer reporting a counter's state. The timer holds itself after two beats
// until the top level is done, so the update is tried between beat 2 and beat 3.
class Counter {
  constructor() {
    this.count = 0;
  }

  bump() {
    this.count++;
    return `v1 beat ${this.count}`;
  }
}

const counter = new Counter();
let hold = false;
const timer = setInterval(() => {
  if (hold) return;
  console.log(counter.bump());
  if (counter.count === 2) hold = true;
  if (counter.count === 4) {
    clearInterval(timer);
    console.log("fields:", Molt.readClassDefinition(Counter).fields.join(","));
  }
}, 5);
while (!hold) Thread.sleep(1);
hold = false;
console.log("top level done");
