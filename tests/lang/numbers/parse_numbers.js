// parseInt, parseFloat and Number conversions.
console.log(parseInt("42"), parseInt("  -17px"), parseInt("3.99"), parseInt("abc")); // expect: 42 -17 3 NaN
console.log(parseInt("ff", 16), parseInt("0x1A"), parseInt("101", 2), parseInt("z", 36)); // expect: 255 26 5 35
console.log(parseInt(""), parseInt("12", 3), parseInt("0.0000005")); // expect: NaN 5 0
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-1e3"), parseFloat("x1")); // expect: 3.14 0.5 -1000 NaN
console.log(parseFloat("Infinity"), parseFloat("  2.50  ")); // expect: Infinity 2.5
console.log(Number("42"), Number(""), Number("  7  "), Number("7px")); // expect: 42 0 7 NaN
console.log(Number("0x10"), Number("1e3"), Number("-0"), Number("Infinity")); // expect: 16 1000 -0 Infinity
console.log(Number(true), Number(false), Number(null), Number(undefined)); // expect: 1 0 0 NaN
console.log(Number([]), Number([5]), Number([1, 2]), Number({})); // expect: 0 5 NaN NaN
console.log(Number.parseInt("42px"), Number.parseFloat("1.5e1")); // expect: 42 15
console.log(+"12" + +"3", "12" - "3", "4" * "2", "9" / "3"); // expect: 15 9 8 3
