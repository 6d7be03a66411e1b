// A meter sampled by an interval timer. v1 has a bug: it stops sampling after 3 samples.
class Meter {
  constructor(readings) {
    this.readings = readings;
    this.samples = 0;
    this.total = 0;
    this.last = null;
  }

  tick() {
    if (this.samples >= 3) return null; // the bug: a fixed-size buffer
    const v = this.readings[this.samples++];
    this.total += v;
    this.last = v;
    return `v1 sample ${this.samples}: ${v}`;
  }

  summary() {
    return `v1 total ${this.total}`;
  }
}

const meter = new Meter([5, 7, 9, 11, 13, 15]);
const timer = setInterval(() => {
  const line = meter.tick();
  if (line) console.log(line);
  if (meter.samples === meter.readings.length) {
    clearInterval(timer);
    console.log(meter.summary());
  }
}, 5);
while (meter.samples < 3) Thread.sleep(2);
console.log("top level done");
