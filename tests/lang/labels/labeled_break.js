// Labeled break exits an outer loop from inside a nested one.
const matrix = [
  [1, 2, 3],
  [4, -5, 6],
  [7, 8, -9],
];
let firstNegative = null;
outer: for (let r = 0; r < matrix.length; r++) {
  for (let c = 0; c < matrix[r].length; c++) {
    if (matrix[r][c] < 0) {
      firstNegative = [r, c];
      break outer;
    }
  }
}
console.log(firstNegative); // expect: [ 1, 1 ]

let visited = 0;
search: for (const row of matrix) {
  for (const v of row) {
    visited++;
    if (v === 6) break search;
  }
}
console.log(visited); // expect: 6
