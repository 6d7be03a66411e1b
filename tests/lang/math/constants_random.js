// Math constants, and Math.random staying in [0, 1).
console.log(Math.PI, Math.E); // expect: 3.141592653589793 2.718281828459045
console.log(Math.SQRT2, Math.LN2, Math.LN10); // expect: 1.4142135623730951 0.6931471805599453 2.302585092994046
let inRange = true;
const buckets = [0, 0, 0, 0];
for (let i = 0; i < 2000; i++) {
  const r = Math.random();
  if (!(r >= 0 && r < 1)) inRange = false;
  buckets[Math.floor(r * 4)]++;
}
console.log(inRange, buckets.every((b) => b > 300)); // expect: true true
const dice = () => 1 + Math.floor(Math.random() * 6);
const rolls = Array.from({ length: 500 }, dice);
console.log(Math.min(...rolls) >= 1, Math.max(...rolls) <= 6, new Set(rolls).size); // expect: true true 6
console.log(typeof Math.random(), Math.random() !== Math.random()); // expect: number true
