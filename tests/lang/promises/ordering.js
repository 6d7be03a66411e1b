// Microtasks run after the main module's top level, before any timer; then-chains and
// queueMicrotask interleave one job at a time in queue order.
console.log("sync 1");
setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => console.log("then a1")).then(() => console.log("then a2"));
queueMicrotask(() => console.log("microtask"));
Promise.resolve().then(() => console.log("then b1")).then(() => console.log("then b2"));
console.log("sync 2");

// expect: sync 1
// expect: sync 2
// expect: then a1
// expect: microtask
// expect: then b1
// expect: then a2
// expect: then b2
// expect: timeout
