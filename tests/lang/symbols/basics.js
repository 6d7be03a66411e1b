// Symbol values: unique, typed "symbol", with an optional description.
const a = Symbol("tag");
const b = Symbol("tag");
console.log(typeof a); // expect: symbol
console.log(a === b, a === a, a == b); // expect: false true false
console.log(a.description, Symbol().description, Symbol("").description === ""); // expect: tag undefined true
console.log(a.toString(), String(b), String(Symbol())); // expect: Symbol(tag) Symbol(tag) Symbol()
console.log(Symbol(42).description, typeof Symbol(42).description); // expect: 42 string
console.log(Boolean(a), !a); // expect: true false
console.log(a.valueOf() === a); // expect: true
const same = a;
console.log(same === a, [a, b].indexOf(b), [a, b].includes(a)); // expect: true 1 true
// Symbols are Map and Set keys by identity.
const m = new Map([[a, "first"], [b, "second"]]);
console.log(m.get(a), m.get(b), m.size, new Set([a, a, b]).size); // expect: first second 2 2
console.log(typeof Symbol, typeof Symbol.iterator); // expect: function symbol
console.log(Symbol.iterator === Symbol.iterator, Symbol.iterator.description); // expect: true Symbol.iterator
console.log(Symbol.asyncIterator.toString(), String(Symbol.toPrimitive)); // expect: Symbol(Symbol.asyncIterator) Symbol(Symbol.toPrimitive)
