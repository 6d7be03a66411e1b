// for await...of is only valid inside an async function.
function f(list) {
  for await (const x of list) console.log(x);
}
// expect compile error: 3:3: for await...of is only valid in async functions
