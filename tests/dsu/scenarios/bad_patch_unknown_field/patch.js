// Renames a field the class does not have (a typo): rejected at the call, exit 2.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "reserved", dsu.constant(0));
  dsu.renameInstanceVariable("Product", "stok", "onHand");
};
