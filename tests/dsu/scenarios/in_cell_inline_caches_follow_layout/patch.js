// `a` goes; `b` stays and keeps its value.
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Pair", "a");
};
