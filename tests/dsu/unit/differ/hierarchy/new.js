class Product {
  sku = "";
  currency = "EUR";
  constructor(name, price) {
    this.name = name;
    this.price = price;
  }
  label() {
    return this.name + ":" + this.price + " " + this.currency;
  }
}
class Gadget extends Product {
  constructor(name, price, watts) {
    super(name, price);
    this.power = watts;
    this.sku = "G-" + name;
  }
  label() {
    return super.label() + "/" + this.power + "W";
  }
}
class Phone extends Gadget {
  constructor(name, price) {
    super(name, price, 5);
    this.sku = "P-" + name;
  }
  label() {
    return "phone " + super.label();
  }
}
