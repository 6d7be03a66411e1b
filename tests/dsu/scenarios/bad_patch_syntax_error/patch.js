// A syntax error in the patch: reported like any compile error, exit 2.
module.exports = function (dsu) {
  dsu.replaceMethod("Product", "restock", function (n) {
    this.stock += n;
    return this;
  };
};
