// Async callbacks of natives (forEach, map) and timers, deep await recursion, super calls in
// async methods, rest parameters, and an async arrow seeing its method's this.
const out = [];
[1, 2, 3].forEach(async (x) => { await null; out.push(x * 2); });
const mapped = [1, 2].map(async (x) => x + 1);
console.log(mapped);
Promise.all(mapped).then((v) => console.log("mapped", v, out));
setTimeout(async () => { await null; console.log("timer async"); }, 1);
async function deep(n) { return n === 0 ? 0 : 1 + await deep(n - 1); }
deep(2000).then((v) => console.log("deep", v));
class A { async m() { return "A"; } }
class B extends A { async m() { const s = await super.m(); return s + "B"; } }
new B().m().then(console.log);
async function args(a, ...rest) { await null; return [a, rest]; }
args(1, 2, 3).then((v) => console.log(v));
const o = { n: 5, f() { return (async () => { await null; return this.n; })(); } };
o.f().then((v) => console.log("arrow this", v));
console.log(typeof (async () => {}), (async function named() {}).name);

// expect: [ Promise { 2 }, Promise { 3 } ]
// expect: function named
// expect: mapped [ 2, 3 ] [ 2, 4, 6 ]
// expect: AB
// expect: [ 1, [ 2, 3 ] ]
// expect: arrow this 5
// expect: deep 2000
// expect: timer async
