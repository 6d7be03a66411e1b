const { Product } = require("./catalog");

class OrderLine {
  constructor(product, quantity) {
    this.product = product;
    this.quantity = quantity;
  }

  total() {
    return this.product.price * this.quantity;
  }
}

class Order {
  static nextId = 1;
  lines = [];

  constructor(customer) {
    this.id = Order.nextId++;
    this.customer = customer;
  }

  addLine(product, quantity) {
    this.lines.push(new OrderLine(product, quantity));
  }

  total() {
    return this.lines.reduce((sum, line) => sum + line.total(), 0);
  }

  summary() {
    const items = this.lines.map((l) => `${l.quantity} x ${l.product.name}`).join(", ");
    return `#${this.id} ${this.customer}: ${items} = ${Product.format(this.total())}`;
  }
}

module.exports = { Order, OrderLine };
