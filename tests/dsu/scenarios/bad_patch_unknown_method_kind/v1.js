// An inventory whose patch names a method kind that does not exist.
class Product {
  constructor(name, stock) {
    this.name = name;
    this.stock = stock;
  }

  restock(n) {
    this.stock += n;
    return this;
  }
}

const products = [new Product("tea", 3), new Product("mug", 0).restock(12)];
console.log(products.map((p) => `${p.name}=${p.stock}`).join(" "));
