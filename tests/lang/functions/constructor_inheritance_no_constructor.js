function A() { this.a = 1; }
function B() { A.call(this); }
B.prototype = Object.create(A.prototype);
const b = new B();
console.log(b.a);
// expect compile error: 3:29: after `B.prototype = Object.create(…)`, write `B.prototype.constructor = B;`: without it, instances of B have A as their constructor, which the class model does not represent
