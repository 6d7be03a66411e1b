// Array destructuring: skipping, defaults, rest, nesting, swapping.
const [a, b] = [1, 2, 3];
console.log(a, b); // expect: 1 2
const [, second, , fourth = "d4"] = ["x", "y", "z"];
console.log(second, fourth); // expect: y d4
const [head, ...tail] = [10, 20, 30, 40];
console.log(head, tail); // expect: 10 [ 20, 30, 40 ]
const [[p, q], [r = "r0"] = []] = [[1, 2]];
console.log(p, q, r); // expect: 1 2 r0
const [x = 5, y = x * 2] = [undefined, undefined];
console.log(x, y); // expect: 5 10
const [n = "default"] = [null];
console.log(n); // expect: null

let m = "left";
let k = "right";
[m, k] = [k, m];
console.log(m, k); // expect: right left

const [c1, c2, ...others] = "hello";
console.log(c1, c2, others); // expect: h e [ 'l', 'l', 'o' ]
const [first] = new Set(["only"]);
console.log(first); // expect: only
const [[key, value]] = new Map([["k", "v"]]);
console.log(key, value); // expect: k v
