// Every product gets an explicit currency; existing products are all in euros.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "currency", dsu.constant("EUR"));
  dsu.replaceMethod("Product", "label", function () {
    return `${this.name}: ${(this.cents / 100).toFixed(2)} ${this.currency}`;
  });
};
