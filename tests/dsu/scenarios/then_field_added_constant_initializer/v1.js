// A shop's products: v2 adds a currency field with a constant initializer.
class Product {
  constructor(sku, cents) {
    this.sku = sku;
    this.cents = cents;
  }

  label() {
    return `${this.sku} ${this.cents}`;
  }
}

const products = [new Product("tea", 450), new Product("pot", 3900)];
const tea = products[0];
const bySku = new Map(products.map((p) => [p.sku, p]));
console.log(products.map((p) => p.label()).join(", "));
