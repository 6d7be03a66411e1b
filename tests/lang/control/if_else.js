// if / else if / else chains and truthiness.
function classify(n) {
  if (n < 0) {
    return "negative";
  } else if (n === 0) {
    return "zero";
  } else if (n % 2 === 0) {
    return "even";
  } else {
    return "odd";
  }
}
console.log([-3, 0, 4, 7].map(classify).join(" ")); // expect: negative zero even odd

const values = [0, 1, "", "a", null, undefined, NaN, [], {}, -0, 0.5];
const truthy = values.map((v) => (v ? "T" : "F")).join("");
console.log(truthy); // expect: FTFTFFFTTFT

let out = "";
if (out) out += "x";
else if (!out) out += "y";
if (out.length) out += "z";
console.log(out); // expect: yz

function grade(score) {
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  return "F";
}
console.log([95, 85, 72, 10].map(grade).join("")); // expect: ABCF
