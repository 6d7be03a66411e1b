// Array with, toSorted, toReversed, toSpliced and copyWithin.
const a = [3, 1, 2];
console.log(a.with(0, 9), a.with(-1, 7), a); // expect: [ 9, 1, 2 ] [ 3, 1, 7 ] [ 3, 1, 2 ]
console.log(a.toSorted(), a.toSorted((x, y) => y - x), a.toReversed(), a); // expect: [ 1, 2, 3 ] [ 3, 2, 1 ] [ 2, 1, 3 ] [ 3, 1, 2 ]
console.log(a.toSpliced(1, 1), a.toSpliced(1, 0, "x", "y"), a.toSpliced(-1), a.toSpliced(), a);
// expect: [ 3, 2 ] [ 3, 'x', 'y', 1, 2 ] [ 3, 1 ] [ 3, 1, 2 ] [ 3, 1, 2 ]
console.log([1, 2, 3, 4, 5].toSpliced(1, 2, "a"), [1, 2, 3].toSpliced(5, 1, "end")); // expect: [ 1, 'a', 4, 5 ] [ 1, 2, 3, 'end' ]
console.log([, 1].with(1, 2), [, 1].toReversed(), [, 1].toSpliced(0, 0)); // expect: [ undefined, 2 ] [ 1, undefined ] [ undefined, 1 ]
for (const i of [3, -4, 1.5]) {
// expect: RangeError: Invalid index : 3
// expect: RangeError: Invalid index : -4
  try {
    a.with(i, 0);
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 3)); // expect: [ 4, 5, 3, 4, 5 ] [ 1, 1, 2, 3, 5 ]
console.log([1, 2, 3, 4, 5].copyWithin(-2), [1, 2, 3, 4, 5].copyWithin(2, -3, -1), [1, 2, 3].copyWithin(0, 1, 1));
// expect: [ 1, 2, 3, 1, 2 ] [ 1, 2, 3, 4, 5 ] [ 1, 2, 3 ]
const same = [1, 2, 3];
console.log(same.copyWithin(1, 0) === same, same); // expect: true [ 1, 1, 2 ]
