// Timers run after the synchronous code, ordered by delay, FIFO for equal delays. Where a
// later-created timer must fire first, its delay is at least 100 ms shorter, far more than
// the few statements between the two setTimeout calls take on a loaded machine. The first
// log comes before any timer: node's first console.log can take over 100 ms under load.
const log = (msg) => console.log(msg);
log("sync 1");
setTimeout(() => log("timeout 300"), 300);
setTimeout(() => log("timeout 100 first"), 100);
setTimeout(() => log("timeout 0 a"), 0);
setTimeout(() => log("timeout 100 second"), 100);
setTimeout(() => log("timeout 0 b"));
for (let i = 0; i < 3; i++) setTimeout(() => log(`loop ${i}`), 200);
log("sync 2");
// expect: sync 1
// expect: sync 2
// expect: timeout 0 a
// expect: timeout 0 b
// expect: timeout 100 first
// expect: timeout 100 second
// expect: loop 0
// expect: loop 1
// expect: loop 2
// expect: timeout 300
