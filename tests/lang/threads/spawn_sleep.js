// Molt only: spawned threads run concurrently with main; Thread.sleep orders their work.
// Threads start in spawn order, so "fast" and "medium" wake in order on any machine; "slow"
// starts first but sleeps 110 ms longer than "fast", a margin far beyond two threads' first
// slices (each a single call to Thread.sleep).
const finished = []; // push is a single call, so concurrent pushes do not lose items
function worker(name, ms) {
  return () => {
    Thread.sleep(ms);
    finished.push(name);
  };
}
Thread.spawn(worker("slow", 120));
Thread.spawn(worker("fast", 10));
Thread.spawn(worker("medium", 60));
console.log("spawned", finished.length); // expect: spawned 0
while (finished.length < 3) Thread.yield();
console.log(finished); // expect: [ 'fast', 'medium', 'slow' ]
