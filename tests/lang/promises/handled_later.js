// A rejection handled by a microtask of the same drain is not unhandled (node's rule).
const p = Promise.reject(new Error("late"));
queueMicrotask(() => p.catch((e) => console.log("handled", e.message)));
Promise.reject(new Error("chained")).then(() => {}).catch((e) => console.log("chain", e.message));

// expect: handled late
// expect: chain chained
