// process.on("unhandledRejection", fn): the listener gets the reason and the promise once
// the microtasks have run, and the program goes on (exit 0, no report); a handler added
// later in the same drain still counts as handling the rejection.
const seen = [];
process.on("unhandledRejection", (reason, promise) => {
  console.log("unhandled:", reason instanceof Error ? reason.message : reason, promise instanceof Promise);
  seen.push(reason);
});
const p1 = Promise.reject(new Error("first"));
Promise.reject(42);
const p3 = Promise.reject("handled soon");
queueMicrotask(() => p3.catch((r) => console.log("caught", r)));
async function fails() {
  await null;
  throw new Error("from async");
}
fails();
console.log("top level done");
setTimeout(() => {
  console.log("timer runs", seen.length);
  Promise.reject(new Error("in timer"));
  setTimeout(() => console.log("still running", seen.length), 5);
}, 5);

// expect: top level done
// expect: caught handled soon
// expect: unhandled: first true
// expect: unhandled: 42 true
// expect: unhandled: from async true
// expect: timer runs 3
// expect: unhandled: in timer true
// expect: still running 4
