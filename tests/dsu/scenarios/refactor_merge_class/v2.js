// Orders that carry their shipping address in their own fields.
class Config {
  static currency = "EUR";
  rate = 3;

  price(n) {
    return `${n * this.rate} ${Config.currency}`;
  }
}

class Order {
  id = 0;
  street = "";
  city = "";

  constructor(id, street, city) {
    this.id = id;
    this.street = street;
    this.city = city;
  }

  label() {
    return `#${this.id} to ${this.where()}`; // where() stays a method
  }

  where() {
    return `${this.street}, ${this.city}`;
  }
}

class RushOrder extends Order {
  label() {
    return `RUSH ${super.label()} (${this.city})`;
  }
}

const config = new Config();
config.rate = 4;
Config.currency = "CHF";
const orders = [new Order(1, "Main St 1", "Bern"), new RushOrder(2, "Quai 4", "Geneva")];
const byId = new Map(orders.map((o) => [o.id, o]));
const latest = () => orders[orders.length - 1];
console.log(orders.map((o) => o.label()).join("; "), config.price(2));
