// Conditional (ternary) expressions, nested and in templates.
const sign = (n) => (n > 0 ? "+" : n < 0 ? "-" : "0");
console.log([5, -2, 0].map(sign).join("")); // expect: +-0

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
console.log(plural(1, "cat"), plural(3, "dog")); // expect: 1 cat 3 dogs

let calls = [];
const pick = (flag) => (flag ? (calls.push("yes"), 1) : (calls.push("no"), 2));
console.log(pick(true) + pick(false), calls.join()); // expect: 3 yes,no

const fizz = [];
for (let i = 1; i <= 15; i++) fizz.push(i % 15 === 0 ? "FizzBuzz" : i % 3 === 0 ? "Fizz" : i % 5 === 0 ? "Buzz" : i);
console.log(fizz.join(" ")); // expect: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz
