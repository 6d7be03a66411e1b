// toString is used by string conversion; instances without one print [object Object].
class Money {
  constructor(cents) {
    this.cents = cents;
  }
  toString() {
    const sign = this.cents < 0 ? "-" : "";
    const abs = Math.abs(this.cents);
    return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  }
}
class Plain {}

const m = new Money(12345);
console.log(String(m)); // expect: $123.45
console.log(`${new Money(-5)}`); // expect: -$0.05
console.log("Total: " + new Money(700)); // expect: Total: $7.00
console.log([new Money(1), new Money(250)].join(" | ")); // expect: $0.01 | $2.50
console.log(String(new Plain())); // expect: [object Object]
console.log(`${new Plain()}`); // expect: [object Object]
console.log(m.toString().length); // expect: 7
