// Shop carts: v2 renames 'items' to 'lines' and at the same time rewrites every method
// that touches it, so the differ cannot tell a rename from a remove plus an add. The
// user's patch declares the rename: the live lines move over.
class Cart {
  constructor(owner) {
    this.owner = owner.toUpperCase();
    this.lines = new Array();
  }

  add(sku, qty = 1) {
    const line = this.lines.find((l) => l.sku === sku);
    if (line) line.qty += qty;
    else this.lines.push({ sku, qty });
    return this;
  }

  count() {
    return this.lines.reduce((n, l) => n + l.qty, 0);
  }
}

const cart = new Cart("ann").add("tea", 2).add("mug", 1);
const firstLine = cart.lines[0];
const lineArray = cart.lines;
console.log(`${cart.owner} has ${cart.count()} items`);
