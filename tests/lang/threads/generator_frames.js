// A generator's frame runs on the thread that resumes it: it is preempted like any frame,
// it can sleep, and a generator started on one thread can be resumed on another.
function* upTo(n) {
  for (let i = 1; i <= n; i++) yield i;
}
let ticks = 0;
Thread.spawn(() => {
  ticks++;
});
let total = 0;
for (const v of upTo(200000)) total += v;
console.log(total, ticks); // expect: 20000100000 1

function* slowSource() {
  for (const item of ["a", "b", "c"]) {
    Thread.sleep(5);
    yield item;
  }
}
const seen = [];
let workerDone = false;
Thread.spawn(() => {
  for (const item of slowSource()) seen.push(`w:${item}`);
  workerDone = true;
});
seen.push("main");
while (!workerDone) Thread.sleep(1);
console.log(seen.join(" ")); // expect: main w:a w:b w:c

const shared = upTo(4);
shared.next();
let fromOther;
Thread.spawn(() => {
  fromOther = shared.next().value;
});
while (fromOther === undefined) Thread.yield();
console.log(fromOther, shared.next().value); // expect: 2 3
