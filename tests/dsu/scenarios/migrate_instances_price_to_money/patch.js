// Prices become Money objects (integer cents + currency). Money is a new class; the
// instance policy converts each running product's float price, finding Money through the
// new namespace view.
module.exports = function (dsu) {
  class Money {
    constructor(cents, currency) {
      this.cents = cents;
      this.currency = currency;
    }

    plus(other) {
      return new Money(this.cents + other.cents, this.currency);
    }

    times(n) {
      return new Money(this.cents * n, this.currency);
    }

    toString() {
      return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
    }
  }

  dsu.addClass(Money);
  dsu.migrateInstances("Product", (oldObj, newObj, oldNs, newNs) => {
    const M = newNs.get("Money");
    newObj.price = new M(Math.round(oldObj.price * 100), "EUR");
  });
  dsu.replaceMethod("Product", "label", function () {
    return `${this.name} ${this.price}`;
  });
  dsu.replaceMethod("Cart", "total", function () {
    return this.lines.reduce((sum, l) => sum.plus(l.product.price.times(l.qty)), new Money(0, "EUR"));
  });
};
