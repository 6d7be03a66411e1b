// Symbols as property keys: stored and found by identity, hidden from string-keyed
// reflection, listed by Object.getOwnPropertySymbols.
const id = Symbol("id");
const other = Symbol("id");
const o = { name: "box" };
o[id] = 7;
console.log(o[id], o[other], id in o, other in o); // expect: 7 undefined true false
o[other] = 8;
console.log(o[id], o[other]); // expect: 7 8
console.log(Object.keys(o), Object.values(o), Object.entries(o).length); // expect: [ 'name' ] [ 'box' ] 1
console.log(JSON.stringify(o)); // expect: {"name":"box"}
const keys = [];
for (const k in o) keys.push(k);
console.log(keys); // expect: [ 'name' ]
const syms = Object.getOwnPropertySymbols(o);
console.log(syms.length, syms[0] === id, syms[1] === other); // expect: 2 true true
console.log(o.hasOwnProperty(id), Object.hasOwn(o, other), Object.hasOwn(o, Symbol("id"))); // expect: true true false
delete o[id];
console.log(id in o, Object.getOwnPropertySymbols(o).length); // expect: false 1
// A symbol key never collides with a string of the same text.
const r = {};
r[Symbol("x")] = 1;
r["Symbol(x)"] = 2;
console.log(Object.keys(r), Object.getOwnPropertySymbols(r).length); // expect: [ 'Symbol(x)' ] 1
// Computed keys in object literals, and spread copies symbol-keyed properties.
const tag = Symbol("tag");
const lit = { [tag]: "t", plain: 1 };
const copy = { ...lit };
console.log(copy[tag], copy.plain); // expect: t 1
// JSON.stringify leaves symbol values out, as it does functions.
console.log(JSON.stringify({ a: Symbol("s"), b: 1 }), JSON.stringify([Symbol("s")])); // expect: {"b":1} [null]
// Statics of a class can be symbol-keyed.
class Registry {
  static [Symbol.toStringTag] = "Registry";
}
console.log(Registry[Symbol.toStringTag]); // expect: Registry
const s = Symbol("static");
Registry[s] = 5;
console.log(Registry[s], Object.getOwnPropertySymbols(Registry).length); // expect: 5 2
// Object.assign copies symbol-keyed properties after the string-keyed ones.
const assigned = Object.assign({}, { [tag]: "a", x: 1 });
console.log(assigned[tag], Object.keys(assigned)); // expect: a [ 'x' ]
