// The next version: a new label and a stock field.
class Item {
  stock = 10;

  constructor(name, cents) {
    this.name = name;
    this.cents = cents;
  }

  label() {
    return `${this.name} v2`;
  }
}

const items = [new Item("tea", 450), new Item("cake", 300)];
console.log("v2 running");
