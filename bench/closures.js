// closures.js: closure and higher-order function benchmark for Molt.
//
// Three small systems built almost entirely from closures and arrow functions:
//   1. an event bus driving an order-processing simulation; handlers capture
//      and mutate outer variables, subscriptions return unsubscribe closures;
//   2. a push-based reactive stream library (map/filter/scan/take/merge) whose
//      operators are closures wrapping closures;
//   3. parser combinators that parse and evaluate generated arithmetic text.
// Plus compose/pipe/curry/memoize helpers used throughout.

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

// ---------------------------------------------------------------- helpers

const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const pipe = (...fns) => (x) => fns.reduce((acc, f) => f(acc), x);
const curry2 = (f) => (a) => (b) => f(a, b);
const curry3 = (f) => (a) => (b) => (c) => f(a, b, c);

function memoize(fn) {
  const cache = new Map();
  let hits = 0;
  const wrapped = (n) => {
    if (cache.has(n)) {
      hits++;
      return cache.get(n);
    }
    const v = fn(n);
    cache.set(n, v);
    return v;
  };
  return { run: wrapped, hits: () => hits, size: () => cache.size };
}

function counter(start) {
  let n = start;
  return { inc: () => ++n, add: (k) => { n += k; return n; }, get: () => n };
}

// -------------------------------------------------------------- event bus

class EventBus {
  constructor() {
    this.handlers = new Map();
    this.delivered = 0;
  }
  on(type, fn) {
    let list = this.handlers.get(type);
    if (list === undefined) {
      list = [];
      this.handlers.set(type, list);
    }
    list.push(fn);
    return () => {
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    };
  }
  once(type, fn) {
    const off = this.on(type, (payload) => {
      off();
      fn(payload);
    });
    return off;
  }
  emit(type, payload) {
    const list = this.handlers.get(type);
    if (list === undefined) return 0;
    const snapshot = list.slice();
    snapshot.forEach((h) => h(payload));
    this.delivered += snapshot.length;
    return snapshot.length;
  }
}

function runBus(rng) {
  const bus = new EventBus();
  const revenue = counter(0);
  const shipped = counter(0);
  let refunds = 0, audits = 0, stockouts = 0;
  const stock = new Map();
  const skus = ["apple", "pear", "fig", "kiwi", "plum", "lime", "date", "yuzu"];
  skus.forEach((s, i) => stock.set(s, 50 + i * 10));

  const priceOf = memoize((sku) => sku.length * 100 + sku.charCodeAt(0));
  const discount = curry2((pct, price) => price - Math.floor(price * pct / 100));
  const tax = (price) => price + Math.floor(price / 10);
  const finalPrice = pipe(discount(5), tax);

  bus.on("order", (o) => {
    const have = stock.get(o.sku);
    if (have < o.qty) {
      stockouts++;
      bus.emit("restock", { sku: o.sku, qty: o.qty * 4 });
      return;
    }
    stock.set(o.sku, have - o.qty);
    bus.emit("paid", { id: o.id, amount: finalPrice(priceOf.run(o.sku)) * o.qty });
    bus.emit("ship", o);
  });
  bus.on("restock", ({ sku, qty }) => stock.set(sku, stock.get(sku) + qty));
  bus.on("paid", (p) => revenue.add(p.amount));
  bus.on("ship", (o) => { shipped.inc(); });
  bus.on("refund", (r) => { refunds += r.amount; revenue.add(-r.amount); });

  const auditors = [];
  for (let i = 0; i < 4; i++) {
    auditors.push(bus.on("paid", (p) => { if (p.amount % (i + 2) === 0) audits++; }));
  }

  for (let id = 0; id < 100000; id++) {
    const sku = skus[rng.int(skus.length)];
    bus.emit("order", { id, sku, qty: 1 + rng.int(5) });
    if (id % 7 === 0) bus.emit("refund", { amount: 50 + rng.int(100) });
    if (id % 1000 === 500) {
      auditors.shift()();
      auditors.push(bus.on("paid", (p) => { if ((p.amount & 3) === 0) audits++; }));
    }
    if (id % 250 === 0) bus.once("ship", (o) => { audits += o.qty; });
  }
  let left = 0;
  stock.forEach((v) => { left += v; });
  return `rev=${revenue.get()} shipped=${shipped.get()} refunds=${refunds} audits=${audits} ` +
    `stockouts=${stockouts} left=${left} delivered=${bus.delivered} memo=${priceOf.hits()}/${priceOf.size()}`;
}

// ------------------------------------------------------- reactive streams

class Stream {
  constructor(subscribe) { this.subscribe = subscribe; }
  map(f) { return new Stream((next) => this.subscribe((v) => next(f(v)))); }
  filter(p) { return new Stream((next) => this.subscribe((v) => { if (p(v)) next(v); })); }
  scan(f, seed) {
    return new Stream((next) => {
      let acc = seed;
      return this.subscribe((v) => { acc = f(acc, v); next(acc); });
    });
  }
  take(n) {
    return new Stream((next) => {
      let seen = 0;
      return this.subscribe((v) => { if (seen++ < n) next(v); });
    });
  }
  tap(f) { return this.map((v) => { f(v); return v; }); }
  merge(other) {
    return new Stream((next) => {
      this.subscribe(next);
      other.subscribe(next);
    });
  }
  static subject() {
    const sinks = [];
    const stream = new Stream((next) => { sinks.push(next); });
    return { stream, push: (v) => sinks.forEach((s) => s(v)) };
  }
}

