// Early returns and guard clauses in a validation class.
class OrderValidator {
  constructor(stock) {
    this.stock = stock;
  }
  validate(order) {
    if (!order) return "missing order";
    if (!Array.isArray(order.items) || order.items.length === 0) return "no items";
    for (const { sku, qty } of order.items) {
      if (!(sku in this.stock)) return `unknown sku ${sku}`;
      if (!Number.isInteger(qty) || qty <= 0) return `bad quantity for ${sku}`;
      if (qty > this.stock[sku]) return `only ${this.stock[sku]} of ${sku} left`;
    }
    return "ok";
  }
}

const v = new OrderValidator({ A1: 5, B2: 0, C3: 10 });
const orders = [
  null,
  { items: [] },
  { items: [{ sku: "Z9", qty: 1 }] },
  { items: [{ sku: "A1", qty: 1.5 }] },
  { items: [{ sku: "A1", qty: 2 }, { sku: "B2", qty: 1 }] },
  { items: [{ sku: "A1", qty: 5 }, { sku: "C3", qty: 10 }] },
];
for (const o of orders) console.log(v.validate(o));
// expect: missing order
// expect: no items
// expect: unknown sku Z9
// expect: bad quantity for A1
// expect: only 0 of B2 left
// expect: ok
