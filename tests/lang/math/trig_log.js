// Trigonometry, exponentials and logarithms (printed with fixed precision).
const f = (x) => x.toFixed(6);
console.log(f(Math.sin(Math.PI / 6)), f(Math.cos(Math.PI / 3)), f(Math.tan(Math.PI / 4))); // expect: 0.500000 0.500000 1.000000
console.log(Math.sin(0), Math.cos(0), Math.tan(0), Math.atan(0)); // expect: 0 1 0 0
console.log(f(Math.asin(1)), f(Math.acos(0)), f(Math.atan(1) * 4)); // expect: 1.570796 1.570796 3.141593
console.log(f(Math.atan2(1, 1)), f(Math.atan2(-1, -1)), Math.atan2(0, 1)); // expect: 0.785398 -2.356194 0
console.log(Math.exp(0), f(Math.exp(1)), f(Math.exp(-1))); // expect: 1 2.718282 0.367879
console.log(Math.log(1), Math.log(Math.E), Math.log(0), Math.log(-1)); // expect: 0 1 -Infinity NaN
console.log(Math.log2(8), Math.log2(1024), Math.log10(1000), Math.log10(0.01)); // expect: 3 10 3 -2
console.log(f(Math.log(10)), Math.asin(2)); // expect: 2.302585 NaN

const toDegrees = (rad) => (rad * 180) / Math.PI;
console.log(Math.round(toDegrees(Math.atan2(1, 0))), Math.round(toDegrees(Math.acos(-1)))); // expect: 90 180
