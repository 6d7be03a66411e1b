// json.js: JSON benchmark for Molt.
//
// Orders and customers serialized and parsed back, four ways: plain JSON.stringify and
// JSON.parse (the native path), a replacer and a reviver that call nothing (leaf
// functions, still native), and a replacer, toJSON methods and a reviver that call a helper
// (the hosted bodies of decision 0019, where such callbacks may sleep or yield).

class Rng {
  constructor(seed) {
    this.state = seed % 2147483647;
    if (this.state <= 0) this.state += 2147483646;
  }
  next() {
    this.state = (this.state * 48271) % 2147483647;
    return this.state;
  }
  int(n) {
    return this.next() % n;
  }
}

function hashString(s) {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h;
}

class Money {
  constructor(cents) {
    this.cents = cents;
  }
  toJSON() {
    return format(this.cents);
  }
}

function format(cents) {
  return (cents / 100).toFixed(2);
}

function makeOrders(rng, n) {
  const names = ["ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal"];
  const orders = [];
  for (let i = 0; i < n; i++) {
    const lines = [];
    const count = 1 + rng.int(4);
    for (let j = 0; j < count; j++)
      lines.push({ sku: "sku-" + rng.int(1000), qty: 1 + rng.int(5), price: rng.int(10000) });
    orders.push({
      id: i,
      customer: { name: names[rng.int(names.length)], vip: rng.int(4) === 0, tags: ["a", "b"] },
      lines,
      note: rng.int(3) === 0 ? null : "deliver after " + rng.int(24) + "h",
    });
  }
  return orders;
}

function withMoney(orders) {
  return orders.map((o) => ({ id: o.id, total: new Money(o.lines.reduce((s, l) => s + l.price * l.qty, 0)) }));
}

function upper(s) {
  return s.toUpperCase();
}

const rng = new Rng(42);
const orders = makeOrders(rng, 400);
let check = 0;
for (let round = 0; round < 25; round++) {
  const plain = JSON.stringify(orders);
  check = (check + hashString(plain)) >>> 0;
  check = (check + JSON.parse(plain).length) >>> 0;
  const indented = JSON.stringify(orders, null, 2);
  check = (check + indented.length) >>> 0;
  const leaf = JSON.stringify(orders, (k, v) => (k === "note" ? undefined : v));
  check = (check + hashString(leaf)) >>> 0;
  const parsedLeaf = JSON.parse(leaf, (k, v) => (k === "qty" ? v * 2 : v));
  check = (check + parsedLeaf[round].lines[0].qty) >>> 0;
  const framed = JSON.stringify(orders, (k, v) => (k === "name" ? upper(v) : v));
  check = (check + hashString(framed)) >>> 0;
  const money = JSON.stringify(withMoney(orders));
  check = (check + hashString(money)) >>> 0;
  const revived = JSON.parse(framed, (k, v) => (k === "price" ? format(v) : v));
  check = (check + revived[round].lines[0].price.length) >>> 0;
}
console.log("json checksum", check);
