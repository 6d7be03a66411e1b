// iteration.js: for-of over built-in and user-defined iterables.
//
// A hot for-of over arrays (the built-in fast path: sums, nested loops over rows,
// early break), the same data behind user classes that implement [Symbol.iterator]
// with a generator method and with a hand-written iterator object, spread and
// destructuring from those, and Map/Set iteration.

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

class Node {
  constructor(value, next) { this.value = value; this.next = next; }
}

// A linked list whose iterator is a generator method.
class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  push(v) { this.head = new Node(v, this.head); this.size++; }
  *[Symbol.iterator]() {
    for (let n = this.head; n !== null; n = n.next) yield n.value;
  }
}

// A range whose iterator is a plain object with next().
class Range {
  constructor(from, to) { this.from = from; this.to = to; }
  [Symbol.iterator]() {
    let i = this.from;
    const to = this.to;
    return { next: () => (i < to ? { value: i++, done: false } : { value: undefined, done: true }) };
  }
}

function arraySums(rng) {
  const rows = [];
  for (let r = 0; r < 200; r++) {
    const row = [];
    for (let c = 0; c < 200; c++) row.push(rng.int(1000));
    rows.push(row);
  }
  let total = 0;
  for (let pass = 0; pass < 60; pass++) {
    for (const row of rows) {
      for (const v of row) total = (total + v * (pass + 1)) % 1000000007;
    }
  }
  let found = 0;
  for (let pass = 0; pass < 400; pass++) {
    for (const row of rows) {
      for (const v of row) {
        if (v === pass) { found++; break; }
      }
    }
  }
  return (total + found) % 1000000007;
}

function userIterables(rng) {
  const list = new LinkedList();
  for (let i = 0; i < 2000; i++) list.push(rng.int(100));
  let sum = 0;
  for (let pass = 0; pass < 150; pass++) {
    for (const v of list) sum += v;
    for (const i of new Range(0, 2000)) sum += i & 7;
  }
  const spread = [...list];
  const [first, second, ...rest] = new Range(5, 500);
  return (sum + spread.length + first + second + rest.length) % 1000000007;
}

function collections(rng) {
  const m = new Map();
  const s = new Set();
  for (let i = 0; i < 5000; i++) {
    m.set("k" + rng.int(3000), i);
    s.add(rng.int(4000));
  }
  let acc = 0;
  for (let pass = 0; pass < 100; pass++) {
    for (const [k, v] of m) acc = (acc + v + k.length) % 1000000007;
    for (const v of s) acc = (acc + v) % 1000000007;
  }
  return acc;
}

const rng = new Rng(42);
const a = arraySums(rng);
const b = userIterables(rng);
const c = collections(rng);
console.log("checksum", (a + b + c) % 1000000007);
