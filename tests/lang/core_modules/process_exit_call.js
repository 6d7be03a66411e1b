// process.exit(code) runs the 'exit' listeners before ending, and code after it never runs.
process.on("exit", (code) => console.log("exiting with", code));
try {
  console.log("before"); // expect: before
  process.exit(0);
} finally {
  console.log("finally blocks do not run on exit");
}
// expect: exiting with 0
