// let in for loops creates a fresh binding per iteration; var does not.
const withLet = [];
for (let i = 0; i < 3; i++) withLet.push(() => i);
console.log(withLet.map((f) => f())); // expect: [ 0, 1, 2 ]

const withVar = [];
for (var j = 0; j < 3; j++) withVar.push(() => j);
console.log(withVar.map((f) => f())); // expect: [ 3, 3, 3 ]

const fromOf = [];
for (const s of ["a", "b"]) fromOf.push(() => s.toUpperCase());
console.log(fromOf.map((f) => f()).join("")); // expect: AB

const mutated = [];
for (let k = 0; k < 3; k++) {
  mutated.push(() => k);
  k++;
}
console.log(mutated.map((f) => f())); // expect: [ 1, 3 ]

let shared = 1;
const readers = [() => shared, () => shared * 2];
shared = 5;
console.log(readers[0](), readers[1]()); // expect: 5 10
