// Shop carts: v2 renames 'items' to 'lines' and at the same time rewrites every method
// that touches it, so the differ cannot tell a rename from a remove plus an add. The
// user's patch declares the rename: the live lines move over.
class Cart {
  constructor(owner) {
    this.owner = owner;
    this.items = [];
  }

  add(sku, qty) {
    this.items.push({ sku, qty });
    return this;
  }

  count() {
    return this.items.length;
  }
}

const cart = new Cart("ann").add("tea", 2).add("mug", 1);
const firstLine = cart.items[0];
const lineArray = cart.items;
console.log(`${cart.owner} has ${cart.count()} lines`);
