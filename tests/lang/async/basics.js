// async functions, methods (static too), arrows and await: values, promises, thenables,
// try/catch/finally around await, returning a promise, this in async methods.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
// add(1)'s timer must fire after the chain below has reached add(2, 3), and p's after
// it: both wait the same W ms, so the order holds while the chain takes less than W. With
// W = 5 a slow machine (or the first await loading the promise runtime) broke it.
async function add(a, b = 10) { console.log("add starts sync"); const x = await a; const y = await sleep(100, b); return x + y; }
class Svc {
  constructor() { this.n = 1; }
  async get(k) { await null; return `${k}:${this.n}`; }
  static async make() { const s = new Svc(); s.n = await Promise.resolve(7); return s; }
  async fail() { await sleep(1); throw new Error("failed " + this.n); }
}
const arrow = async (x) => { const r = await x; return r * 2; };
const named = async () => 1;
console.log(named.name, arrow.name, typeof add);
add(1).then((v) => console.log("add", v));
console.log("after call");
(async () => {
  const s = await Svc.make();
  console.log(await s.get("k"));
  try { await s.fail(); } catch (e) { console.log("caught", e.message); } finally { console.log("finally"); }
  console.log(await arrow(4), await arrow(Promise.resolve(5)));
  console.log(await { then(r) { r("thenable"); } });
  const p = add(2, 3);
  console.log(p);
  console.log(await p);
  const rp = (async () => Promise.resolve("returned promise"))();
  console.log(await rp);
  const obj = { async m() { return this === obj; } };
  console.log(await obj.m());
})();

// expect: named arrow function
// expect: add starts sync
// expect: after call
// expect: k:7
// expect: caught failed 7
// expect: finally
// expect: 8 10
// expect: thenable
// expect: add starts sync
// expect: Promise { <pending> }
// expect: add 11
// expect: 5
// expect: returned promise
// expect: true
