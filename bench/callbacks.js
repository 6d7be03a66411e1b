// callbacks.js: the core-library methods that call a closure per element.
//
// forEach / map / filter / reduce / some / find over 100 000 numbers, sort and toSorted with
// a comparator, Map and Set forEach, and Array.from with a map function: the loops every
// program writes with callbacks instead of `for`.

class Rng {
  constructor(seed) {
    this.state = seed % 2147483647;
    if (this.state <= 0) this.state += 2147483646;
  }
  next() {
    this.state = (this.state * 48271) % 2147483647;
    return this.state;
  }
  int(n) { return this.next() % n; }
}

const N = 100000;
const rng = new Rng(42);
const data = [];
for (let i = 0; i < N; i++) data.push(rng.int(1000000));

let checksum = 0;
for (let round = 0; round < 8; round++) {
  let sum = 0;
  data.forEach((x) => { sum += x; });
  const doubled = data.map((x, i) => x * 2 + i);
  const odd = doubled.filter((x) => x % 2 === 1);
  const total = odd.reduce((acc, x) => acc + (x % 1000), 0);
  const any = data.some((x) => x === -1);
  const found = data.find((x) => x > 999990);
  checksum = (checksum + sum + total + (any ? 1 : 0) + (found ?? 0)) % 1000000007;
}

for (let round = 0; round < 2; round++) {
  const sorted = data.toSorted((a, b) => a - b);
  const copy = data.slice(0, 50000);
  copy.sort((a, b) => b - a);
  checksum = (checksum + sorted[12345] + copy[777]) % 1000000007;
}

const map = new Map();
const set = new Set();
for (let i = 0; i < 20000; i++) {
  map.set(i, data[i]);
  set.add(data[i]);
}
for (let round = 0; round < 10; round++) {
  let s = 0;
  map.forEach((v, k) => { s += v - k; });
  set.forEach((v) => { s += v & 7; });
  const from = Array.from({ length: 20000 }, (_, i) => i * round);
  checksum = (checksum + s + from[19999]) % 1000000007;
}

console.log(checksum);
