// Microtasks queued by a timer callback run before the next timer callback.
setTimeout(() => {
  console.log("t1");
  Promise.resolve().then(() => console.log("t1 micro"));
  queueMicrotask(() => console.log("t1 queueMicrotask"));
}, 0);
setTimeout(() => {
  console.log("t2");
  Promise.resolve().then(() => console.log("t2 micro"));
}, 0);
setTimeout(() => console.log("t3 later"), 20);

// expect: t1
// expect: t1 micro
// expect: t1 queueMicrotask
// expect: t2
// expect: t2 micro
// expect: t3 later
