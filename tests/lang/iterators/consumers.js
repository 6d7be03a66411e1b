// Every place the runtime iterates takes a user iterable: spread in arrays and calls,
// destructuring, Array.from, Map, Set, Object.fromEntries, Promise.all and yield*.
class Pairs {
  constructor(entries) { this.entries = entries; }
  *[Symbol.iterator]() {
    for (const e of this.entries) yield e;
  }
}
class Numbers {
  constructor(...values) { this.values = values; }
  [Symbol.iterator]() {
    let i = 0;
    const values = this.values;
    return { next: () => ({ value: values[i], done: i++ >= values.length }) };
  }
}
const nums = new Numbers(3, 1, 2);
console.log([0, ...nums, 9]); // expect: [ 0, 3, 1, 2, 9 ]
console.log(Math.max(...nums), Math.min(...nums)); // expect: 3 1
function three(a, b, c) { return `${a}-${b}-${c}`; }
console.log(three(...nums)); // expect: 3-1-2
const [first, , third] = nums;
console.log(first, third); // expect: 3 2
let x, y;
[x, y] = nums;
console.log(x, y); // expect: 3 1
console.log(Array.from(nums), Array.from(nums, (n) => n * 10)); // expect: [ 3, 1, 2 ] [ 30, 10, 20 ]
const pairs = new Pairs([["a", 1], ["b", 2]]);
console.log(new Map(pairs)); // expect: Map(2) { 'a' => 1, 'b' => 2 }
console.log(new Set(nums)); // expect: Set(3) { 3, 1, 2 }
console.log(Object.fromEntries(pairs)); // expect: { a: 1, b: 2 }
for (const [k, v] of pairs) console.log(k, v); // expect: a 1
// expect: b 2
function* both() {
  yield* nums;
  yield* pairs;
}
console.log([...both()].length); // expect: 5
// Promise.all's callback runs after the rest of the program (its expectation is last).
Promise.all(new Numbers(Promise.resolve("p"), "q")).then((v) => console.log(v));
// Objects that are not iterable say so.
try {
  [...{ a: 1 }];
} catch (e) {
  console.log(e.constructor.name); // expect: TypeError
}
try {
  for (const v of { [Symbol.iterator]: () => 42 });
} catch (e) {
  console.log(e.message); // expect: Result of the Symbol.iterator method is not an object
}
// expect: [ 'p', 'q' ]
