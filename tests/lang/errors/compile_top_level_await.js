// Top-level await is not supported: the module body is not an async frame.
console.log("never printed");
const v = await Promise.resolve(1);
// expect compile error: 3:11: top-level await is not supported (use an async function)
