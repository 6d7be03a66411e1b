// console.log prints symbols as node does: bare, and as `[Symbol(desc)]` keys after the
// string keys of an object.
const s = Symbol("desc");
console.log(s); // expect: Symbol(desc)
console.log(Symbol()); // expect: Symbol()
console.log([s, Symbol("b")]); // expect: [ Symbol(desc), Symbol(b) ]
const o = { a: 1 };
o[s] = 2;
o.b = 3;
console.log(o); // expect: { a: 1, b: 3, [Symbol(desc)]: 2 }
console.log({ [Symbol.iterator]: 1 }); // expect: { [Symbol(Symbol.iterator)]: 1 }
console.log({ nested: { [Symbol("in")]: "x" } }); // expect: { nested: { [Symbol(in)]: 'x' } }
console.log(new Map([[s, s]])); // expect: Map(1) { Symbol(desc) => Symbol(desc) }
console.log(new Set([Symbol("with space")])); // expect: Set(1) { Symbol(with space) }
console.log(`${String(s)}!`, s.toString() + "!"); // expect: Symbol(desc)! Symbol(desc)!
console.log(typeof s, [typeof Symbol.for("k")]); // expect: symbol [ 'symbol' ]
