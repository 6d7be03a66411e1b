// Async generators are not supported yet.
async function* ticks() {
  yield 1;
}
// expect compile error: 2:1: async generators are not supported
