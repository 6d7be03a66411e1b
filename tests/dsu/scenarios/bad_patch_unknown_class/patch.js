// A typo in a class name: the patch is rejected where the call is made (exit 2), before
// anything is committed.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "sku", dsu.constant("n/a"));
  dsu.replaceMethod("Prodcut", "restock", function (n) {
    this.stock += n * 2;
    return this;
  });
};
