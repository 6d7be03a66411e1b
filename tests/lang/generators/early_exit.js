// Leaving a for-of early (break, labeled continue, return) calls the iterator's return():
// a generator then runs its finally blocks, innermost loop first, around enclosing finallys.
const log = [];
function* resource(name) {
  try {
    log.push(`open ${name}`);
    yield `${name}1`;
    yield `${name}2`;
  } finally {
    log.push(`close ${name}`);
  }
}
for (const v of resource("a")) {
  log.push(v);
  break;
}
console.log(log.join(", ")); // expect: open a, a1, close a

log.length = 0;
function firstOf(name) {
  for (const v of resource(name)) return v;
  return "none";
}
console.log(firstOf("b"), log.join(", ")); // expect: b1 open b, close b

log.length = 0;
outer: for (const x of resource("x")) {
  for (const y of resource("y")) {
    log.push(`${x}${y}`);
    continue outer;
  }
}
console.log(log.join(", ")); // expect: open x, open y, x1y1, close y, open y, x2y1, close y, close x

log.length = 0;
try {
  for (const v of resource("t")) {
    try {
      break;
    } finally {
      log.push(`inner finally ${v}`);
    }
  }
} finally {
  log.push("outer finally");
}
console.log(log.join(", ")); // expect: open t, inner finally t1, close t, outer finally

// Exhausted loops and arrays need no closing; return() inside a generator's own loop
// closes the loop's generator first.
log.length = 0;
for (const v of resource("e")) log.push(v);
for (const v of [1, 2, 3]) if (v === 2) break;
console.log(log.join(", ")); // expect: open e, e1, e2, close e
log.length = 0;
function* pipe() {
  for (const v of resource("p")) yield v.toUpperCase();
}
const p = pipe();
console.log(p.next().value, p.return("stop"), log.join(", ")); // expect: P1 { value: 'stop', done: true } open p, close p
