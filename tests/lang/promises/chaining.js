// then/catch/finally chains: values, pass-through, thrown errors, adoption of promises and
// thenables, finally keeping the value.
Promise.resolve(1)
  .then((v) => v + 1)
  .then()
  .then((v) => { throw new Error("at " + v); })
  .then(() => console.log("skipped"))
  .catch((e) => { console.log("caught", e.message); return "recovered"; })
  .finally(() => console.log("finally runs"))
  .then((v) => console.log("after finally", v));

const thenable = { then(resolve) { resolve("from thenable"); } };
Promise.resolve(thenable).then((v) => console.log(v));
new Promise((resolve) => resolve(Promise.resolve("adopted"))).then((v) => console.log(v));
new Promise((resolve, reject) => { reject(new Error("first")); resolve("ignored"); })
  .catch((e) => console.log("settles once:", e.message));
new Promise(() => { throw new TypeError("executor threw"); })
  .catch((e) => console.log(e.name, e.message));
Promise.reject(new Error("x")).finally(() => console.log("finally on rejection"))
  .catch((e) => console.log("still rejected", e.message));
const p = Promise.resolve(5);
console.log(Promise.resolve(p) === p);
const self = new Promise((r) => setTimeout(() => r(self), 1));
self.catch((e) => console.log(e.constructor.name, e.message));
// Ticks: adopting a promise takes two extra jobs, as in node.
Promise.resolve().then(() => console.log("tick 1")).then(() => console.log("tick 2"))
  .then(() => console.log("tick 3")).then(() => console.log("tick 4"));
new Promise((r) => r(Promise.resolve())).then(() => console.log("adoption done"));

// expect: true
// expect: settles once: first
// expect: TypeError executor threw
// expect: finally on rejection
// expect: tick 1
// expect: from thenable
// expect: tick 2
// expect: adopted
// expect: tick 3
// expect: adoption done
// expect: still rejected x
// expect: tick 4
// expect: caught at 2
// expect: finally runs
// expect: after finally recovered
// expect: TypeError Chaining cycle detected for promise #<Promise>
