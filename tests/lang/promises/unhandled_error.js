// An unhandled rejection with an Error ends the program (exit 1) after the microtasks ran.
console.log("before");
Promise.reject(new Error("x"));
queueMicrotask(() => console.log("microtasks first"));
setTimeout(() => console.log("never"), 0);
// expect runtime error: Error: x

// expect: before
// expect: microtasks first
