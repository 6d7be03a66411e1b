// A callback can cancel a timer that is due at the same moment but has not run yet (bug:
// both were started together once a slow turn had made them due, and the cleared one ran).
const busy = (ms) => {
  const start = performance.now();
  while (performance.now() - start < ms) {}
};
setTimeout(() => {
  console.log("first clears the second");
  clearTimeout(later);
}, 1);
const later = setTimeout(() => console.log("cleared timer runs"), 2);
const tick = setInterval(() => {
  console.log("interval once");
  clearInterval(tick);
}, 3);
busy(30); // all three are due before any of them runs
console.log("sync done"); // expect: sync done
// expect: first clears the second
// expect: interval once
