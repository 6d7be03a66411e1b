// The validation rejects the update. Without --eval the program runs on after the rollback:
// the timer keeps calling the OLD bump(), the layout is unchanged, and molt exits with 3
// once the program is done.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Counter", "step", dsu.constant(10));
  dsu.replaceMethod("Counter", "bump", function () {
    this.count += this.step;
    return `v2 beat ${this.count}`;
  });
  dsu.addValidation("counter must be odd", (oldNs, newNs) => newNs.allInstances("Counter").every((c) => c.count % 2 === 1));
};
