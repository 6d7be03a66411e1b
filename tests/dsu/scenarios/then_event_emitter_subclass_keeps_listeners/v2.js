// A shop is an EventEmitter (the hosted core module's class): its constructor registers a
// listener that calls a method. v2 changes that method and adds a field, so the shop is
// migrated; the listeners stored in EventEmitter's private field stay with it.
const EventEmitter = require("events");

class Shop extends EventEmitter {
  sales = 0;

  constructor() {
    super();
    this.sold = 0;
    this.on("sale", (n) => this.record(n));
  }

  record(n) {
    this.sold += n * 10;
    this.sales++;
  }
}

const shop = new Shop();
shop.once("sale", () => console.log("first sale"));
shop.emit("sale", 2);
console.log(shop.sold, shop.listenerCount("sale"));
