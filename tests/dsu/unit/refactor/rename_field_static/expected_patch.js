// molt refactor rename-field Cart count total
// Renamed static field Cart.count to total (2 uses).
module.exports = function (dsu) {
  // The live value of static Cart.count moves to total.
  dsu.renameStaticField("Cart", "count", "total");
};
