// await takes one microtask per settled promise; an async function runs synchronously up
// to its first await; await interleaves with then-chains and timers as in node.
async function order() {
  console.log("o1");
  await undefined;
  console.log("o3");
  await new Promise((r) => setTimeout(r, 1));
  console.log("o5 after the timer");
}
order();
console.log("o2");
Promise.resolve().then(() => console.log("p1")).then(() => console.log("p2")).then(() => console.log("p3"));
(async () => { await null; console.log("a1"); await null; console.log("a2"); })();
setTimeout(() => console.log("o4 timer"), 0);
// Returning a promise from an async function costs two extra ticks (node's count).
(async () => Promise.resolve("r"))().then((v) => console.log("returned", v));
Promise.resolve().then(() => console.log("t1")).then(() => console.log("t2"))
  .then(() => console.log("t3")).then(() => console.log("t4"));

// expect: o1
// expect: o2
// expect: o3
// expect: p1
// expect: a1
// expect: t1
// expect: p2
// expect: a2
// expect: t2
// expect: p3
// expect: returned r
// expect: t3
// expect: t4
// expect: o4 timer
// expect: o5 after the timer
