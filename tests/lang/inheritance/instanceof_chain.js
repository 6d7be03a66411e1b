// instanceof across a deep chain and with unrelated classes.
class A {}
class B extends A {}
class C extends B {}
class D extends A {}

const objs = [new A(), new B(), new C(), new D()];
for (const o of objs) {
  console.log(o.constructor.name, [A, B, C, D].map((k) => (o instanceof k ? 1 : 0)).join(""));
}
// expect: A 1000
// expect: B 1100
// expect: C 1110
// expect: D 1001
console.log(null instanceof A, ({}) instanceof A); // expect: false false
console.log(new Map() instanceof Map, new Set() instanceof Map); // expect: true false
const kinds = [A, B, C, D];
console.log(kinds.filter((k) => new C() instanceof k).map((k) => k.name)); // expect: [ 'A', 'B', 'C' ]
