// The catalog module: its classes are named by this module's bindings.
class Product {
  constructor(sku, cents) {
    this.sku = sku;
    this.cents = cents;
  }

  price() {
    return `${(this.cents / 100).toFixed(2)}`;
  }
}

class Catalog {
  #bySku = new Map();

  add(p) {
    this.#bySku.set(p.sku, p);
    return this;
  }

  find(sku) {
    return this.#bySku.get(sku);
  }
}

module.exports = { Product, Catalog };
