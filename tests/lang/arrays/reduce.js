// reduce and reduceRight, with and without initial values.
const nums = [1, 2, 3, 4];
console.log(nums.reduce((a, b) => a + b), nums.reduce((a, b) => a + b, 10)); // expect: 10 20
console.log(nums.reduceRight((acc, n) => acc + n, ""), nums.reduce((acc, n) => acc + n, "")); // expect: 4321 1234
console.log([[1, 2], [3], []].reduce((acc, x) => acc.concat(x), [])); // expect: [ 1, 2, 3 ]
const idx = [];
["a", "b", "c"].reduce((_, v, i) => idx.push(i), null);
console.log(idx); // expect: [ 0, 1, 2 ]
try {
  [].reduce((a, b) => a + b);
} catch (e) {
  console.log(e instanceof TypeError); // expect: true
}
console.log([42].reduce((a, b) => a * b)); // expect: 42

class Order {
  constructor(item, qty, price) {
    this.item = item;
    this.qty = qty;
    this.price = price;
  }
}
const orders = [new Order("pen", 3, 1.5), new Order("book", 1, 12), new Order("pen", 2, 1.5)];
const byItem = orders.reduce((acc, o) => {
  acc[o.item] = (acc[o.item] ?? 0) + o.qty * o.price;
  return acc;
}, {});
console.log(byItem); // expect: { pen: 7.5, book: 12 }
