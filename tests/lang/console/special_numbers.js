// -0, NaN and Infinity print the same way at top level and nested (except -0 in strings).
console.log(-0, 0, +0); // expect: -0 0 0
console.log([-0, NaN, Infinity, -Infinity]); // expect: [ -0, NaN, Infinity, -Infinity ]
console.log({ z: -0, n: NaN }); // expect: { z: -0, n: NaN }
console.log(`${-0}`, String(-0), -0 + ""); // expect: 0 0 0
console.log("%s %d", -0, -0); // expect: -0 -0
console.log(0 * -5, -5 * 0, 0 / -3); // expect: -0 -0 -0
console.log(Math.round(-0.2), Math.ceil(-0.5)); // expect: -0 -0
console.log(1e21, 123e-20, -1e-7, 2e-6); // expect: 1e+21 1.23e-18 -1e-7 0.000002
console.log([0.1, 100, 1e100]); // expect: [ 0.1, 100, 1e+100 ]
