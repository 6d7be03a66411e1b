// toPrecision chooses fixed or exponential notation.
console.log((123.456).toPrecision(4), (123.456).toPrecision(2), (0.000123).toPrecision(2)); // expect: 123.5 1.2e+2 0.00012
console.log((1).toPrecision(3), (99.99).toPrecision(3), (1234567).toPrecision(3)); // expect: 1.00 100 1.23e+6
console.log((0.5).toPrecision(1), (1e-7).toPrecision(2), (-42.195).toPrecision(3)); // expect: 0.5 1.0e-7 -42.2
console.log((123).toPrecision(), NaN.toPrecision(2)); // expect: 123 NaN
console.log((0).toPrecision(3), (9.995).toPrecision(3), (1e21).toPrecision(3)); // expect: 0.00 9.99 1.00e+21
function sig(x, digits) {
  return Number(x.toPrecision(digits));
}
console.log([123456, 0.00123456, 98.76].map((x) => sig(x, 2))); // expect: [ 120000, 0.0012, 99 ]
console.log((255).toPrecision(2), (-0.000001234).toPrecision(2)); // expect: 2.6e+2 -0.0000012
