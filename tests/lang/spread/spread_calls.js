// Spread arguments into calls, mixed with normal arguments.
function describe(a, b, c, ...more) {
  return `a=${a} b=${b} c=${c} more=${more.length}`;
}
const nums = [1, 2];
console.log(describe(...nums)); // expect: a=1 b=2 c=undefined more=0
console.log(describe(0, ...nums, 3, ...[4, 5])); // expect: a=0 b=1 c=2 more=3
console.log(Math.max(...[3, 9, 4]), Math.min(...[3, 9, 4], -1)); // expect: 9 -1
console.log(describe(..."xyz")); // expect: a=x b=y c=z more=0
console.log(Math.max(...[])); // expect: -Infinity

class Vec {
  constructor(...parts) {
    this.parts = parts;
  }
  plus(...others) {
    return new Vec(...this.parts.map((p, i) => p + others[i]));
  }
}
const v = new Vec(...[1, 2, 3]).plus(...[10, 20, 30]);
console.log(v.parts); // expect: [ 11, 22, 33 ]
const args = ["a", "b"];
console.log([].concat(...[[1], [2, 3]])); // expect: [ 1, 2, 3 ]
console.log(String.fromCharCode(...[72, 105])); // expect: Hi
console.log(...args, ...args); // expect: a b a b
