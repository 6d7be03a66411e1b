// while and do...while, including a do...while that runs once.
function collatz(n) {
  let steps = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
}
console.log(collatz(27), collatz(1)); // expect: 111 0

let k = 100;
do {
  k++;
} while (k < 10);
console.log(k); // expect: 101

const digits = [];
let num = 90210;
do {
  digits.unshift(num % 10);
  num = Math.floor(num / 10);
} while (num > 0);
console.log(digits.join("-")); // expect: 9-0-2-1-0

let i = 0;
const evens = [];
while (true) {
  i++;
  if (i > 10) break;
  if (i % 2) continue;
  evens.push(i);
}
console.log(evens); // expect: [ 2, 4, 6, 8, 10 ]
