// keys(), values() and entries() of Map and Set as iterables.
const s = new Set(["red", "green"]);
for (const k of s.keys()) console.log("key", k);
// expect: key red
// expect: key green
for (const v of s.values()) console.log("value", v);
// expect: value red
// expect: value green
for (const [a, b] of s.entries()) console.log(a === b);
// expect: true
// expect: true
const m = new Map([["one", 1], ["two", 2], ["three", 3]]);
console.log([...m.values()].reduce((x, y) => x + y, 0)); // expect: 6
console.log(Array.from(m.keys(), (k) => k.length)); // expect: [ 3, 3, 5 ]
const entries = [...m.entries()].filter(([, v]) => v % 2 === 1);
console.log(new Map(entries)); // expect: Map(2) { 'one' => 1, 'three' => 3 }
const copy = new Set(s.values());
copy.add("blue");
console.log(s.size, copy.size, [...copy].join("/")); // expect: 2 3 red/green/blue
const inverted = new Map(Array.from(m, ([k, v]) => [v, k]));
console.log(inverted.get(2)); // expect: two
