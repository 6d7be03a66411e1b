console.log("never printed");
async function load() {
  return 1;
}
// expect compile error: 2:1: async functions are not supported
