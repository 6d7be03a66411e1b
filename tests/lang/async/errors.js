// Errors: a throw before the first await rejects (it does not throw at the call), awaited
// rejections throw at the await, finally runs on every path.
async function early() { throw new TypeError("early"); }
const p = early();
console.log("call returned", p instanceof Promise);
p.catch((e) => console.log("rejected with", e.name, e.message));
async function nested(depth) {
  if (depth === 0) { await null; throw new RangeError("bottom"); }
  try { return await nested(depth - 1); } finally { console.log("unwinding", depth); }
}
nested(3).catch((e) => console.log("nested", e.message));
async function recover() {
  try { await Promise.reject(new Error("awaited")); } catch (e) { return "recovered from " + e.message; }
}
recover().then(console.log);
async function loop() {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += await i;
  for (const v of [10, 20]) sum += await Promise.resolve(v);
  return sum;
}
loop().then((s) => console.log("sum", s));

// expect: call returned true
// expect: rejected with TypeError early
// expect: unwinding 1
// expect: recovered from awaited
// expect: unwinding 2
// expect: unwinding 3
// expect: nested bottom
// expect: sum 40
