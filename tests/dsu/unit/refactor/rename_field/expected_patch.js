// molt refactor rename-field Cart items lines
// Renamed field Cart.items to lines (3 uses).
module.exports = function (dsu) {
  // Every live Cart (and subclass instance) keeps its value under the new name.
  dsu.renameInstanceVariable("Cart", "items", "lines");
};
