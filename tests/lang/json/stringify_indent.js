// Pretty printing with numeric and string indents.
const data = { name: "molt", tags: ["vm", "js"], meta: { stars: 3, empty: {}, none: [] } };
console.log(JSON.stringify(data, null, 2));
// expect: {
// expect:   "name": "molt",
// expect:   "tags": [
// expect:     "vm",
// expect:     "js"
// expect:   ],
// expect:   "meta": {
// expect:     "stars": 3,
// expect:     "empty": {},
// expect:     "none": []
// expect:   }
// expect: }
console.log(JSON.stringify([1, [2]], null, "--"));
// expect: [
// expect: --1,
// expect: --[
// expect: ----2
// expect: --]
// expect: ]
console.log(JSON.stringify({ a: 1 }, null, 0)); // expect: {"a":1}
console.log(JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10)); // expect: true
console.log(JSON.stringify("x", null, 4)); // expect: "x"
