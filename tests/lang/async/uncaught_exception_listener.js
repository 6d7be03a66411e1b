// process.on("uncaughtException", fn): an exception no frame catches (in a timer, a
// microtask, an unhandled rejection, the top level) goes to the listener with its origin,
// and the program goes on to its end with exit code 0. The top level itself ends by
// throwing.
process.on("uncaughtException", (err, origin) => {
  console.log("listener:", err.message, origin);
});
setTimeout(() => {
  console.log("timer 1");
  throw new Error("thrown in a timer");
}, 1);
setTimeout(() => {
  console.log("timer 2");
  queueMicrotask(() => {
    throw new Error("thrown in a microtask");
  });
  queueMicrotask(() => console.log("next microtask still runs"));
}, 5);
setTimeout(() => {
  Promise.reject(new Error("rejected, no handler"));
}, 10);
setTimeout(() => console.log("the end"), 20);
console.log("top level ends by throwing");
throw new Error("thrown by the top level");

// expect: top level ends by throwing
// expect: listener: thrown by the top level uncaughtException
// expect: timer 1
// expect: listener: thrown in a timer uncaughtException
// expect: timer 2
// expect: listener: thrown in a microtask uncaughtException
// expect: next microtask still runs
// expect: listener: rejected, no handler unhandledRejection
// expect: the end
