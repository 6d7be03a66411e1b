// exec: the match array with index, input and groups; named groups; lastIndex with g
// and y; indices with d; non-participating groups are undefined.
const date = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = date.exec("due 2024-03-15!");
console.log(m); // expect: [
// expect:   '2024-03-15',
// expect:   '2024',
// expect:   '03',
// expect:   '15',
// expect:   index: 4,
// expect:   input: 'due 2024-03-15!',
// expect:   groups: [Object: null prototype] { year: '2024', month: '03', day: '15' }
// expect: ]
console.log(m.index, m.input, m.length, m[0], m[1], m.groups.year, m.groups.day); // expect: 4 due 2024-03-15! 4 2024-03-15 2024 2024 15
const { year, month } = m.groups;
console.log(year, month); // expect: 2024 03
console.log(/a(b)?c/.exec("xac")); // expect: [ 'ac', undefined, index: 1, input: 'xac', groups: undefined ]
console.log(/nope/.exec("abc"), /(x)|(y)/.exec("y")); // expect: null [ 'y', undefined, 'y', index: 0, input: 'y', groups: undefined ]

const word = /\w+/g;
const text = "one two  three";
let hit;
while ((hit = word.exec(text)) !== null) console.log(hit[0], hit.index, word.lastIndex); // expect: one 0 3
// expect: two 4 7
// expect: three 9 14
console.log(word.lastIndex); // expect: 0

const sticky = /\d+/y;
console.log(sticky.test("12ab"), sticky.lastIndex, sticky.test("12ab"), sticky.lastIndex); // expect: true 2 false 0
sticky.lastIndex = 1;
console.log(sticky.exec("a34")[0], sticky.lastIndex); // expect: 34 3

const withIndices = /(?<k>[a-z]+)=(\d+)/d.exec("  key=42");
console.log(withIndices.indices); // expect: [
// expect:   [ 2, 8 ],
// expect:   [ 2, 5 ],
// expect:   [ 6, 8 ],
// expect:   groups: [Object: null prototype] { k: [ 2, 5 ] }
// expect: ]
console.log(withIndices.indices[1], withIndices.indices.groups.k); // expect: [ 2, 5 ] [ 2, 5 ]
console.log(/(a)|(b)/d.exec("b").indices); // expect: [ [ 0, 1 ], undefined, [ 0, 1 ], groups: undefined ]

const g = /o/g;
console.log(g.test("foo"), g.lastIndex, g.test("foo"), g.lastIndex, g.test("foo"), g.lastIndex); // expect: true 2 true 3 false 0
m.index = 99;
console.log(m.index, Array.isArray(m), m.map((x) => x.length).join()); // expect: 99 true 10,4,2,2
