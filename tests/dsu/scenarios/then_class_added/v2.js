// A shop's checkout: v2 adds a Receipt class that checkout() now returns.
class Receipt {
  constructor(lines) {
    this.lines = lines;
    this.total = lines.reduce((t, [, c]) => t + c, 0);
  }

  toString() {
    return `${this.lines.length} lines, total ${this.total}`;
  }
}

class Checkout {
  constructor() {
    this.lines = [];
  }

  add(name, cents) {
    this.lines.push([name, cents]);
    return this;
  }

  checkout() {
    return new Receipt(this.lines);
  }
}

const till = new Checkout().add("tea", 450).add("mug", 1200);
console.log(till.checkout());
