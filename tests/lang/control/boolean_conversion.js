// Boolean(), !! and truthiness in conditions.
const samples = [0, -0, 1, -1, NaN, "", " ", "0", "false", null, undefined, [], {}, Infinity];
console.log(samples.map((v) => Boolean(v)).map((b) => (b ? 1 : 0)).join("")); // expect: 00110011100111
console.log(samples.map((v) => !!v).filter((b) => b).length); // expect: 8
console.log(Boolean(), Boolean(false), Boolean("false"), !"", !0); // expect: false false true true true
console.log(typeof Boolean(1), Boolean(new Map()), Boolean(() => 0)); // expect: boolean true true
const inputs = ["yes", "", "  ", null];
const nonEmpty = inputs.filter(Boolean);
console.log(nonEmpty); // expect: [ 'yes', '  ' ]
let evaluated = 0;
const check = (v) => (evaluated++, v);
if (check(0) || check("") || check("x")) console.log("some truthy", evaluated); // expect: some truthy 3
console.log(true + true, true * 5, false - 1); // expect: 2 5 -1
