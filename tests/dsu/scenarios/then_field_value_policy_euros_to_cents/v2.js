// Product prices were floats in euros; v2 keeps the same field name but stores integer
// cents. A field policy converts each live value.
class Product {
  constructor(sku, cents) {
    this.sku = sku;
    this.price = cents;
  }

  label() {
    return `${this.sku} EUR ${(this.price / 100).toFixed(2)}`;
  }
}

const shelf = [new Product("tea", 4.5), new Product("pot", 39.99)];
const pot = shelf[1];
console.log(shelf.map((p) => p.label()).join(" | "));
