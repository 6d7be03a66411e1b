// Objects nested deeper than two levels are abbreviated as [Object], [Array], [ClassName].
class Leaf {
  constructor() {
    this.v = 1;
  }
}
console.log({ l1: { l2: { l3: { l4: 1 } } } }); // expect: { l1: { l2: { l3: [Object] } } }
console.log([1, [2, [3, [4, [5]]]]]); // expect: [ 1, [ 2, [ 3, [Array] ] ] ]
console.log({ a: { b: { c: new Leaf() } } }); // expect: { a: { b: { c: [Leaf] } } }
console.log({ a: { b: { c: new Map([[1, 2]]) } } }); // expect: { a: { b: { c: [Map] } } }
console.log({ a: { b: { c: new Map() } } }); // expect: { a: { b: { c: Map(0) {} } } }
console.log({ a: { b: { c: new Set([1]) } } }); // expect: { a: { b: { c: [Set] } } }
console.log({ a: { b: { c: {}, d: [] } } }); // expect: { a: { b: { c: {}, d: [] } } }
console.log([[[{ x: 1 }]]]); // expect: [ [ [ [Object] ] ] ]
console.log({ a: { b: { c: "str", d: 5, e: null } } }); // expect: { a: { b: { c: 'str', d: 5, e: null } } }
