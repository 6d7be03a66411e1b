// Molt only: a generator walked by new Map/new Set, Array.from or spread, and a getter read
// through a computed key or on a record, run as ordinary frames of their thread, so they
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
function* slowly(n) {
  for (let i = 0; i < n; i++) {
    log.push(`gen ${i}`);
    Thread.yield();
    yield i;
  }
}
const spread = [...slowly(3)];
while (!otherDone) Thread.yield();
console.log(spread, log.join(", ")); // expect: [ 0, 1, 2 ] gen 0, other 0, gen 1, other 1, gen 2, other 2

function* napping(values) {
  for (const v of values) {
    Thread.sleep(1);
    yield v;
  }
}
console.log(new Set(napping([1, 2, 2])), new Map(napping([["k", "v"]]))); // expect: Set(2) { 1, 2 } Map(1) { 'k' => 'v' }
console.log(Array.from(napping("ab")), Array.from(napping([1]), (x) => x + 1)); // expect: [ 'a', 'b' ] [ 2 ]
class Lazy {
  get value() {
    Thread.sleep(1);
    return "lazy";
  }
}
const key = "value";
const record = {
  get total() {
    Thread.sleep(1);
    return 7;
  },
};
console.log(new Lazy()[key], record.total, record[`to${"tal"}`]); // expect: lazy 7 7
console.log(Object.fromEntries(napping([["a", 1]]))); // expect: { a: 1 }
