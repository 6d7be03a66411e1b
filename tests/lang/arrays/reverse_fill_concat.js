// reverse, fill, concat, join.
const a = [1, 2, 3];
console.log(a.reverse(), a); // expect: [ 3, 2, 1 ] [ 3, 2, 1 ]
console.log(new Array(4).fill(0), [1, 2, 3, 4].fill(9, 1, 3), [1, 2, 3].fill("x", -1)); // expect: [ 0, 0, 0, 0 ] [ 1, 9, 9, 4 ] [ 1, 2, 'x' ]
const grid = new Array(2).fill(null).map(() => new Array(3).fill("."));
grid[0][1] = "#";
console.log(grid.map((r) => r.join("")).join("/")); // expect: .#./...
console.log([1].concat(2, [3, 4], [[5]]), a.concat()); // expect: [ 1, 2, 3, 4, [ 5 ] ] [ 3, 2, 1 ]
console.log([1, null, undefined, "x", [2, 3]].join("-"), [].join(), [5].join()); // expect: 1---x-2,3  5
console.log(["a", "b"].join(""), ["a", "b"].join(", ")); // expect: ab a, b
