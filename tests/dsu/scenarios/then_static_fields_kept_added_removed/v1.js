// Orders count themselves in static fields. v2 changes the initializer of 'count' (the live
// count is kept), adds 'registry' (its initializer runs once, now) and drops 'legacyPrefix'.
let initializerRuns = 0;
function track(v) {
  initializerRuns++;
  return v;
}

class Order {
  static count = 0;
  static legacyPrefix = "ORD-";

  constructor(item) {
    Order.count++;
    this.id = Order.legacyPrefix + Order.count;
    this.item = item;
  }
}

const orders = [new Order("tea"), new Order("mug"), new Order("pot")];
console.log(`${Order.count} orders: ${orders.map((o) => o.id).join(" ")}`);
