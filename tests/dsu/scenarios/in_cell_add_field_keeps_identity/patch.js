// A currency for every account: the same object afterwards, wherever it is held.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Account", "currency", dsu.constant("EUR"));
  dsu.replaceMethod("Account", "describe", function () {
    return `${this.owner}: ${this.cents} ${this.currency}`;
  });
};
