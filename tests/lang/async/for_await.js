// for await...of over arrays, Sets and generators of promises and values: each value is
// awaited, with node's ticks (interleaved with a then-chain), break and a rejection.
const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
  for await (const v of [1, Promise.resolve(2), later(3, 20)]) console.log("got", v);
  let sum = 0;
  for await (const v of new Set([later(10, 5), 20])) { sum += v; if (sum > 100) break; }
  console.log("sum", sum);
  function* gen() { yield later("g1", 1); yield "g2"; }
  for await (const g of gen()) console.log(g);
  try { for await (const x of [Promise.reject(new Error("rej"))]) console.log("no", x); } catch (e) { console.log("caught", e.message); }
  return "done";
}
main().then(console.log);
(async () => { for await (const x of [1, 2]) console.log("other", x); console.log("other end"); })();
Promise.resolve().then(() => console.log("m1")).then(() => console.log("m2")).then(() => console.log("m3")).then(() => console.log("m4")).then(() => console.log("m5")).then(() => console.log("m6"));

// expect: m1
// expect: got 1
// expect: other 1
// expect: m2
// expect: m3
// expect: got 2
// expect: other 2
// expect: m4
// expect: m5
// expect: other end
// expect: m6
// expect: got 3
// expect: sum 30
// expect: g1
// expect: g2
// expect: caught rej
// expect: done
