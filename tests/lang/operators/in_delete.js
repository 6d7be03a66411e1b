// `in` on records and arrays, `delete` on record keys.
const rec = { a: 1, b: undefined, c: null };
console.log("a" in rec, "b" in rec, "z" in rec); // expect: true true false
console.log(delete rec.a, "a" in rec, rec.a); // expect: true false undefined
const key = "c";
delete rec[key];
console.log(rec); // expect: { b: undefined }
console.log(delete rec.nothing); // expect: true
rec.a = "back";
console.log(Object.keys(rec)); // expect: [ 'b', 'a' ]

const arr = ["x", "y"];
console.log(0 in arr, 1 in arr, 2 in arr, "1" in arr); // expect: true true false true
console.log(rec.hasOwnProperty("a"), rec.hasOwnProperty("c")); // expect: true false

const counts = {};
for (const w of "the cat and the hat and the bat".split(" ")) {
  if (w in counts) counts[w]++;
  else counts[w] = 1;
}
console.log(counts); // expect: { the: 3, cat: 1, and: 2, hat: 1, bat: 1 }
