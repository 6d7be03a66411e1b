// Array.isArray, Array.from, Array.of, new Array(n), keys/values/entries.
console.log(Array.isArray([]), Array.isArray("abc"), Array.isArray({ length: 0 })); // expect: true false false
console.log(Array.from("abc"), Array.from(new Set([1, 1, 2]))); // expect: [ 'a', 'b', 'c' ] [ 1, 2 ]
console.log(Array.from({ length: 4 }, (_, i) => i * i)); // expect: [ 0, 1, 4, 9 ]
console.log(Array.from({ length: 2 }), Array.from([1, 2], (x) => x * 2)); // expect: [ undefined, undefined ] [ 2, 4 ]
console.log(Array.from(new Map([["a", 1]]))); // expect: [ [ 'a', 1 ] ]
console.log(Array.of(7), Array.of(1, 2, 3), Array.of()); // expect: [ 7 ] [ 1, 2, 3 ] []
console.log(new Array(3).length, new Array(2).fill(7)); // expect: 3 [ 7, 7 ]
const arr = ["x", "y"];
console.log([...arr.keys()], [...arr.values()], [...arr.entries()]); // expect: [ 0, 1 ] [ 'x', 'y' ] [ [ 0, 'x' ], [ 1, 'y' ] ]
const copy = Array.from(arr);
copy.push("z");
console.log(arr.length, copy.length); // expect: 2 3
