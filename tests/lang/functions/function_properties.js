// Functions are objects: name, length, and properties assigned to them.
function add(a, b) { return a + b; }
const withDefaults = function named(x, y = 2, ...rest) {};
console.log(add.name, add.length); // expect: add 2
console.log(withDefaults.name, withDefaults.length); // expect: named 1
console.log(((a, b) => a).length, (function () {}).name === ""); // expect: 2 true
const o = { m() {}, arrow: (x) => x };
console.log(o.m.name, o.arrow.name, Math.max.name, Math.max.length); // expect: m arrow max 2

function memo(n) {
  if (memo.cache.has(n)) { memo.hits++; return memo.cache.get(n); }
  const r = n < 2 ? n : memo(n - 1) + memo(n - 2);
  memo.cache.set(n, r);
  return r;
}
memo.cache = new Map();
memo.hits = 0;
console.log(memo(30), memo.hits, memo.cache.size); // expect: 832040 28 31
console.log(Object.keys(memo)); // expect: [ 'cache', 'hits' ]
console.log("hits" in memo, "missing" in memo, typeof memo.missing); // expect: true false undefined
delete memo.hits;
console.log(Object.keys(memo), memo.hits); // expect: [ 'cache' ] undefined
const tagged = () => 1;
tagged.label = "one";
console.log(tagged); // expect: [Function: tagged] { label: 'one' }
console.log(add); // expect: [Function: add]

class Guard {
  // Class code is strict: writing a read-only property of a function throws.
  static rename(f) {
    try { f.name = "other"; } catch (e) { console.log(e.constructor.name + ": " + e.message); }
  }
}
Guard.rename(add); // expect: TypeError: Cannot assign to read only property 'name' of function 'function add(a, b) { return a + b; }'
