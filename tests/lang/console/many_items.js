// More than 100 array items are truncated with "... n more items".
const big = Array.from({ length: 103 }, (_, i) => i);
console.log(big);
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
// expect:   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
// expect:   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
// expect:   36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
// expect:   48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
// expect:   60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
// expect:   72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,
// expect:   84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
// expect:   96, 97, 98, 99,
// expect:   ... 3 more items
// expect: ]
