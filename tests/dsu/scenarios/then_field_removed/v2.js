// Inventory items carried a cached 'description' string that v2 computes on demand.
class Item {
  constructor(name, stock) {
    this.name = name;
    this.stock = stock;
  }

  take(n) {
    this.stock -= n;
  }

  show() {
    return `${this.name} x${this.stock}`;
  }
}

const items = [new Item("rope", 5), new Item("lamp", 2)];
items[0].take(2);
const lamp = items[1];
console.log(items.map((i) => i.show()).join(", "));
