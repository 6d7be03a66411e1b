// Strings are immutable values; methods return new strings; comparison is by value.
let s = "abc";
const t = s;
s += "def";
console.log(s, t); // expect: abcdef abc
const upper = s.toUpperCase();
console.log(s, upper); // expect: abcdef ABCDEF
const built = ["ab", "cdef"].join("");
console.log(built === s, built == s); // expect: true true
let acc = "";
for (let i = 0; i < 5; i++) acc += String.fromCharCode(97 + i);
console.log(acc, acc.length); // expect: abcde 5
const a = "x".repeat(3);
console.log(a === "xxx", typeof a); // expect: true string
console.log(String(null), String(undefined), String(true), String([1, 2]), String({})); // expect: null undefined true 1,2 [object Object]
