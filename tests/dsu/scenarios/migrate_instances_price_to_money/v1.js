// A shop that keeps prices as floating-point euros.
class Product {
  constructor(name, price) {
    this.name = name;
    this.price = price;
  }

  label() {
    return `${this.name} ${this.price.toFixed(2)}`;
  }
}

class Cart {
  lines = [];

  add(product, qty) {
    this.lines.push({ product, qty });
    return this;
  }

  total() {
    return this.lines.reduce((sum, l) => sum + l.product.price * l.qty, 0);
  }
}

const catalog = [new Product("tea", 4.5), new Product("mug", 12.99)];
const cart = new Cart().add(catalog[0], 2).add(catalog[1], 1);
console.log(catalog.map((p) => p.label()).join(", "), "| total", cart.total().toFixed(2));
