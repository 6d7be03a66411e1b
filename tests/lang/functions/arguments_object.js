"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// `arguments` in non-arrow functions: array-like, a copy of what the call passed (class
// code is strict, so it never aliases the parameters).
function sum() {
  let s = 0;
  for (let i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}
console.log(sum(1, 2, 3), sum()); // expect: 6 0
function defaults(a, b = 5) { return [arguments.length, a, b, arguments[1]]; }
console.log(defaults(1)); // expect: [ 1, 1, 5, undefined ]
function outer() {
  const inner = () => arguments[0] + arguments.length; // an arrow sees its function's
  return inner("ignored");
}
console.log(outer(10, 20)); // expect: 12
function noAlias(a) {
  a = 99;
  return arguments[0];
}
console.log(noAlias(1)); // expect: 1
function spreadIt() { return Math.max(...arguments); }
console.log(spreadIt(4, 8, 1)); // expect: 8
function forward() { return sum.apply(null, arguments); }
console.log(forward(1, 2, 3, 4)); // expect: 10
function copy() { return Array.from(arguments).concat([].slice.call(arguments, 1)); }
console.log(copy("a", "b")); // expect: [ 'a', 'b', 'b' ]
class Logger {
  constructor() { this.seen = arguments.length; }
  log() { return [...arguments].join(" "); }
}
const logger = new Logger(1, 2);
console.log(logger.seen, logger.log("a", "b", 3)); // expect: 2 a b 3
function* numbered() { for (let i = 0; i < arguments.length; i++) yield i + ":" + arguments[i]; }
console.log([...numbered("x", "y")]); // expect: [ '0:x', '1:y' ]
