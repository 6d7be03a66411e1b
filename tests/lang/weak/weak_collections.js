// env: NODE_OPTIONS=--expose-gc
// WeakMap, WeakSet and WeakRef: the API, node's TypeErrors, and what the collector does
// (gc() is node's --expose-gc, which Molt honours the same way).
class Node {
  constructor(name) { this.name = name; }
}
const a = new Node("a"), b = new Node("b");
const wm = new WeakMap([[a, 1]]);
console.log(wm.set(b, 2) === wm, wm.get(a), wm.get(b), wm.has(a), wm.has({})); // expect: true 1 2 true false
console.log(wm.delete(a), wm.delete(a), wm.has(a), wm.get(a)); // expect: true false false undefined
console.log(wm.get(1), wm.has("a"), wm.delete(null)); // expect: undefined false false
const sym = Symbol("local");
wm.set(sym, "symbol key");
console.log(wm.get(sym)); // expect: symbol key

for (const bad of [1, "s", null, undefined, Symbol.for("registered")]) {
  try {
    wm.set(bad, 1);
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
}
// expect: TypeError: Invalid value used as weak map key
// expect: TypeError: Invalid value used as weak map key
// expect: TypeError: Invalid value used as weak map key
// expect: TypeError: Invalid value used as weak map key
// expect: TypeError: Invalid value used as weak map key

const ws = new WeakSet([a]);
console.log(ws.add(b) === ws, ws.has(a), ws.has(b), ws.delete(b), ws.has(b)); // expect: true true true true false
try { ws.add(5); } catch (e) { console.log(e.message); } // expect: Invalid value used in weak set
try { new WeakSet([a, 7]); } catch (e) { console.log(e.message); } // expect: Invalid value used in weak set
try { new WeakRef("x"); } catch (e) { console.log(e.message); } // expect: WeakRef: invalid target

const ref = new WeakRef(a);
console.log(ref.deref() === a, ref.deref().name); // expect: true a
console.log(new WeakMap(), new WeakSet(), [ref]); // expect: WeakMap { <items unknown> } WeakSet { <items unknown> } [ WeakRef {} ]
console.log(typeof WeakMap, wm instanceof WeakMap, ws instanceof WeakSet, ref instanceof WeakRef); // expect: function true true true

// The collector: an entry whose key is only reachable through the map goes; so does the
// value it held, and a WeakRef to it reads undefined once a later job has collected.
let key = { id: "temp" };
let value = { big: "payload" };
const cache = new WeakMap();
cache.set(key, value);
const keyRef = new WeakRef(key);
const valueRef = new WeakRef(value);
const kept = { id: "kept" };
cache.set(kept, { still: "here" });
// An ephemeron chain: k2 is reachable only through k1's value, which is reachable only
// through k1, which nothing holds. All of it goes.
let k1 = { n: 1 };
let k2 = { n: 2 };
const chain = new WeakMap();
chain.set(k1, k2);
chain.set(k2, { n: 3 });
const k2Ref = new WeakRef(k2);
// A value that refers back to its own key does not keep the entry alive.
let cyclic = { n: "cyclic" };
cache.set(cyclic, { back: cyclic });
const cyclicRef = new WeakRef(cyclic);
key = value = k1 = k2 = cyclic = null;

gc(); // same job: the WeakRefs made in it still hold their targets
console.log(keyRef.deref() !== undefined, k2Ref.deref() !== undefined); // expect: true true

setTimeout(() => {
  gc();
  console.log(keyRef.deref(), valueRef.deref(), k2Ref.deref(), cyclicRef.deref());
  // expect: undefined undefined undefined undefined
  console.log(cache.get(kept).still, cache.has(kept)); // expect: here true
  // A live key keeps its value alive, even a value reachable from nowhere else.
  let holder = { id: "holder" };
  const vref = new WeakRef(cache.set(holder, { v: 42 }).get(holder));
  setTimeout(() => {
    gc();
    console.log(vref.deref().v, cache.get(holder).v); // expect: 42 42
    holder = null;
    setTimeout(() => {
      gc();
      console.log(vref.deref()); // expect: undefined
    }, 0);
  }, 0);
}, 0);
