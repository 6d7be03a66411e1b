// Classic for loops: counting, nested, empty parts, multiple variables.
let s = "";
for (let i = 0; i < 5; i++) s += i;
console.log(s); // expect: 01234

const table = [];
for (let r = 1; r <= 3; r++) {
  const row = [];
  for (let c = 1; c <= 3; c++) row.push(r * c);
  table.push(row.join("\t"));
}
console.log(table.join("\n"));
// expect: 1	2	3
// expect: 2	4	6
// expect: 3	6	9

let n = 0;
for (;;) {
  if (++n >= 4) break;
}
console.log(n); // expect: 4

for (let lo = 0, hi = 9; lo < hi; lo += 2, hi -= 2) console.log(lo, hi);
// expect: 0 9
// expect: 2 7
// expect: 4 5

let down = [];
for (let i = 10; i > 0; i -= 3) down.push(i);
console.log(down); // expect: [ 10, 7, 4, 1 ]
