// process.on('SIGINT'): a signal is delivered to the program's listener on the VM thread
// (with the signal's name) instead of ending the process; the listener decides what
// happens next. process.kill sends it.
let ticks = 0;
const timer = setInterval(() => {
  ticks++;
}, 5);
process.on("SIGINT", (signal) => {
  console.log("got", signal, process.listenerCount("SIGINT"));
  clearInterval(timer);
});
process.kill(process.pid, "SIGINT");
console.log("sent"); // expect: sent
// expect: got SIGINT 1
