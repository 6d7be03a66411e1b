// isNaN / isFinite globals versus Number.isNaN / Number.isFinite / isInteger / isSafeInteger.
console.log(isNaN("abc"), Number.isNaN("abc"), isNaN(NaN), Number.isNaN(NaN)); // expect: true false true true
console.log(isFinite("12"), Number.isFinite("12"), isFinite(Infinity), Number.isFinite(1e308)); // expect: true false false true
console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.1), Number.isInteger("5")); // expect: true true false false
console.log(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(1.5)); // expect: true false false
console.log(isNaN(undefined), isNaN(null), isFinite(null)); // expect: true false true
console.log(Number.isInteger(Infinity), Number.isInteger(-0)); // expect: false true
function parseAge(text) {
  const n = Number(text);
  if (Number.isNaN(n)) return "not a number";
  if (!Number.isInteger(n)) return "not whole";
  if (!Number.isSafeInteger(n) || n < 0) return "out of range";
  return n;
}
console.log(["42", "4.5", "abc", "-1", "1e20", ""].map(parseAge)); // expect: [ 42, 'not whole', 'not a number', 'out of range', 'out of range', 0 ]
