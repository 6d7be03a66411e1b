// process.exit stops the program immediately: later statements and timers do not run.
setTimeout(() => console.log("timer never runs"), 0);
console.log("before exit"); // expect: before exit
function shutdown() {
  console.log("shutting down"); // expect: shutting down
  process.exit(0);
  console.log("unreachable");
}
shutdown();
console.log("also unreachable");
