// finally blocks run before an uncaught error terminates the program.
function withCleanup() {
  try {
    console.log("working"); // expect: working
    throw new TypeError("resource exhausted");
  } finally {
    console.log("cleanup"); // expect: cleanup
  }
}
try {
  withCleanup();
} finally {
  console.log("outer finally"); // expect: outer finally
}
// expect runtime error: TypeError: resource exhausted
