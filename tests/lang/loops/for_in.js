// for...in enumerates record keys in insertion order and array indices as strings.
const rec = { name: "x", size: 3, tags: [] };
const keys = [];
for (const k in rec) keys.push(k);
console.log(keys); // expect: [ 'name', 'size', 'tags' ]

const arr = ["a", "b", "c"];
for (const i in arr) console.log(i, typeof i, arr[i]);
// expect: 0 string a
// expect: 1 string b
// expect: 2 string c

const scores = { ann: 3, bob: 5 };
scores.cy = 4;
delete scores.ann;
let total = 0;
for (const who in scores) total += scores[who];
console.log(total, Object.keys(scores).join()); // expect: 9 bob,cy

let count = 0;
for (const k in {}) count++;
for (const k in []) count++;
console.log(count); // expect: 0
