// Number constants and their printed forms.
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER); // expect: 9007199254740991 -9007199254740991
console.log(Number.EPSILON); // expect: 2.220446049250313e-16
console.log(Number.MAX_VALUE, Number.MIN_VALUE); // expect: 1.7976931348623157e+308 5e-324
console.log(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN); // expect: Infinity -Infinity NaN
console.log(Number.MAX_SAFE_INTEGER + 2); // expect: 9007199254740992
console.log(Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON); // expect: true
console.log(Number.MAX_VALUE * 2 === Infinity, Number.MIN_VALUE / 2); // expect: true 0
const almostEqual = (a, b) => Math.abs(a - b) < Number.EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
console.log(almostEqual(0.1 + 0.2, 0.3), almostEqual(1, 1.0001)); // expect: true false
console.log(Number.MIN_SAFE_INTEGER - 1 === Number.MIN_SAFE_INTEGER - 2); // expect: true
console.log(-Number.MAX_VALUE * 2, Number.NaN === Number.NaN); // expect: -Infinity false
