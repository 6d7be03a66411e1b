// A require cycle: the second module sees the first one's partially filled exports.
const a = require("./_cycle_a");
const b = require("./_cycle_b");
console.log(b.seenFromB); // expect: b sees a.name=a a.early=true a.done=undefined
console.log(a.seenFromA); // expect: a sees b.done=true
console.log(a.done, b.done); // expect: true true
const again = require("./_cycle_a.js");
console.log(again === a, Object.keys(a)); // expect: true [ 'name', 'early', 'seenFromA', 'done' ]
console.log(Object.keys(b)); // expect: [ 'seenFromB', 'done' ]
console.log(typeof require("./_cycle_b").seenFromB); // expect: string
