// Molt only: a callback of a built-in method (forEach, sort's comparator, Map.forEach,
// replace's function, Array.from's map function) is an ordinary frame of its thread, so it
// can sleep, yield and be preempted while other threads run (decision 0019).
const log = [];
let otherDone = false;
Thread.spawn(() => {
  for (let i = 0; i < 3; i++) {
    log.push(`other ${i}`);
    Thread.yield();
  }
  otherDone = true;
});
[1, 2, 3].forEach((x) => {
  log.push(`each ${x}`);
  Thread.yield();
});
while (!otherDone) Thread.yield();
console.log(log.join(", ")); // expect: each 1, other 0, each 2, other 1, each 3, other 2
let slept = 0;
[1, 2].forEach((ms) => {
  Thread.sleep(ms);
  slept += ms;
});
console.log(slept); // expect: 3

let yields = 0;
const sorted = [5, 3, 4, 1, 2].sort((a, b) => {
  Thread.yield();
  yields++;
  return a - b;
});
console.log(sorted, yields > 0); // expect: [ 1, 2, 3, 4, 5 ] true

const m = new Map([["a", 1], ["b", 2]]);
const napped = [];
m.forEach((v, k) => {
  Thread.sleep(1);
  napped.push(k + v);
});
console.log(napped, "x-y-z".replaceAll("-", () => (Thread.sleep(1), "+"))); // expect: [ 'a1', 'b2' ] x+y+z
console.log(Array.from("ab", (c) => (Thread.yield(), c.toUpperCase()))); // expect: [ 'A', 'B' ]

// Preemption: a long forEach on one thread lets another run before it ends. (A callback that
// calls nothing and loops nowhere is called from the native instead, as a short nested call:
// decision 0019. This one calls `add`.)
let otherRan = false;
let ranDuring = false;
let sum = 0;
function add(x) {
  sum += x;
}
Thread.spawn(() => {
  const items = new Array(200000).fill(1);
  items.forEach((x) => {
    add(x);
    if (otherRan) ranDuring = true;
  });
});
Thread.spawn(() => {
  otherRan = true;
});
while (sum < 200000) Thread.yield();
console.log(sum, ranDuring); // expect: 200000 true

// Recursion through a callback is as deep as a direct call.
function depth(n) {
  return n === 0 ? 0 : [n].map((x) => depth(x - 1))[0] + 1;
}
console.log(depth(5000)); // expect: 5000
