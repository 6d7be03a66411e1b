// [Symbol.toPrimitive](hint) decides how an object converts: "number" for arithmetic and
// comparisons, "string" for templates and String(), "default" for + and ==.
class Money {
  constructor(cents, currency) {
    this.cents = cents;
    this.currency = currency;
  }
  [Symbol.toPrimitive](hint) {
    if (hint === "number") return this.cents / 100;
    if (hint === "string") return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
    return `<${this.cents}>`;
  }
}
const price = new Money(1250, "EUR");
console.log(price * 2, price > 12, `${price}`, String(price)); // expect: 25 true 12.50 EUR 12.50 EUR
console.log(price + "", price == "<1250>"); // expect: <1250> true
const record = { [Symbol.toPrimitive]: (hint) => (hint === "number" ? 7 : "seven") };
console.log(+record, `${record}`, record + 1); // expect: 7 seven seven1
class Bad {
  [Symbol.toPrimitive]() { return {}; }
}
try {
  `${new Bad()}`;
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError Cannot convert object to primitive value
}
