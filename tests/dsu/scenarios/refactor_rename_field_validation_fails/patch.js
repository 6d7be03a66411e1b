// molt refactor rename-field Cart items lines
// Renamed field Cart.items to lines (3 uses).
module.exports = function (dsu) {
  // Every live Cart (and subclass instance) keeps its value under the new name.
  dsu.renameInstanceVariable("Cart", "items", "lines");
  // A business rule the live data breaks: the update rolls back.
  dsu.addValidation("every cart has at most one line", (oldNs, newNs) =>
    newNs.allInstances("Cart").every((c) => c.lines.length <= 0));
};
