// An error thrown from a timer callback is uncaught: the remaining timers never run.
setTimeout(() => console.log("first timer"), 10);
setTimeout(() => {
  console.log("second timer");
  throw new Error("timer failed");
}, 30);
setTimeout(() => console.log("third timer never runs"), 100);
console.log("scheduled");
// expect: scheduled
// expect: first timer
// expect: second timer
// expect runtime error: Error: timer failed
