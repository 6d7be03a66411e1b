// The running version of a small shop: two items, priced in cents.
class Item {
  constructor(name, cents) {
    this.name = name;
    this.cents = cents;
  }

  label() {
    return `${this.name} v1`;
  }
}

const items = [new Item("tea", 450), new Item("cake", 300)];
console.log("v1 running");
