// User classes extend EventEmitter: super() in the constructor, own fields, and methods
// that emit.
const { EventEmitter } = require("node:events");

class Shop extends EventEmitter {
  stock = 0;

  constructor(name) {
    super();
    this.name = name;
  }

  receive(n) {
    this.stock += n;
    this.emit("stock", this.stock);
  }

  sell(n) {
    if (n > this.stock) {
      this.emit("error", new RangeError(`only ${this.stock} left`));
      return;
    }
    this.stock -= n;
    this.emit("sale", n, this.stock);
  }
}

class BigShop extends Shop {
  constructor() {
    super("big");
    this.sales = 0;
    this.on("sale", (n) => {
      this.sales += n;
    });
  }
}

const shop = new BigShop();
shop.on("stock", (s) => console.log(`${shop.name} has ${s}`));
shop.on("sale", (n, left) => console.log(`sold ${n}, ${left} left`));
shop.on("error", (err) => console.log(`error: ${err.message}`));
shop.receive(5); // expect: big has 5
shop.sell(2); // expect: sold 2, 3 left
shop.sell(9); // expect: error: only 3 left
console.log(shop.sales, shop.stock, shop instanceof EventEmitter); // expect: 2 3 true
console.log(shop.listenerCount("sale"), shop.eventNames()); // expect: 2 [ 'sale', 'stock', 'error' ]
