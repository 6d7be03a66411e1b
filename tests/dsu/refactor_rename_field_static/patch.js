// molt refactor rename-field Cart count total
// Renamed static field Cart.count to total (2 uses).
module.exports = function (dsu) {
  // The live value of static Cart.count moves to total: copied from the old class
  // while the update validates (nothing is live yet; a rollback discards it).
  dsu.removeStaticField("Cart", "count");
  dsu.addStaticField("Cart", "total");
  dsu.addValidation("static Cart.total keeps the value of count", (oldNs, newNs) => {
    newNs.get("Cart").total = oldNs.get("Cart").count;
    return true;
  });
};
