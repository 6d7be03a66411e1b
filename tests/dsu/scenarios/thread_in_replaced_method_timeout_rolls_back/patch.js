// Replaces the method the worker never leaves. With --safe-point-timeout 100 no safe point
// comes in time: the update rolls back naming the blocking method, and --eval sees the old
// program (old status(), the worker still ticking).
module.exports = function (dsu) {
  dsu.replaceMethod("Worker", "run", function () {
    this.ticks = -1;
  });
  dsu.replaceMethod("Worker", "status", function () {
    return `v2 ${this.name}`;
  });
};
