// process.on('exit'): listeners run once when the program ends, with its code, and may
// change process.exitCode; process.exitCode is the code of a program that ends by itself.
const seen = [];
process.on("exit", (code) => {
  console.log("exit listener 1, code", code, "exitCode", process.exitCode);
  process.exitCode = 0;
});
process.on("exit", (code) => console.log("exit listener 2, code", code, seen.join(",")));
console.log(process.listenerCount("exit")); // expect: 2
setTimeout(() => seen.push("timer"), 1);
seen.push("top");
process.exitCode = 3;
console.log(typeof process.pid, process.pid > 0, process.cwd() === require("path").resolve(".")); // expect: number true true
process.env.MOLT_TEST_VALUE = "set";
console.log(process.env.MOLT_TEST_VALUE, process.env.NO_SUCH_VARIABLE_HERE); // expect: set undefined
// expect: exit listener 1, code 3 exitCode 3
// expect: exit listener 2, code 3 top,timer
