// at() with negative indices, out-of-range reads, nested arrays.
const a = [10, 20, 30];
console.log(a.at(0), a.at(-1), a.at(-3), a.at(3), a.at(-4)); // expect: 10 30 10 undefined undefined
console.log(a[3], a[-1], a["1"]); // expect: undefined undefined 20
const m = [[1, 2], [3, 4]];
console.log(m[1][0], m.at(-1).at(-1)); // expect: 3 4
const i = 1;
console.log(a[i + 1], a[a.length - 1]); // expect: 30 30
m[0][1] = "changed";
console.log(m); // expect: [ [ 1, 'changed' ], [ 3, 4 ] ]