function runStreams(rng) {
  const src = Stream.subject();
  const other = Stream.subject();
  let sumEven = 0, maxRun = 0, windows = 0, tapped = 0, merged = 0;
  const square = (x) => x * x;
  const mod = curry3((m, k, x) => (x * k) % m);

  src.stream.filter((x) => x % 2 === 0).map(square).subscribe((v) => { sumEven = (sumEven + v) % 1000003; });
  src.stream
    .scan((run, x) => (x > 500 ? run + 1 : 0), 0)
    .subscribe((run) => { if (run > maxRun) maxRun = run; });
  src.stream
    .map(mod(97)(31))
    .scan((acc, x) => { const w = acc.concat([x]); return w.length > 4 ? w.slice(1) : w; }, [])
    .filter((w) => w.length === 4 && w[0] < w[3])
    .subscribe(() => { windows++; });
  src.stream.tap(() => { tapped++; }).take(5000).subscribe(compose((x) => x + 1, square));
  src.stream.merge(other.stream).map((x) => x & 15).subscribe((x) => { merged += x; });

  for (let i = 0; i < 96000; i++) {
    src.push(rng.int(1000));
    if (i % 3 === 0) other.push(rng.int(100));
  }
  return `even=${sumEven} run=${maxRun} windows=${windows} tapped=${tapped} merged=${merged}`;
}

// ------------------------------------------------------ parser combinators

const ok = (value, pos) => ({ value, pos });
const satisfy = (pred) => (s, i) => (i < s.length && pred(s.charCodeAt(i)) ? ok(s[i], i + 1) : null);
const ch = (c) => satisfy((code) => code === c.charCodeAt(0));
const map = (p, f) => (s, i) => {
  const r = p(s, i);
  return r === null ? null : ok(f(r.value), r.pos);
};
const seq = (...ps) => (s, i) => {
  const values = [];
  let pos = i;
  for (const p of ps) {
    const r = p(s, pos);
    if (r === null) return null;
    values.push(r.value);
    pos = r.pos;
  }
  return ok(values, pos);
};
const alt = (...ps) => (s, i) => {
  for (const p of ps) {
    const r = p(s, i);
    if (r !== null) return r;
  }
  return null;
};
const many = (p) => (s, i) => {
  const values = [];
  let pos = i;
  for (;;) {
    const r = p(s, pos);
    if (r === null) return ok(values, pos);
    values.push(r.value);
    pos = r.pos;
  }
};
const many1 = (p) => map(seq(p, many(p)), ([first, rest]) => [first, ...rest]);
const lazy = (thunk) => (s, i) => thunk()(s, i);
const token = (p) => map(seq(p, many(ch(" "))), (v) => v[0]);
const chainl = (operand, op) => map(seq(operand, many(seq(op, operand))),
  ([first, rest]) => rest.reduce((acc, [f, x]) => f(acc, x), first));

const digit = satisfy((c) => c >= 48 && c <= 57);
const number = token(map(many1(digit), (ds) => ds.reduce((n, d) => n * 10 + (d.charCodeAt(0) - 48), 0)));
const addOp = token(alt(map(ch("+"), () => (a, b) => a + b), map(ch("-"), () => (a, b) => a - b)));
const mulOp = token(alt(map(ch("*"), () => (a, b) => (a * b) % 1000003),
  map(ch("%"), () => (a, b) => (b === 0 ? a : a % b))));
const factor = alt(number, map(seq(token(ch("(")), lazy(() => expr), token(ch(")"))), (v) => v[1]),
  map(seq(token(ch("-")), lazy(() => factor)), (v) => -v[1]));
const term = chainl(factor, mulOp);
const expr = chainl(term, addOp);

function genExpr(rng, depth) {
  if (depth === 0 || rng.int(4) === 0) return String(rng.int(200));
  const ops = ["+", "-", "*", "%", "+"];
  const a = genExpr(rng, depth - 1), b = genExpr(rng, depth - 1);
  const op = ops[rng.int(ops.length)];
  const body = `${a} ${op} ${b}`;
  if (rng.int(3) === 0) return `(${body})`;
  return rng.int(5) === 0 ? `-(${body})` : body;
}

function runParser(rng) {
  let total = 0, chars = 0, failures = 0;
  for (let i = 0; i < 3000; i++) {
    const text = genExpr(rng, 5);
    chars += text.length;
    const r = expr(text, 0);
    if (r === null || r.pos !== text.length) failures++;
    else total = (total + r.value) % 1000000007;
  }
  return `parsed=${total} chars=${chars} failures=${failures}`;
}

const rng = new Rng(1357911);
const a = runBus(rng);
const b = runStreams(rng);
const c = runParser(rng);
console.log(`closures checksum: ${a} | ${b} | ${c}`);
