// An async function that throws with nobody awaiting it is an unhandled rejection.
async function boom() {
  await null;
  throw new Error("async boom");
}
boom();
console.log("sync end");
// expect runtime error: Error: async boom

// expect: sync end
