// Object.getOwnPropertyNames lists the own non-enumerable properties node's values have,
// which Object.keys leaves out: an error's stack, message and cause (in V8's order, ahead
// of added properties), an array's and a string's length.
const e = new Error("x");
console.log(Object.getOwnPropertyNames(e), Object.keys(e)); // expect: [ 'stack', 'message' ] []
console.log(Object.getOwnPropertyNames(new Error("z", { cause: 1 }))); // expect: [ 'stack', 'message', 'cause' ]
class ParseError extends Error {
  constructor(m, line) {
    super(m);
    this.line = line;
  }
}
console.log(Object.getOwnPropertyNames(new ParseError("bad", 3))); // expect: [ 'stack', 'message', 'line' ]
const decorated = new RangeError("r");
decorated.code = "E_RANGE";
console.log(Object.getOwnPropertyNames(decorated)); // expect: [ 'stack', 'message', 'code' ]
console.log(Object.getOwnPropertyNames([7, 8]), Object.getOwnPropertyNames("ab")); // expect: [ '0', '1', 'length' ] [ '0', '1', 'length' ]
console.log(Object.getOwnPropertyNames({ a: 1, b: 2 })); // expect: [ 'a', 'b' ]
class Point {
  constructor() {
    this.x = 1;
  }
}
console.log(Object.getOwnPropertyNames(new Point())); // expect: [ 'x' ]
