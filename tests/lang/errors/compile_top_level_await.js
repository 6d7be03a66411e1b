// Top-level await is not supported: node 20 runs a .js file that uses it as an ES module
// (where require and module.exports do not exist), and Molt's modules are CommonJS.
console.log("never printed");
const v = await Promise.resolve(1);
// expect compile error: 4:11: top-level await is not supported: node runs a file that uses it as an ES module, and Molt's modules are CommonJS (move it into an async function)
