// Printing Maps and Sets nested inside other structures.
const index = new Map([
  ["fruits", new Set(["apple", "pear"])],
  ["empty", new Set()],
]);
console.log(index); // expect: Map(2) { 'fruits' => Set(2) { 'apple', 'pear' }, 'empty' => Set(0) {} }
console.log({ m: new Map([[1, { a: 1 }]]) }); // expect: { m: Map(1) { 1 => { a: 1 } } }
console.log([new Set([[1, 2]])]); // expect: [ Set(1) { [ 1, 2 ] } ]
console.log(new Map([[{ k: 1 }, [1]]])); // expect: Map(1) { { k: 1 } => [ 1 ] }
console.log(new Map([["deep", { a: { b: { c: {} } } }]])); // expect: Map(1) { 'deep' => { a: { b: [Object] } } }
