// Timers run after the synchronous code, ordered by delay, FIFO for equal delays.
const log = (msg) => console.log(msg);
setTimeout(() => log("timeout 60"), 60);
setTimeout(() => log("timeout 20 first"), 20);
setTimeout(() => log("timeout 0 a"), 0);
setTimeout(() => log("timeout 20 second"), 20);
setTimeout(() => log("timeout 0 b"));
log("sync 1");
for (let i = 0; i < 3; i++) setTimeout(() => log(`loop ${i}`), 40);
log("sync 2");
// expect: sync 1
// expect: sync 2
// expect: timeout 0 a
// expect: timeout 0 b
// expect: timeout 20 first
// expect: timeout 20 second
// expect: loop 0
// expect: loop 1
// expect: loop 2
// expect: timeout 60
