// "x is not a function" names the callee as written, as node does.
const o = { a: 1, inner: { fn: 2 } };
class P { m() { return this; } }
const p = new P();
const f = undefined;
const arr = [1];
const tries = [
  () => o.missing(),
  () => p.nope(),
  () => o.a(),
  () => f(),
  () => arr[0](),
  () => o.inner.fn(),
  () => o.missing(...arr),
];
for (const t of tries) {
  try { t(); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
// expect: TypeError: o.missing is not a function
// expect: TypeError: p.nope is not a function
// expect: TypeError: o.a is not a function
// expect: TypeError: f is not a function
// expect: TypeError: arr[0] is not a function
// expect: TypeError: o.inner.fn is not a function
// expect: TypeError: o.missing is not a function
