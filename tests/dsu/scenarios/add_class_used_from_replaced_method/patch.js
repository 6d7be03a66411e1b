// Checkout now produces Receipt objects. Receipt is a class of the patch module, added to
// the program with dsu.addClass and used by the replaced method.
class Receipt {
  static issued = 0;

  constructor(customer, lines) {
    this.number = ++Receipt.issued;
    this.customer = customer;
    this.lines = lines;
  }

  get total() {
    return this.lines.reduce((s, [, c]) => s + c, 0);
  }

  toString() {
    return `receipt #${this.number} for ${this.customer}: ${this.lines.length} items, ${this.total}`;
  }
}

module.exports = function (dsu) {
  dsu.addClass(Receipt);
  dsu.replaceMethod("Cart", "checkout", function () {
    return new Receipt(this.customer, this.items.slice());
  });
};
