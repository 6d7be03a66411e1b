// record_dictionary.js: object literals used as dictionaries.
//
// JSON-like data with thousands of keys: a word index built in a record with
// insertions and deletions, an object parsed from JSON, rebuilt by
// Object.fromEntries and walked with Object.keys / for-in (insertion order matters
// to the checksum, so a wrong order shows as a mismatch).

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

function keyHash(keys) {
  let h = 7;
  for (const k of keys) h = (h * 31 + k.length + k.charCodeAt(k.length - 1)) % 1000000007;
  return h;
}

class WordIndex {
  constructor() {
    this.counts = {};
    this.size = 0;
  }
  add(word) {
    if (word in this.counts) this.counts[word]++;
    else {
      this.counts[word] = 1;
      this.size++;
    }
  }
  drop(word) {
    if (word in this.counts) {
      delete this.counts[word];
      this.size--;
    }
  }
}

function run() {
  const rng = new Rng(777);
  let h = 0;
  for (let round = 0; round < 2; round++) {
    const index = new WordIndex();
    for (let i = 0; i < 30000; i++) index.add(`w${rng.int(20000)}`);
    for (let i = 0; i < 10000; i++) index.drop(`w${rng.int(20000)}`);
    const keys = Object.keys(index.counts);
    h = (h * 7 + keyHash(keys) + index.size) % 1000000007;

    const pairs = [];
    for (let i = 0; i < 20000; i++) pairs.push([`k${i}_${rng.int(100)}`, i]);
    const fromPairs = Object.fromEntries(pairs);
    const parsed = JSON.parse(JSON.stringify(fromPairs));
    let sum = 0;
    for (const k in parsed) sum = (sum + parsed[k]) % 1000000007;
    const numeric = {};
    for (let i = 0; i < 20000; i++) numeric[i] = i * 2;
    h = (h * 7 + keyHash(Object.keys(parsed)) + sum + Object.keys(numeric).length) % 1000000007;
  }
  return `${h}`;
}

console.log(`record_dictionary checksum: ${run()}`);
