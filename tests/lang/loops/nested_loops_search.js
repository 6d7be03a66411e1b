// Nested loops for a grid search and a simple sieve.
const grid = [
  "#.#..",
  "..#.#",
  "##...",
];
let hashes = 0;
const firstFree = [];
for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] === "#") hashes++;
    else if (firstFree.length < r + 1) firstFree.push(`${r},${c}`);
  }
}
console.log(hashes, firstFree); // expect: 6 [ '0,1', '1,0', '2,2' ]

function primesUpTo(n) {
  const sieve = new Array(n + 1).fill(true);
  sieve[0] = sieve[1] = false;
  for (let i = 2; i * i <= n; i++) {
    if (!sieve[i]) continue;
    for (let j = i * i; j <= n; j += i) sieve[j] = false;
  }
  return sieve.reduce((acc, ok, i) => (ok ? [...acc, i] : acc), []);
}
console.log(primesUpTo(50).join(" ")); // expect: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47
