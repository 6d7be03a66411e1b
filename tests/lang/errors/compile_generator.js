console.log("compile errors stop the program before it runs");

function* numbers() {
  yield 1;
}
// expect compile error: 3:1: generators are not supported
