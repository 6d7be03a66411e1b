// Stock items with two fields; the update renames one, drops the other and gives a new
// field a declared initializer that writes to the instance and then throws on the third.
class Item {
  constructor(name, qty) {
    this.name = name;
    this.qty = qty;
  }

  line() {
    return `${this.qty} x ${this.name}`;
  }
}

const items = [new Item("bolt", 40), new Item("nut", 7), new Item("gear", 0)];
const first = items[0];
const onHand = new Map(items.map((i) => [i, i.qty]));
let lines = 0;
for (let k = 0; k < 30; k++) lines += items[k % 3].line().length; // warm the caches
console.log(items.map((i) => i.line()).join(", "));
