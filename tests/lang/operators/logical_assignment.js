// ||=, &&= and ??= only assign when needed (and skip evaluating otherwise).
let a = 0;
let b = 1;
let c = null;
let evaluated = [];
const val = (name, v) => (evaluated.push(name), v);
a ||= val("a", 10);
b ||= val("b", 20);
c ??= val("c", 30);
console.log(a, b, c, evaluated.join()); // expect: 10 1 30 a,c

let d = "keep";
d &&= val("d", d.toUpperCase());
let e = "";
e &&= val("e", "never");
console.log(d, JSON.stringify(e), evaluated.join()); // expect: KEEP "" a,c,d

const opts = { retries: 0, name: "" };
opts.retries ??= 3;
opts.name ||= "anonymous";
opts.timeout ??= 1000;
console.log(opts); // expect: { retries: 0, name: 'anonymous', timeout: 1000 }

class Cache {
  store = null;
  get(k) {
    this.store ??= new Map();
    return this.store.get(k);
  }
}
const cache = new Cache();
console.log(cache.store, cache.get("x"), cache.store.size); // expect: null undefined 0
