// Inside a timer callback and an immediate: immediates and their microtasks, in node's
// order. (setImmediate vs setTimeout 0 from the main module is left out: node does not
// define that order.)
setTimeout(() => {
  let cleared;
  setImmediate((a, b) => {
    console.log("immediate 1", a, b);
    Promise.resolve().then(() => console.log("micro after immediate 1"));
    setImmediate(() => console.log("immediate 3 (next loop)"));
    clearImmediate(cleared);
  }, "x", 2);
  cleared = setImmediate(() => console.log("never: cleared by immediate 1"));
  setImmediate(() => console.log("immediate 2"));
  queueMicrotask(() => console.log("micro in timer"));
}, 1);

// expect: micro in timer
// expect: immediate 1 x 2
// expect: micro after immediate 1
// expect: immediate 2
// expect: immediate 3 (next loop)
