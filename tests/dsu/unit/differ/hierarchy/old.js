class Product {
  constructor(name, price) {
    this.name = name;
    this.price = price;
  }
  label() {
    return this.name + ":" + this.price;
  }
}
class Gadget extends Product {
  constructor(name, price, watts) {
    super(name, price);
    this.watts = watts;
    this.sku = "G-" + name;
  }
  label() {
    return super.label() + "/" + this.watts + "W";
  }
}
class Phone extends Gadget {
  constructor(name, price) {
    super(name, price, 5);
    this.sku = "P-" + name;
  }
}
