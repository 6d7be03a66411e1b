// Warehouse stock levels.
class Item {
  constructor(sku, qty) {
    this.sku = sku;
    this.qty = qty;
  }

  take(n) {
    this.qty -= n;
  }
}

class Warehouse {
  constructor() {
    this.items = new Map();
  }

  receive(sku, n) {
    const item = this.items.get(sku) ?? new Item(sku, 0);
    item.qty += n;
    this.items.set(sku, item);
  }

  total() {
    let sum = 0;
    for (const item of this.items.values()) sum += item.qty;
    return sum;
  }
}

const warehouse = new Warehouse();
warehouse.receive("bolt", 100);
warehouse.receive("nut", 250);
warehouse.receive("bolt", 20);
warehouse.items.get("nut").take(50);
console.log(warehouse.total());
