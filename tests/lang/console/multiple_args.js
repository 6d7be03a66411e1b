// console.log with several arguments, no arguments and non-string first arguments.
console.log(); // expect:
console.log("a", "b", "c"); // expect: a b c
console.log(1, "1", [1], { one: 1 }); // expect: 1 1 [ 1 ] { one: 1 }
console.log(null, undefined, true, false); // expect: null undefined true false
console.log("", "x"); // expect:  x
console.log("multi\nline", 2);
// expect: multi
// expect: line 2
console.log([1, 2], "and", [3]); // expect: [ 1, 2 ] and [ 3 ]
const values = ["x", 2, null];
console.log(...values); // expect: x 2 null
