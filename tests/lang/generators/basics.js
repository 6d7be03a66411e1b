// function*, yield, next(v) and the { value, done } results, as a scheduler of tasks uses them.
function* counter(start, step = 1) {
  let n = start;
  while (true) {
    const reset = yield n;
    n = reset === undefined ? n + step : reset;
  }
}
const c = counter(10, 5);
console.log(c.next()); // expect: { value: 10, done: false }
console.log(c.next().value, c.next().value); // expect: 15 20
console.log(c.next(100).value, c.next().value); // expect: 100 105

function* finite() {
  yield 1;
  yield 2;
  return "end";
}
const f = finite();
console.log(f.next(), f.next()); // expect: { value: 1, done: false } { value: 2, done: false }
console.log(f.next()); // expect: { value: 'end', done: true }
console.log(f.next()); // expect: { value: undefined, done: true }

// The body does not start before the first next(); arguments are bound at the call.
const log = [];
function* traced(label) {
  log.push(`start ${label}`);
  const x = yield `${label}:1`;
  log.push(`got ${x}`);
  return x * 2;
}
const t = traced("a");
log.push("created");
console.log(t.next().value, log.join(", ")); // expect: a:1 created, start a
console.log(t.next(21), log.join(", ")); // expect: { value: 42, done: true } created, start a, got 21

// Generator expressions, named ones that recurse, and closures over a suspended frame.
const evens = function* (limit) {
  for (let i = 0; i <= limit; i += 2) yield i;
};
console.log([...evens(8)]); // expect: [ 0, 2, 4, 6, 8 ]
const tree = { v: 1, kids: [{ v: 2, kids: [] }, { v: 3, kids: [{ v: 4, kids: [] }] }] };
const walk = function* visit(node) {
  yield node.v;
  for (const k of node.kids) yield* visit(k);
};
console.log(Array.from(walk(tree))); // expect: [ 1, 2, 3, 4 ]

function* withClosure() {
  let hidden = 0;
  const bump = () => ++hidden;
  yield bump;
  yield hidden;
  bump();
  yield hidden;
}
const w = withClosure();
const bump = w.next().value;
bump();
bump();
console.log(w.next().value, bump(), w.next().value); // expect: 2 3 4
console.log(typeof w, typeof w.next, typeof counter); // expect: object function function
console.log(counter(1), [counter(2)]); // expect: Object [Generator] {} [ Object [Generator] {} ]
