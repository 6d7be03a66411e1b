// break and continue in every loop kind.
const found = [];
for (const n of [3, 8, 12, 5, 20, 7]) {
  if (n % 2) continue;
  if (n > 15) break;
  found.push(n);
}
console.log(found); // expect: [ 8, 12 ]

let i = 0;
let sum = 0;
while (i < 100) {
  i++;
  if (i % 10 !== 0) continue;
  sum += i;
  if (sum > 100) break;
}
console.log(i, sum); // expect: 50 150

let steps = 0;
do {
  steps++;
  if (steps === 2) continue;
  if (steps === 4) break;
} while (steps < 10);
console.log(steps); // expect: 4

const rec = { a: 1, b: 2, c: 3, d: 4 };
const seen = [];
for (const k in rec) {
  if (k === "b") continue;
  if (k === "d") break;
  seen.push(k);
}
console.log(seen.join("")); // expect: ac
