// String(fn) and fn.toString() give the function's exact source text.
function add(a, b) {
  return a + b; // a comment stays
}
console.log(String(add));
// expect: function add(a, b) {
// expect:   return a + b; // a comment stays
// expect: }
const arrow = (x) => x * 2;
console.log(arrow.toString()); // expect: (x) => x * 2
const expr = function (x) { return x; };
console.log("" + expr); // expect: function (x) { return x; }
function* gen() { yield 1; }
console.log(`${gen}`); // expect: function* gen() { yield 1; }
class Counter {
  count = 0;
  static make() { return new Counter(); }
  inc(by = 1) { this.count += by; }
}
console.log(String(new Counter().inc)); // expect: inc(by = 1) { this.count += by; }
console.log(String(Counter.make)); // expect: make() { return new Counter(); }
const rec = { m() { return 1; }, f: function () { return 2; } };
console.log(String(rec.m), String(rec.f)); // expect: m() { return 1; } function () { return 2; }
console.log(String(Math.max)); // expect: function max() { [native code] }
console.log(String([].push)); // expect: function push() { [native code] }
