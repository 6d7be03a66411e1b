// Destructuring in for...of heads over arrays of pairs, Maps and records.
const inventory = new Map([
  ["apples", { count: 3, price: 0.5 }],
  ["pears", { count: 0, price: 0.75 }],
  ["plums", { count: 12, price: 0.25 }],
]);
let value = 0;
for (const [fruit, { count, price }] of inventory) {
  if (count === 0) continue;
  value += count * price;
  console.log(`${fruit}: ${count} x ${price}`);
}
// expect: apples: 3 x 0.5
// expect: plums: 12 x 0.25
console.log(value); // expect: 4.5

for (const { name, scores: [best, ...others] } of [
  { name: "ann", scores: [9, 7] },
  { name: "bob", scores: [8] },
]) {
  console.log(name, best, others.length);
}
// expect: ann 9 1
// expect: bob 8 0

for (const [k, v = "none"] of Object.entries({ a: 1, b: undefined })) console.log(k, v);
// expect: a 1
// expect: b none
