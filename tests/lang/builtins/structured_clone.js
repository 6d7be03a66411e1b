// structuredClone: deep copies of records, arrays, Map, Set and Date, shared and cyclic
// references, instances as plain records, DataCloneError for functions.
const original = { n: 1, s: "two", list: [1, [2, 3]], when: new Date(0), m: new Map([["k", { deep: true }]]), set: new Set([1, "a"]) };
const copy = structuredClone(original);
console.log(copy);
// expect: {
// expect:   n: 1,
// expect:   s: 'two',
// expect:   list: [ 1, [ 2, 3 ] ],
// expect:   when: 1970-01-01T00:00:00.000Z,
// expect:   m: Map(1) { 'k' => { deep: true } },
// expect:   set: Set(2) { 1, 'a' }
// expect: }
console.log(copy !== original, copy.list !== original.list, copy.list[1] !== original.list[1]); // expect: true true true
console.log(copy.when !== original.when, copy.when instanceof Date, copy.when.getTime()); // expect: true true 0
console.log(copy.m.get("k") !== original.m.get("k"), copy.m.get("k").deep, copy.set.has("a")); // expect: true true true
copy.list[1].push(4);
console.log(original.list[1], copy.list[1]); // expect: [ 2, 3 ] [ 2, 3, 4 ]
const shared = { x: 1 };
const both = structuredClone({ a: shared, b: shared });
console.log(both.a === both.b, both.a !== shared); // expect: true true
const cyclic = { name: "root", children: [] };
cyclic.children.push({ parent: cyclic });
cyclic.self = cyclic;
const c2 = structuredClone(cyclic);
console.log(c2.self === c2, c2.children[0].parent === c2, c2 !== cyclic); // expect: true true true
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  norm() {
    return Math.hypot(this.x, this.y);
  }
}
const p = structuredClone(new Point(3, 4));
console.log(p, p instanceof Point, typeof p.norm); // expect: { x: 3, y: 4 } false undefined
console.log(structuredClone(5), structuredClone("s"), structuredClone(null), structuredClone(undefined), structuredClone([, 1]));
// expect: 5 s null undefined [ <1 empty item>, 1 ]
for (const bad of [() => 1, { f() {} }, new Map([[1, (x) => x * 2]])]) {
// expect: DataCloneError true true
// expect: DataCloneError true true
// expect: DataCloneError true true
  try {
    structuredClone(bad);
  } catch (e) {
    console.log(e.name, e.message.endsWith(" could not be cloned."), e instanceof Error);
  }
}
