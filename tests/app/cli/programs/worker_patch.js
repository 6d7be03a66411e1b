// Replaces the method the worker never leaves.
module.exports = function (dsu) {
  dsu.replaceMethod("Worker", "run", function () {
    this.ticks = -1;
  });
};
