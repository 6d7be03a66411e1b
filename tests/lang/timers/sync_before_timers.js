// Timers wait for the synchronous code that created them, however long it runs: a due
// timer does not preempt the turn that created it (bug: a slow top level was interrupted).
const busy = (ms) => {
  const start = performance.now();
  while (performance.now() - start < ms) {}
};
setTimeout(() => console.log("timeout 0"), 0);
busy(30);
console.log("sync 1"); // expect: sync 1
setTimeout(() => {
  setTimeout(() => console.log("nested timeout 0"), 0);
  busy(30);
  console.log("callback end");
}, 1);
busy(30);
console.log("sync 2"); // expect: sync 2
// expect: timeout 0
// expect: callback end
// expect: nested timeout 0
