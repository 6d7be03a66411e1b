// for await over a sync iterator that hands out a rejected promise: the loop throws the
// reason, and (as in node 20, before ES2025's change) the sync iterator's return() is not called.
const it = {
  i: 0,
  [Symbol.iterator]() { return this; },
  next() { this.i++; return this.i === 1 ? { value: 1, done: false } : { value: Promise.reject(new Error("bad")), done: false }; },
  return() { console.log("return called"); return { done: true }; },
};
(async () => {
  try { for await (const x of it) console.log("x", x); } catch (e) { console.log("caught", e.message); }
})();
// expect: x 1
// expect: caught bad
