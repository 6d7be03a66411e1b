// Leaving a for-of early calls the iterator's return() — on break, return, a labeled
// continue and a throw from the body — but not when the loop ends by itself, nor when
// next() itself throws. Destructuring closes an iterator it did not exhaust.
const log = [];
class Source {
  constructor(name, n, failAt = -1) {
    this.name = name;
    this.n = n;
    this.failAt = failAt;
  }
  [Symbol.iterator]() {
    let i = 0;
    const { name, n, failAt } = this;
    return {
      next() {
        if (i === failAt) throw new Error(`next failed in ${name}`);
        return i < n ? { value: i++, done: false } : { value: undefined, done: true };
      },
      return() {
        log.push(`return ${name}`);
        return { done: true };
      },
    };
  }
}
function show(label) {
  console.log(label, log.join(", ") || "-");
  log.length = 0;
}
for (const x of new Source("complete", 2)) log.push(x);
show("complete:"); // expect: complete: 0, 1
for (const x of new Source("break", 5)) if (x === 1) break;
show("break:"); // expect: break: return break
function find() {
  for (const x of new Source("return", 5)) if (x === 2) return x;
  return -1;
}
console.log(find()); // expect: 2
show("return:"); // expect: return: return return
try {
  for (const x of new Source("throw", 5)) if (x === 3) throw new Error("body threw");
} catch (e) {
  log.push(e.message);
}
show("throw:"); // expect: throw: return throw, body threw
try {
  for (const x of new Source("next-throws", 5, 2)) log.push(x);
} catch (e) {
  log.push(e.message);
}
show("next throws:"); // expect: next throws: 0, 1, next failed in next-throws
outer: for (const a of new Source("outer", 2)) {
  for (const b of new Source("inner", 3)) {
    if (b === 1) continue outer;
  }
}
show("continue outer:"); // expect: continue outer: return inner, return inner
try {
  for (const a of new Source("nested-outer", 3)) {
    for (const b of new Source("nested-inner", 3)) throw new Error("deep");
  }
} catch (e) {
  log.push(e.message);
}
show("nested throw:"); // expect: nested throw: return nested-inner, return nested-outer, deep
const [p, q] = new Source("destructure", 5);
show(`destructure ${p} ${q}:`); // expect: destructure 0 1: return destructure
const [only, ...rest] = new Source("rest", 3);
show(`rest ${only} ${rest}:`); // expect: rest 0 1,2: -
const [u, v, w] = new Source("short", 2);
show(`short ${w}:`); // expect: short undefined: -
// A generator's finally block runs when a throw leaves the loop.
function* guarded() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push("generator finally");
  }
}
try {
  for (const x of guarded()) throw new Error("out");
} catch (e) {
  log.push(e.message);
}
show("generator:"); // expect: generator: generator finally, out
