// A checkout that returns a plain string summary.
class Cart {
  constructor(customer) {
    this.customer = customer;
    this.items = [];
  }

  add(name, cents) {
    this.items.push([name, cents]);
    return this;
  }

  checkout() {
    const total = this.items.reduce((s, [, c]) => s + c, 0);
    return `${this.customer} paid ${total}`;
  }
}

const cart = new Cart("ada").add("tea", 450).add("mug", 1200);
console.log(cart.checkout());
