// The patch function itself throws (a guard written by the patch author): the patch does
// not load, exit 2, and the error names the throw's location.
function requireStock(n) {
  if (n < 100) throw new RangeError(`not enough stock to migrate safely: ${n}`);
}

module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "reserved", dsu.constant(0));
  requireStock(15);
};
