// Loop variables are scoped to the loop; const in for...of gets a fresh binding each time.
const fns = [];
for (const x of [1, 2, 3]) {
  const double = x * 2;
  fns.push(() => double);
}
console.log(fns.map((f) => f()).join()); // expect: 2,4,6

let i = "outer";
for (let i = 0; i < 2; i++) {}
console.log(i); // expect: outer

let total = 0;
for (let a = 0; a < 3; a++) {
  for (let a2 = a; a2 < 3; a2++) total += a2;
}
console.log(total); // expect: 8

const matrix = [[1, 2], [3, 4]];
const flat = [];
for (const row of matrix) for (const v of row) flat.push(v * 10);
console.log(flat); // expect: [ 10, 20, 30, 40 ]
