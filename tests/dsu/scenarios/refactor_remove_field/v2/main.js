// A small shop: carts of lines, and gift carts.
const { Money } = require("./money");

class Cart {
  static count = 0;
  // who owns it
  owner = "nobody";
  items = []; // [{ sku, qty }]

  constructor(owner) {
    this.owner = owner;
    Cart.count++;
  }

  add(sku, qty) {
    this.items.push({ sku, qty }); // a record, not a Cart: "items" stays in strings
    return this;
  }

  size() {
    return this.items.length;
  }
}

class GiftCart extends Cart {
  note = "";

  describe() {
    return `${this.owner}: ${this.size()} items ${this.note}`;
  }
}

const carts = [new Cart("ann").add("tea", 2), new GiftCart("bob").add("mug", 1)];
const byOwner = new Map(carts.map((c) => [c.owner, c]));
const first = () => carts[0];
const price = new Money(5);
console.log(carts[1].describe(), first().items.length, price.cents, Cart.count);
