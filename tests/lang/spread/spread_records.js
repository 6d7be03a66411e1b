// Spread in record literals: later keys win, order follows first insertion.
const defaults = { color: "red", size: "M", qty: 1 };
const order = { ...defaults, size: "L", gift: true };
console.log(order); // expect: { color: 'red', size: 'L', qty: 1, gift: true }
const override = { size: "S", ...defaults };
console.log(override); // expect: { size: 'M', color: 'red', qty: 1 }
const merged = { ...{ a: 1 }, ...{ b: 2 }, ...{ a: 3 } };
console.log(merged); // expect: { a: 3, b: 2 }
console.log({ ...null, ...undefined, x: 1 }); // expect: { x: 1 }
console.log({ ...["p", "q"] }); // expect: { '0': 'p', '1': 'q' }

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const asRecord = { ...new Point(1, 2), label: "pt" };
console.log(asRecord); // expect: { x: 1, y: 2, label: 'pt' }
function update(state, changes) {
  return { ...state, ...changes, version: state.version + 1 };
}
console.log(update({ version: 1, title: "a" }, { title: "b" })); // expect: { version: 2, title: 'b' }
