// Orders whose amounts were imported as strings.
class Order {
  constructor(id, amount) {
    this.id = id;
    this.amount = amount;
  }

  summary() {
    return `#${this.id}: ${this.amount}`;
  }
}

const orders = [new Order(1, "12.50"), new Order(2, "7.25"), new Order(3, "N/A"), new Order(4, "3.00")];
const ids = orders.map((o) => Molt.identityOf(o));
console.log(orders.map((o) => o.summary()).join(", "));
