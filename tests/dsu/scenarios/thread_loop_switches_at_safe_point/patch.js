// step() changes while the consumer sleeps inside it. No --eval: the program runs on. The
// current call finishes with the old code; every later call runs the new code.
module.exports = function (dsu) {
  dsu.replaceMethod("Worker", "step", function (item) {
    this.handled.push(`v2:${item}`);
    console.log(`${this.name} v2 handled ${item.toUpperCase()}`);
  });
};
