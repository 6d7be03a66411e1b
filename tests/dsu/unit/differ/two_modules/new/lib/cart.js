class Cart {
  discount = null;
  constructor() {
    this.items = [];
  }
  add(item) {
    this.items.push(item);
  }
  total() {
    const sum = this.items.reduce((s, i) => s + i.price, 0);
    return this.discount ? this.discount.apply(sum) : sum;
  }
}
module.exports = { Cart };
