// The new local's initializer for the running frame fails.
module.exports = function (dsu) {
  dsu.mapFrame("Pump", "run", {
    at: "loop 1",
    locals: {
      step: (old) => {
        if (old.this.n > 2) throw new RangeError("step unknown past n=2");
        return 10;
      },
    },
  });
};
