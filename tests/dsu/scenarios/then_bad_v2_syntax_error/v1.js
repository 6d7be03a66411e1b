// A small shop; every update of this family is bad input and must change nothing.
class Product {
  constructor(sku, stock) {
    this.sku = sku;
    this.stock = stock;
  }

  label() {
    return `${this.sku}=${this.stock}`;
  }
}

const products = [new Product("tea", 3), new Product("mug", 12)];
setTimeout(() => console.log("timer of v1 must not fire after a rejected update"), 50);
console.log(products.map((p) => p.label()).join(" "));
