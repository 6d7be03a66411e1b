// Integer-heavy computations: gcd, modular exponentiation, digit sums, overflow to doubles.
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function lcm(a, b) {
  return (a / gcd(a, b)) * b;
}
function powMod(base, exp, mod) {
  let result = 1;
  base %= mod;
  while (exp > 0) {
    if (exp & 1) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1;
  }
  return result;
}
console.log(gcd(1071, 462), lcm(4, 6), [2, 3, 4, 5, 6].reduce(lcm)); // expect: 21 12 60
console.log(powMod(2, 30, 1000007), powMod(7, 0, 13)); // expect: 734313 1
let f = 1;
for (let i = 1; i <= 20; i++) f *= i;
console.log(f); // expect: 2432902008176640000
f *= 21;
console.log(f); // expect: 51090942171709440000
f *= 22;
console.log(f); // expect: 1.1240007277776077e+21
const digitSum = (n) => String(n).split("").reduce((s, d) => s + Number(d), 0);
console.log(digitSum(2 ** 20), 2 ** 20); // expect: 31 1048576
console.log(Math.trunc(-7 / 2), Math.floor(-7 / 2), (-7 / 2) | 0); // expect: -3 -4 -3
