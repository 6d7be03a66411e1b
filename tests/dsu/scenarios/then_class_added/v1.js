// A shop's checkout: v2 adds a Receipt class that checkout() now returns.
class Checkout {
  constructor() {
    this.lines = [];
  }

  add(name, cents) {
    this.lines.push([name, cents]);
    return this;
  }

  checkout() {
    return this.lines.reduce((t, [, c]) => t + c, 0);
  }
}

const till = new Checkout().add("tea", 450).add("mug", 1200);
console.log(till.checkout());
