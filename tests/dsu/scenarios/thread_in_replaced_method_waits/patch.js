// Replaces Worker.run while the worker thread is inside it: the swap must wait until the
// thread has left run() (the whole batch is done with the old code), then commit.
module.exports = function (dsu) {
  dsu.replaceMethod("Worker", "run", function (jobs) {
    this.done += jobs.length; // v2 processes a batch at once
  });
  dsu.replaceMethod("Worker", "describe", function () {
    return `v2 ${this.name}: ${this.done} done`;
  });
};
