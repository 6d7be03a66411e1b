// await inside a function that is not async is refused (node: a SyntaxError).
function load() {
  return await 1;
}
// expect compile error: 3:10: await is only valid in async functions and the top level bodies of modules
