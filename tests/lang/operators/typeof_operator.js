// typeof for every kind of value, including undeclared variables.
class K {}
const values = [
  undefined, null, true, 0, NaN, "", "s", [], {}, () => 1, function () {},
  K, new K(), new Map(), new Set(), new Error("e"), Math.max,
];
console.log(values.map((v) => typeof v).join(" "));
// expect: undefined object boolean number number string string object object function function function object object object object function
console.log(typeof neverDeclared); // expect: undefined
console.log(typeof typeof 1); // expect: string
console.log(typeof console.log, typeof Math, typeof JSON); // expect: function object object
const describe = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
console.log([null, [1], { a: 1 }, 5].map(describe)); // expect: [ 'null', 'array', 'object', 'number' ]
