// Leaving async generators and the for await loops inside them early: break in the
// consumer, return() and throw() at a yield inside a for await inside try/finally. Each
// runs the finally blocks (which await), closes the inner loop's iterator (awaiting its
// return()), in node's order against a then-chain.
const log = (...a) => console.log(...a);
function src(name) {
  return { [Symbol.asyncIterator]() { let i = 0; return {
    next: () => Promise.resolve({ value: name + i++, done: i > 4 }),
    return: () => { log(name, "closed"); return Promise.resolve({ done: true }); } }; } };
}
async function* relay() {
  try {
    for await (const x of src("s")) {
      try { yield x; } finally { log("inner finally", x); }
    }
  } finally { log("relay finally"); await null; log("relay finally done"); }
}
async function main() {
  for await (const v of relay()) { log("got", v); if (v === "s1") break; }
  const r = relay();
  log(await r.next());
  log(await r.return("bye"));
  const r2 = relay();
  await r2.next();
  try { await r2.throw(new Error("boom")); } catch (e) { log("thrown out", e.message); }
  let n = 0;
  for await (const v of relay()) { n++; }
  log("n", n);
}
main();
let p = Promise.resolve(); for (let i = 0; i < 30; i++) p = p.then(() => log("tick", i));

// expect: tick 0
// expect: tick 1
// expect: got s0
// expect: inner finally s0
// expect: tick 2
// expect: tick 3
// expect: tick 4
// expect: got s1
// expect: tick 5
// expect: inner finally s1
// expect: s closed
// expect: tick 6
// expect: relay finally
// expect: tick 7
// expect: relay finally done
// expect: tick 8
// expect: tick 9
// expect: tick 10
// expect: tick 11
// expect: { value: 's0', done: false }
// expect: tick 12
// expect: inner finally s0
// expect: s closed
// expect: tick 13
// expect: relay finally
// expect: tick 14
// expect: relay finally done
// expect: tick 15
// expect: { value: 'bye', done: true }
// expect: tick 16
// expect: tick 17
// expect: tick 18
// expect: inner finally s0
// expect: s closed
// expect: tick 19
// expect: relay finally
// expect: tick 20
// expect: relay finally done
// expect: tick 21
// expect: thrown out boom
// expect: tick 22
// expect: tick 23
// expect: tick 24
// expect: inner finally s0
// expect: tick 25
// expect: tick 26
// expect: tick 27
// expect: inner finally s1
// expect: tick 28
// expect: tick 29
// expect: inner finally s2
// expect: inner finally s3
// expect: relay finally
// expect: relay finally done
// expect: n 4
