// Map.forEach passes (value, key, map) in insertion order.
const prices = new Map([
  ["apple", 1.25],
  ["bread", 3],
  ["cheese", 7.5],
]);
let total = 0;
prices.forEach((value, key, map) => {
  console.log(`${key}=${value} of ${map.size}`);
  total += value;
});
// expect: apple=1.25 of 3
// expect: bread=3 of 3
// expect: cheese=7.5 of 3
console.log(total); // expect: 11.75
const doubled = new Map([...prices].map(([k, v]) => [k, v * 2]));
console.log(doubled); // expect: Map(3) { 'apple' => 2.5, 'bread' => 6, 'cheese' => 15 }
const expensive = new Map([...prices].filter(([, v]) => v > 2));
console.log([...expensive.keys()].join()); // expect: bread,cheese
