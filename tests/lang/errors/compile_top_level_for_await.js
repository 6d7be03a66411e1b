// Top-level for await...of is refused like top-level await (node would run the file as an
// ES module).
const seen = [];
for await (const x of [1, 2]) seen.push(x);
// expect compile error: 4:1: top-level for await...of is not supported: node runs a file that uses it as an ES module, and Molt's modules are CommonJS (move it into an async function)
