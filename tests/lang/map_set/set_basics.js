// Set: add/has/delete/clear/size, uniqueness, iteration order.
const s = new Set([3, 1, 3, 2, 1]);
console.log(s, s.size); // expect: Set(3) { 3, 1, 2 } 3
console.log(s.add(4) === s, s.has(4), s.has("4")); // expect: true true false
s.add(1);
console.log([...s]); // expect: [ 3, 1, 2, 4 ]
console.log(s.delete(3), s.delete(3), [...s]); // expect: true false [ 1, 2, 4 ]
const mixed = new Set([NaN, NaN, 0, -0, "0", null, undefined, null]);
console.log(mixed.size, mixed); // expect: 5 Set(5) { NaN, 0, '0', null, undefined }
const objs = new Set([{}, {}]);
console.log(objs.size); // expect: 2
s.clear();
console.log(s.size, s); // expect: 0 Set(0) {}
console.log(new Set("hello")); // expect: Set(4) { 'h', 'e', 'l', 'o' }
const seen = [];
new Set(["x", "y"]).forEach((v, k, set) => seen.push(`${v}${k}${set.size}`));
console.log(seen); // expect: [ 'xx2', 'yy2' ]
console.log([...new Set(["a", "b"]).entries()]); // expect: [ [ 'a', 'a' ], [ 'b', 'b' ] ]
