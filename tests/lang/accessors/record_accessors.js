"use strict"; // node then throws where Molt always does (a write to a getter-only property)
// Getters and setters in object literals: plain and computed keys, next to spread,
// shorthand and methods; what reads and copies see; console.log shows them unread.
let reads = 0;
const base = { z: 26 };
const x = 1;
const key = "dyn";
const o = {
  ...base,
  x,
  _v: 10,
  get v() { reads++; return this._v; },
  set v(n) { this._v = n * 2; },
  get [key + "amic"]() { return "computed " + key; },
  set ["lit"](s) { this.last = s; },
  get only() { return "ro"; },
  twice() { return this.v * 2; },
};
console.log(o.v, reads); // expect: 10 1
o.v = 4;
console.log(o.v, o._v); // expect: 8 8
console.log(o.dynamic); // expect: computed dyn
o.lit = "hello";
console.log(o.last, o.lit); // expect: hello undefined
console.log(o.twice()); // expect: 16
console.log(o["v"], o[key + "amic"]); // expect: 8 computed dyn

try {
  o.only = 1;
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError Cannot set property only of #<Object> which has only a getter
}

// Reads that copy call the getter (once per copy); keys list the accessor's name.
reads = 0;
console.log(Object.keys(o).join()); // expect: z,x,_v,v,dynamic,lit,only,twice,last
console.log(reads); // expect: 0
const copy = { ...o };
console.log(copy.v, copy.dynamic, copy.lit, reads); // expect: 8 computed dyn undefined 1
copy.v = 100; // the copy holds plain data now
console.log(copy.v, o.v); // expect: 100 8
console.log(JSON.stringify({ get a() { return [1, { b: 2 }]; }, c: 3 })); // expect: {"a":[1,{"b":2}],"c":3}
console.log(Object.values({ get a() { return "A"; }, b: "B" }).join()); // expect: A,B
console.log(JSON.stringify(Object.entries({ get a() { return 1; } }))); // expect: [["a",1]]
const { v, ...rest } = o;
console.log(v, rest.dynamic, "v" in rest); // expect: 8 computed dyn false
console.log(JSON.stringify(Object.assign({}, { get q() { return "Q"; } }))); // expect: {"q":"Q"}

// Object.assign writes through a setter of its target.
const target = { set w(n) { this.seen = n; } };
Object.assign(target, { w: 7 });
console.log(target.seen); // expect: 7

// A later data property replaces an accessor, a later accessor a data property.
const later = { get a() { return 1; }, a: 2, b: 3, get b() { return 4; } };
console.log(later.a, later.b); // expect: 2 4

// Only a getter or only a setter: the other half reads undefined / throws.
const w = { set s(v) { this.t = v; } };
console.log(w.s); // expect: undefined
w.s = 5;
console.log(w.t); // expect: 5

console.log({ get a() { return 1; }, set a(v) {}, get b() { return 2; }, set c(v) {}, d: 1 });
// expect: { a: [Getter/Setter], b: [Getter], c: [Setter], d: 1 }

// A getter that throws propagates out of every reader.
const bad = { get boom() { throw new Error("boom"); } };
for (const f of [() => bad.boom, () => ({ ...bad }), () => JSON.stringify(bad), () => Object.values(bad)]) {
  try { f(); } catch (e) { console.log(e.message); }
}
// expect: boom
// expect: boom
// expect: boom
// expect: boom

// Symbol keys and `in`/delete work on accessors as on data.
const tag = Symbol("t");
const s = { get [tag]() { return "sym"; }, get [Symbol.toStringTag]() { return "Tagged"; } };
console.log(s[tag], tag in s, String(Object.keys(s))); // expect: sym true 
delete s[tag];
console.log(tag in s); // expect: false
