// yield inside an async function is an error (it is not a generator).
async function f() {
  yield 1;
}
// expect compile error: 3:3: yield is only valid in generator functions
