// Spread in array literals copies, concatenates and converts iterables.
const a = [1, 2];
const b = [...a, 3, ...a];
console.log(b); // expect: [ 1, 2, 3, 1, 2 ]
const copy = [...a];
copy.push(99);
console.log(a, copy); // expect: [ 1, 2 ] [ 1, 2, 99 ]
console.log([..."abc"]); // expect: [ 'a', 'b', 'c' ]
console.log([...new Set([3, 1, 3, 2, 1])]); // expect: [ 3, 1, 2 ]
const m = new Map([["k1", 1], ["k2", 2]]);
console.log([...m]); // expect: [ [ 'k1', 1 ], [ 'k2', 2 ] ]
console.log([...m.keys()], [...m.values()]); // expect: [ 'k1', 'k2' ] [ 1, 2 ]
console.log([...[], ...[]].length); // expect: 0
const nested = [[1], [2]];
const shallow = [...nested];
shallow[0].push("shared");
console.log(nested[0]); // expect: [ 1, 'shared' ]
console.log([...["x", "y"].entries()]); // expect: [ [ 0, 'x' ], [ 1, 'y' ] ]
