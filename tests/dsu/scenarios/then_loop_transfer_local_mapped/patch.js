// The rename of the loop's local, stated for the running frame: `count` takes `ticks`.
module.exports = function (dsu) {
  dsu.mapFrame("Pump", "run", { at: "loop 1", locals: { count: (old) => old.ticks } });
};
