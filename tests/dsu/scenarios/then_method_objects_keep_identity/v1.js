// Methods taken out as values (a parser kept in a table, a callback held by a timer) are
// the same objects after the update, and run the new code, like module-level functions.
class Money {
  static parse(text) {
    return Number(text) * 100;
  }

  constructor(cents) {
    this.cents = cents;
  }

  label() {
    return `${this.cents} cents`;
  }
}

const parsers = { money: Money.parse };
const wallet = new Money(250);
const label = wallet.label;
console.log(parsers.money("1.5"), wallet.label());
