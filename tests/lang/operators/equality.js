// == and != with coercion versus === and !==.
console.log(1 == "1", 1 === "1", 0 == "", 0 === ""); // expect: true false true false
console.log(null == undefined, null === undefined, null == 0, undefined == 0); // expect: true false false false
console.log(true == 1, false == 0, true == "1", false == ""); // expect: true true true true
console.log(NaN == NaN, NaN != NaN, NaN !== NaN); // expect: false true true
console.log("abc" == "abc", "abc" === "abc", "a" != "b"); // expect: true true true
const a = [1];
const b = [1];
console.log(a == b, a === a, a == "1", {} == "[object Object]"); // expect: false true true true
console.log(0 === -0, 0 == -0, 1 / 0 === 1 / -0, [NaN].includes(NaN)); // expect: true true false true
class P {}
const p = new P();
console.log(p == p, p === new P(), p != null); // expect: true false true
console.log(" 1 " == 1, "1e2" == 100, "0x10" == 16); // expect: true true true
