// Molt only: workers fill their own result slots; main yields until all are done.
function sumRange(from, to) {
  let s = 0;
  for (let i = from; i < to; i++) s += i;
  return s;
}
const parts = 4;
const results = new Array(parts).fill(null);
const done = new Array(parts).fill(false);
for (let p = 0; p < parts; p++) {
  Thread.spawn(() => {
    results[p] = sumRange(p * 25000, (p + 1) * 25000);
    Thread.yield();
    done[p] = true;
  });
}
let spins = 0;
while (!done.every((d) => d)) {
  Thread.yield();
  spins++;
}
console.log(results.every((r) => r !== null)); // expect: true
console.log(results.reduce((a, b) => a + b, 0), sumRange(0, 100000)); // expect: 4999950000 4999950000
console.log(spins >= 0); // expect: true
