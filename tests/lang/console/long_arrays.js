// Arrays with more than 6 short items are printed in aligned columns.
console.log([1, 2, 3, 4, 5, 6]); // expect: [ 1, 2, 3, 4, 5, 6 ]
console.log([1, 2, 3, 4, 5, 6, 7]);
// expect: [
// expect:   1, 2, 3, 4,
// expect:   5, 6, 7
// expect: ]
console.log(Array.from({ length: 26 }, (_, i) => i * i));
// expect: [
// expect:     0,   1,   4,   9,  16,  25,  36,
// expect:    49,  64,  81, 100, 121, 144, 169,
// expect:   196, 225, 256, 289, 324, 361, 400,
// expect:   441, 484, 529, 576, 625
// expect: ]
console.log(["a", "bb", "ccc", "dddd", "e", "ff", "ggg"]);
// expect: [
// expect:   'a',   'bb',
// expect:   'ccc', 'dddd',
// expect:   'e',   'ff',
// expect:   'ggg'
// expect: ]
console.log([-1.5, 2, -3, 4.25, 5, -6, 7, 8]);
// expect: [
// expect:   -1.5,  2, -3, 4.25,
// expect:      5, -6,  7,    8
// expect: ]
console.log(Array.from({ length: 120 }, (_, i) => i % 10).length); // expect: 120
console.log({ data: [10, 20, 30, 40, 50, 60, 70] });
// expect: {
// expect:   data: [
// expect:     10, 20, 30, 40,
// expect:     50, 60, 70
// expect:   ]
// expect: }
