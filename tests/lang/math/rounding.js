// floor, ceil, round, trunc, sign, abs on positive, negative and half values.
const xs = [2.5, -2.5, -2.6, 0.5, -0.5, -0];
console.log(xs.map(Math.floor)); // expect: [ 2, -3, -3, 0, -1, -0 ]
console.log(xs.map(Math.ceil)); // expect: [ 3, -2, -2, 1, -0, -0 ]
console.log(xs.map(Math.round)); // expect: [ 3, -2, -3, 1, -0, -0 ]
console.log(xs.map(Math.trunc)); // expect: [ 2, -2, -2, 0, -0, -0 ]
console.log(xs.map(Math.sign)); // expect: [ 1, -1, -1, 1, -1, -0 ]
console.log(Math.abs(-7.25), Math.abs(3), Math.abs(-0), Math.abs("-2")); // expect: 7.25 3 0 2
console.log(Math.round(NaN), Math.floor(Infinity), Math.trunc("4.7")); // expect: NaN Infinity 4
const roundTo = (n, places) => Math.round(n * 10 ** places) / 10 ** places;
console.log(roundTo(3.14159, 2), roundTo(2.675, 2), roundTo(1234.5678, -2)); // expect: 3.14 2.68 1200
