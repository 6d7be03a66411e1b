// Shop items with a subclass that extends its parent's methods through super. v2 changes
// both the parent's and the child's method; the child's super call reaches the new parent.
class Item {
  constructor(name, cents) {
    this.name = name;
    this.cents = cents;
  }

  price() {
    return Math.round(this.cents * 1.2); // v2: prices include VAT
  }

  describe() {
    return `${this.name} costs ${this.price()}`;
  }
}

class SaleItem extends Item {
  constructor(name, cents, percent) {
    super(name, cents);
    this.percent = percent;
  }

  price() {
    const full = super.price();
    return full - Math.round((full * this.percent) / 100);
  }

  describe() {
    return `${super.describe()} (${this.percent}% off)`;
  }
}

const items = [new Item("mug", 1000), new SaleItem("pot", 2000, 25)];
console.log(items.map((i) => i.describe()).join("; "));
