// The built-in iterables answer [Symbol.iterator] with the iterator a for-of uses.
const arr = [10, 20];
const ai = arr[Symbol.iterator]();
console.log(ai.next(), ai.next(), ai.next()); // expect: { value: 10, done: false } { value: 20, done: false } { value: undefined, done: true }
console.log(typeof [][Symbol.iterator], typeof "s"[Symbol.iterator]); // expect: function function
console.log(typeof new Map()[Symbol.iterator], typeof new Set()[Symbol.iterator]); // expect: function function
console.log([..."héllo"[Symbol.iterator]()].join("|")); // expect: h|é|l|l|o
const m = new Map([["a", 1], ["b", 2]]);
console.log(m[Symbol.iterator]().next().value); // expect: [ 'a', 1 ]
const s = new Set(["x", "y"]);
console.log([...s[Symbol.iterator]()]); // expect: [ 'x', 'y' ]
// An iterator is its own iterable; so is a generator.
const keys = m.keys();
console.log(keys[Symbol.iterator]() === keys); // expect: true
function* gen() { yield 1; yield 2; }
const g = gen();
console.log(g[Symbol.iterator]() === g, [...g]); // expect: true [ 1, 2 ]
// Borrowing an array's iterator method.
const borrowed = { [Symbol.iterator]: () => [7, 8, 9][Symbol.iterator]() };
console.log(Array.from(borrowed)); // expect: [ 7, 8, 9 ]
