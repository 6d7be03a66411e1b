// min, max, pow, sqrt, cbrt, hypot with edge cases.
console.log(Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(), Math.min()); // expect: 5 1 -Infinity Infinity
console.log(Math.max(1, NaN), Math.min(-0, 0), Math.max(-0, 0)); // expect: NaN -0 0
console.log(Math.max("7", 2), Math.min(...[4, 2, 8])); // expect: 7 2
console.log(Math.pow(2, 8), Math.pow(4, 0.5), Math.pow(2, -2), Math.pow(0, 0)); // expect: 256 2 0.25 1
console.log(Math.pow(-8, 1 / 3), Math.cbrt(-8), Math.cbrt(27)); // expect: NaN -2 3
console.log(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-1), Math.sqrt(0)); // expect: 4 1.4142135623730951 NaN 0
console.log(Math.hypot(3, 4), Math.hypot(5, 12), Math.hypot(), Math.hypot(-3)); // expect: 5 13 0 3
console.log(Math.hypot(1, 2, 2), Math.pow(10, 15), 10 ** 21); // expect: 3 1000000000000000 1e+21

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}
console.log([-5, 5, 50].map((x) => clamp(x, 0, 10))); // expect: [ 0, 5, 10 ]
