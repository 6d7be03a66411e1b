// Timers run after the synchronous code, ordered by delay, FIFO for equal delays. The
// delays are 50 ms apart so that a loaded machine cannot reorder them.
const log = (msg) => console.log(msg);
setTimeout(() => log("timeout 150"), 150);
setTimeout(() => log("timeout 50 first"), 50);
setTimeout(() => log("timeout 0 a"), 0);
setTimeout(() => log("timeout 50 second"), 50);
setTimeout(() => log("timeout 0 b"));
log("sync 1");
for (let i = 0; i < 3; i++) setTimeout(() => log(`loop ${i}`), 100);
log("sync 2");
// expect: sync 1
// expect: sync 2
// expect: timeout 0 a
// expect: timeout 0 b
// expect: timeout 50 first
// expect: timeout 50 second
// expect: loop 0
// expect: loop 1
// expect: loop 2
// expect: timeout 150
