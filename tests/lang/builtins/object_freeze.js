"use strict"; // Molt is strict everywhere; node needs this to throw on refused writes
// Object.freeze / seal / preventExtensions on records, arrays and instances.
class P {
  constructor() { this.x = 1; }
}
const tries = {
  recordWrite: () => { const o = Object.freeze({ x: 1 }); o.x = 2; },
  recordAdd: () => { const o = Object.freeze({ x: 1 }); o.y = 2; },
  recordIndex: () => { const o = Object.freeze({ x: 1 }); o["x"] = 3; },
  instanceWrite: () => { const o = Object.freeze(new P()); o.x = 2; },
  instanceIncrement: () => { const o = Object.freeze(new P()); o.x++; },
  arrayWrite: () => { const a = Object.freeze([1]); a[0] = 2; },
  arrayAdd: () => { const a = Object.preventExtensions([1]); a[1] = 3; },
  push: () => { Object.freeze([1]).push(2); },
  pop: () => { Object.freeze([1]).pop(); },
  sealedPush: () => { Object.seal([1]).push(2); },
  sealedPop: () => { Object.seal([1]).pop(); },
  shift: () => { Object.freeze([1, 2]).shift(); },
  unshift: () => { Object.freeze([1, 2]).unshift(0); },
  splice: () => { Object.freeze([1, 2]).splice(0, 1); },
  reverse: () => { Object.freeze([1, 2]).reverse(); },
  sort: () => { Object.freeze([2, 1]).sort(); },
  fill: () => { Object.freeze([1, 2]).fill(0); },
  length: () => { Object.freeze([2, 1]).length = 0; },
  deleteSealed: () => { const o = Object.seal({ x: 1 }); delete o.x; },
  deleteSealedElement: () => { const a = Object.seal([1]); delete a[0]; },
  preventExtensions: () => { const o = Object.preventExtensions({ x: 1 }); o.x = 5; delete o.x; o.x = 1; },
  assign: () => { Object.assign(Object.freeze({ a: 1 }), { a: 2 }); },
  sealedWrite: () => { const o = Object.seal({ a: 1 }); o.a = 2; console.log("sealed write", o.a); },
};
for (const [name, f] of Object.entries(tries)) {
  try {
    f();
    console.log(name, "ok");
  } catch (e) {
    console.log(name, e.constructor.name, e.message);
  }
}
// expect: recordWrite TypeError Cannot assign to read only property 'x' of object '#<Object>'
// expect: recordAdd TypeError Cannot add property y, object is not extensible
// expect: recordIndex TypeError Cannot assign to read only property 'x' of object '#<Object>'
// expect: instanceWrite TypeError Cannot assign to read only property 'x' of object '#<P>'
// expect: instanceIncrement TypeError Cannot assign to read only property 'x' of object '#<P>'
// expect: arrayWrite TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: arrayAdd TypeError Cannot add property 1, object is not extensible
// expect: push TypeError Cannot add property 1, object is not extensible
// expect: pop TypeError Cannot delete property '0' of [object Array]
// expect: sealedPush TypeError Cannot add property 1, object is not extensible
// expect: sealedPop TypeError Cannot delete property '0' of [object Array]
// expect: shift TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: unshift TypeError Cannot add property 2, object is not extensible
// expect: splice TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: reverse TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: sort TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: fill TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: length TypeError Cannot assign to read only property 'length' of object '[object Array]'
// expect: deleteSealed TypeError Cannot delete property 'x' of #<Object>
// expect: deleteSealedElement TypeError Cannot delete property '0' of [object Array]
// expect: preventExtensions TypeError Cannot add property x, object is not extensible
// expect: assign TypeError Cannot assign to read only property 'a' of object '#<Object>'
// expect: sealed write 2
// expect: sealedWrite ok

console.log(Object.isFrozen(1), Object.isSealed("s"), Object.isExtensible(1)); // expect: true true false
console.log(Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({}))); // expect: false true
console.log(Object.isFrozen(Object.preventExtensions({ a: 1 })), Object.isSealed(Object.freeze({ a: 1 }))); // expect: false true
console.log(Object.isFrozen(Object.seal({})), Object.isExtensible(Object.seal({}))); // expect: true false
const p = new P();
console.log(Object.isExtensible(p), Object.freeze(p) === p, Object.isFrozen(p), Object.isSealed(p)); // expect: true true true true
// freeze is shallow
const shallow = Object.freeze({ list: [1] });
shallow.list.push(2);
console.log(shallow, Object.isFrozen(shallow), Object.isFrozen(shallow.list)); // expect: { list: [ 1, 2 ] } true false
// Reads, copies and iteration of frozen objects are unaffected.
const frozen = Object.freeze({ a: 1, b: [2, 3] });
console.log({ ...frozen, c: 4 }, Object.keys(frozen), JSON.stringify(frozen)); // expect: { a: 1, b: [ 2, 3 ], c: 4 } [ 'a', 'b' ] {"a":1,"b":[2,3]}
const frozenList = Object.freeze([3, 1, 2]);
console.log(frozenList.toSorted(), frozenList.map((x) => x * 2), [...frozenList]); // expect: [ 1, 2, 3 ] [ 6, 2, 4 ] [ 3, 1, 2 ]
// Errors: added properties follow the same rules.
const err = Object.freeze(new Error("e"));
try { err.code = "X"; } catch (e) { console.log(e.message); } // expect: Cannot add property code, object is not extensible
