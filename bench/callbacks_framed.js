// callbacks_framed.js: the core-library methods with callbacks that call a function.
//
// The work of callbacks.js, but every callback calls a helper (`add`, `double`, `odd`, ...),
// so none is a leaf function: each is an ordinary frame under the method's hosted body
// (decision 0019), the path where a callback may sleep, yield or be updated. Compared with
// callbacks.js it shows what that frame costs per call.

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

function plus(a, b) { return a + b; }
function double(x, i) { return x * 2 + i; }
function isOdd(x) { return x % 2 === 1; }
function compare(a, b) { return a - b; }

let checksum = 0;
for (let round = 0; round < 8; round++) {
  let sum = 0;
  data.forEach((x) => { sum = plus(sum, x); });
  const doubled = data.map((x, i) => double(x, i));
  const odd = doubled.filter((x) => isOdd(x));
  const total = odd.reduce((acc, x) => plus(acc, x % 1000), 0);
  const any = data.some((x) => compare(x, -1) === 0);
  const found = data.find((x) => compare(x, 999990) > 0);
  checksum = (checksum + sum + total + (any ? 1 : 0) + (found ?? 0)) % 1000000007;
}

for (let round = 0; round < 2; round++) {
  const sorted = data.toSorted((a, b) => compare(a, b));
  const copy = data.slice(0, 50000);
  copy.sort((a, b) => compare(b, a));
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
  map.forEach((v, k) => { s = plus(s, v - k); });
  set.forEach((v) => { s = plus(s, v & 7); });
  const from = Array.from({ length: 20000 }, (_, i) => double(i, 0) * round);
  checksum = (checksum + s + from[19999]) % 1000000007;
}

console.log(checksum);
