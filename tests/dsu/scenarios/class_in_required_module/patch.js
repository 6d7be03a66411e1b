// Changes a class defined in a required module. The main module's destructured binding,
// the module's own binding and its exports record all name the same class, and all of
// them see the new version.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "currency", dsu.constant("EUR"));
  dsu.replaceMethod("Product", "price", function () {
    return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
  });
};
