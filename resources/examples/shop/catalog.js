class Product {
  static currency = "EUR";

  constructor(sku, name, cents) {
    this.sku = sku;
    this.name = name;
    this.cents = cents;
  }

  get price() {
    return this.cents;
  }

  static format(cents) {
    return `${(cents / 100).toFixed(2)} ${Product.currency}`;
  }
}

class Catalog {
  #products = new Map();

  add(product) {
    this.#products.set(product.sku, product);
  }

  find(sku) {
    const p = this.#products.get(sku);
    if (!p) throw new Error(`unknown product ${sku}`);
    return p;
  }
}

module.exports = { Product, Catalog };
