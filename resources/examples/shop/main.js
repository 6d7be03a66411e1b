// A small shop: products with prices, customers placing orders on green threads, and a
// report printed from a timer. Edit the classes while it runs to migrate its state live.
const { Product, Catalog } = require("./catalog");
const { Order } = require("./order");

const catalog = new Catalog();
catalog.add(new Product("tea", "Green tea", 450));
catalog.add(new Product("mug", "Stoneware mug", 1200));
catalog.add(new Product("pot", "Cast-iron teapot", 3900));

const orders = [];
const rounds = Number(process.argv[2] ?? 3);

class Customer {
  constructor(name, basket) {
    this.name = name;
    this.basket = basket;
  }
  shop(round) {
    const order = new Order(this.name);
    for (const [sku, qty] of this.basket) order.addLine(catalog.find(sku), qty + round);
    orders.push(order);
  }
}

const customers = [
  new Customer("ada", [["tea", 2], ["mug", 1]]),
  new Customer("grace", [["pot", 1]]),
];

for (const c of customers) {
  Thread.spawn(() => {
    for (let round = 0; round < rounds; round++) {
      c.shop(round);
      Thread.sleep(20);
    }
  });
}

let reports = 0;
const timer = setInterval(() => {
  reports++;
  const revenue = orders.reduce((sum, o) => sum + o.total(), 0);
  console.log(`report ${reports}: ${orders.length} orders, revenue ${Product.format(revenue)}`);
  if (reports === rounds) {
    clearInterval(timer);
    for (const o of orders.slice(-2)) console.log(o.summary());
  }
}, 25);
