// Orders refer to customers by name; customers have a "level".
class Customer {
  constructor(name, level) {
    this.name = name;
    this.level = level;
  }
}

class Order {
  constructor(id, customerName, cents) {
    this.id = id;
    this.customerName = customerName;
    this.cents = cents;
  }

  describe() {
    return `#${this.id} for ${this.customerName}`;
  }
}

const customers = [new Customer("ada", "gold"), new Customer("bob", "silver")];
const orders = [new Order(1, "bob", 500), new Order(2, "ada", 1200), new Order(3, "bob", 80)];
console.log(orders.map((o) => o.describe()).join(", "));
