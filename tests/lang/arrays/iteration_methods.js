// map, filter, forEach, some, every with index and array arguments.
const words = ["apple", "kiwi", "banana", "fig"];
console.log(words.map((w) => w.length)); // expect: [ 5, 4, 6, 3 ]
console.log(words.map((w, i) => `${i}:${w[0]}`).join(" ")); // expect: 0:a 1:k 2:b 3:f
console.log(words.filter((w) => w.length > 3)); // expect: [ 'apple', 'kiwi', 'banana' ]
console.log(words.filter((w, i, arr) => arr.indexOf(w) === i).length); // expect: 4
const seen = [];
const ret = words.forEach((w, i, arr) => seen.push(arr.length - i));
console.log(seen, ret); // expect: [ 4, 3, 2, 1 ] undefined
console.log(words.some((w) => w.startsWith("b")), words.every((w) => w.length >= 3)); // expect: true true
console.log([].some(() => true), [].every(() => false)); // expect: false true
let checks = 0;
[1, 2, 3, 4].some((n) => {
  checks++;
  return n === 2;
});
console.log(checks); // expect: 2
console.log([1, 2, 3].map(String), ["1", "2", "3"].map(Number)); // expect: [ '1', '2', '3' ] [ 1, 2, 3 ]
