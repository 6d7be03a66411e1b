// Modules are evaluated once and cached; state is shared between requirers.
console.log("main starts"); // expect: main starts
const c1 = require("./_counter"); // expect: counter module loaded
const c2 = require("./_counter.js");
console.log(c1 === c2); // expect: true
c1.next();
c1.next();
console.log(c2.next(), c2.get()); // expect: 3 3
const { next } = require("./_counter");
console.log(next()); // expect: 4
