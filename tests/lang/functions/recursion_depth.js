// Recursion as deep as node's default (~10,000 frames); past the limit a catchable
// RangeError with node's message, after which the program carries on.
function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }
console.log(f(10000)); // expect: 10000
class Walker {
  depth(n) { return n === 0 ? 0 : 1 + this.depth(n - 1); }
}
console.log(new Walker().depth(9000)); // expect: 9000
function tooDeep(g) {
  try {
    g();
    return "returned";
  } catch (e) {
    return `${e instanceof RangeError} ${e.name}: ${e.message}`;
  }
}
console.log(tooDeep(() => f(1e7))); // expect: true RangeError: Maximum call stack size exceeded
// Through natives that call back (each level nests a loop on the C++ stack) and getters.
function viaMap(n) { return n === 0 ? 0 : [n].map((x) => viaMap(x - 1))[0] + 1; }
// node manages ~2,600 levels here; the sanitizer build, with its larger C++ frames, ~900.
console.log(viaMap(250)); // expect: 250
console.log(tooDeep(() => viaMap(1e7))); // expect: true RangeError: Maximum call stack size exceeded
class Chain {
  n = 0;
  get deep() { return this.n === 0 ? 0 : (this.n--, this.deep + 1); }
}
const chain = new Chain();
chain.n = 1e7;
console.log(tooDeep(() => chain.deep)); // expect: true RangeError: Maximum call stack size exceeded
function viaCall(n) { return n === 0 ? 0 : 1 + viaCall.call(null, n - 1); }
console.log(tooDeep(() => viaCall(1e7))); // expect: true RangeError: Maximum call stack size exceeded
console.log(f(5000)); // expect: 5000
