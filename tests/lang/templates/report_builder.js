// Building a formatted report with templates inside class methods.
class Invoice {
  constructor(customer) {
    this.customer = customer;
    this.lines = [];
  }
  add(desc, qty, unit) {
    this.lines.push({ desc, qty, unit });
    return this;
  }
  get total() {
    return this.lines.reduce((s, l) => s + l.qty * l.unit, 0);
  }
  render() {
    const rows = this.lines.map(
      ({ desc, qty, unit }, i) => `${String(i + 1).padStart(2)}. ${desc.padEnd(8)} ${qty} x ${unit.toFixed(2)} = ${(qty * unit).toFixed(2)}`
    );
    return `Invoice for ${this.customer}
${rows.join("\n")}
Total: ${this.total.toFixed(2)}${this.total > 50 ? " (free shipping)" : ""}`;
  }
}

console.log(new Invoice("ACME").add("bolts", 10, 0.25).add("gears", 3, 19.99).render());
// expect: Invoice for ACME
// expect:  1. bolts    10 x 0.25 = 2.50
// expect:  2. gears    3 x 19.99 = 59.97
// expect: Total: 62.47 (free shipping)
console.log(new Invoice("Bob").render());
// expect: Invoice for Bob
// expect:
// expect: Total: 0.00
