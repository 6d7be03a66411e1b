// molt refactor rename-class Cart Basket
// Renamed class Cart to Basket (5 references).
module.exports = function (dsu) {
  // The live class Cart becomes Basket: its instances keep their identity and state.
  dsu.renameClass("Cart", "Basket");
};
