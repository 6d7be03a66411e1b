class Product {
  constructor(name, price) {
    this.name = name;
    this.price = price;
  }
  label() {
    return this.name + ": " + this.price;
  }
}
