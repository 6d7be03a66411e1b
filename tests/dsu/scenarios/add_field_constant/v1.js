// A product catalog; prices are plain cents with an implicit currency.
class Product {
  constructor(sku, name, cents) {
    this.sku = sku;
    this.name = name;
    this.cents = cents;
  }

  label() {
    return `${this.name}: ${(this.cents / 100).toFixed(2)}`;
  }
}

class Catalog {
  constructor() {
    this.products = [];
  }

  add(product) {
    this.products.push(product);
    return this;
  }

  labels() {
    return this.products.map((p) => p.label());
  }
}

const catalog = new Catalog()
  .add(new Product("tea", "Green tea", 450))
  .add(new Product("mug", "Stoneware mug", 1200));
console.log(catalog.labels().join("; "));
