// Fixes tick() and tracks a peak. There is no --eval, so the program runs on after the
// update: the interval keeps firing and its callback now reaches the new methods.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Meter", "peak", (oldObj) => oldObj.last);
  dsu.replaceMethod("Meter", "tick", function () {
    const v = this.readings[this.samples++];
    this.total += v;
    this.peak = Math.max(this.peak, v);
    return `v2 sample ${this.samples}: ${v} (peak ${this.peak})`;
  });
  dsu.replaceMethod("Meter", "summary", function () {
    return `v2 total ${this.total} over ${this.samples} samples, peak ${this.peak}`;
  });
};
