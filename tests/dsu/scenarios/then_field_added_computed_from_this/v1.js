// Order lines of an inventory: v2 caches each line's total, computed from the line's own
// fields by a declared initializer that reads `this`.
class Line {
  qty = 1;
  unit = 0;

  constructor(item, qty, unit) {
    this.item = item;
    this.qty = qty;
    this.unit = unit;
  }

  total() {
    return this.qty * this.unit;
  }
}

const lines = [new Line("bolt", 10, 3), new Line("nut", 25, 2)];
const bolt = lines[0];
bolt.qty = 12; // live state that differs from the constructor's
console.log(lines.map((l) => `${l.item}:${l.total()}`).join(" "));
