// for...of over arrays, strings, Maps, Sets and their iterator methods.
const words = [];
for (const w of ["alpha", "beta"]) words.push(w.length);
console.log(words); // expect: [ 5, 4 ]

let chars = [];
for (const ch of "héllo") chars.push(ch);
console.log(chars.join("|")); // expect: h|é|l|l|o

const m = new Map([["x", 1], ["y", 2]]);
for (const [k, v] of m) console.log(k, v);
// expect: x 1
// expect: y 2
for (const k of m.keys()) console.log("key", k);
// expect: key x
// expect: key y
for (const v of m.values()) console.log("value", v);
// expect: value 1
// expect: value 2
for (const e of m.entries()) console.log(e);
// expect: [ 'x', 1 ]
// expect: [ 'y', 2 ]

const s = new Set(["a", "b", "a"]);
for (const x of s) console.log("set", x);
// expect: set a
// expect: set b
for (const [i, v] of ["p", "q"].entries()) console.log(i, v);
// expect: 0 p
// expect: 1 q
for (const i of ["p", "q", "r"].keys()) process.stdout.write(`${i};`);
console.log(); // expect: 0;1;2;
for (const v of ["p", "q"].values()) process.stdout.write(v);
console.log(); // expect: pq
