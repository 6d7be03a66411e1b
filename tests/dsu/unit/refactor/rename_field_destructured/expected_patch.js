// molt refactor rename-field P a x
// Renamed field P.a to x (7 uses).
module.exports = function (dsu) {
  // Every live P (and subclass instance) keeps its value under the new name.
  dsu.renameInstanceVariable("P", "a", "x");
};
