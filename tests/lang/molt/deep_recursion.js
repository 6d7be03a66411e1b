// Molt allows deeper recursion than node (100,000 frames, or the 2 MiB value stack of a
// thread), on the main thread and on green threads, and fails cleanly beyond.
function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }
console.log(f(50000)); // expect: 50000
const worker = Thread.spawn(() => {
  console.log("thread", f(50000));
  try {
    f(1e7);
  } catch (e) {
    console.log("thread", e.name, e.message, e.stack.split("\n").length);
  }
});
function wide(n, a, b, c, d, e, g, h, i, j) {
  const k = [a, b, c, d, e, g, h, i, j];
  return n === 0 ? k.length : wide(n - 1, 1, 2, 3, 4, 5, 6, 7, 8, 9);
}
try {
  wide(1e7);
} catch (e) {
  console.log("value stack", e.message); // expect: value stack Maximum call stack size exceeded
}
// The thread runs once the top level is done:
// expect: thread 50000
// expect: thread RangeError Maximum call stack size exceeded 11
