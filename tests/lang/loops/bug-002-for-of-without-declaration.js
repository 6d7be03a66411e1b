// bug-002: a for...of / for...in whose target is an existing variable or a member (no
// let/const/var) has no `kind` in the syntax tree; the compiler read that absent field and
// crashed. Found by the fuzzer.
let x;
for (x of [1, 2]) console.log(x);
// expect: 1
// expect: 2
console.log(x); // expect: 2
const o = { k: null };
for (o.k in { a: 1, b: 2 }) console.log(o.k);
// expect: a
// expect: b
const pair = [0, 0];
for ([pair[0], pair[1]] of [[3, 4]]) console.log(pair.join("+")); // expect: 3+4
