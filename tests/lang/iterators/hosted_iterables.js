// Generators and user iterables walked by new Map/new Set, Array.from, spread and
// Object.fromEntries: the values, the order of the iterables' steps and their closing are node's (their code runs
// under hosted halves, decision 0019).
const steps = [];
function* pairs() {
  steps.push("start");
  yield ["a", 1];
  steps.push("after a");
  yield ["b", 2];
  steps.push("end");
}
console.log(new Map(pairs())); // expect: Map(2) { 'a' => 1, 'b' => 2 }
console.log(steps.join(",")); // expect: start,after a,end
console.log(new Set((function* () { yield 1; yield 1; yield 2; })())); // expect: Set(2) { 1, 2 }

class Range {
  constructor(n) {
    this.n = n;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.n; i++) yield i;
  }
}
console.log([...new Range(4)], Array.from(new Range(3)), [0, ...new Range(2), 9]); // expect: [ 0, 1, 2, 3 ] [ 0, 1, 2 ] [ 0, 0, 1, 9 ]
console.log(new Set(new Range(3)).size, [...new Map([...new Range(2)].map((i) => [i, i * i]))]); // expect: 3 [ [ 0, 0 ], [ 1, 1 ] ]
console.log(Array.from(new Range(3), (x) => x * 2)); // expect: [ 0, 2, 4 ]

// A hand-written iterator protocol.
class Countdown {
  constructor(from) {
    this.from = from;
  }
  [Symbol.iterator]() {
    let n = this.from;
    return { next: () => (n > 0 ? { value: n--, done: false } : { value: undefined, done: true }) };
  }
}
console.log([...new Countdown(3)], new Set(new Countdown(2))); // expect: [ 3, 2, 1 ] Set(2) { 2, 1 }

// A bad entry closes the generator (its finally runs) and throws node's TypeError.
function* badEntries() {
  try {
    yield ["ok", 1];
    yield 5;
    yield ["never", 2];
  } finally {
    console.log("closed");
  }
}
// expect: closed
try {
  new Map(badEntries());
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError Iterator value 5 is not an entry object
}
// A throwing generator's error reaches the caller.
function* throwing() {
  yield 1;
  throw new RangeError("from the generator");
}
for (const make of [() => [...throwing()], () => new Set(throwing()), () => Array.from(throwing())]) {
  try {
    make();
  } catch (e) {
    console.log(e.message);
  }
}
// expect: from the generator
// expect: from the generator
// expect: from the generator
// Non-iterables keep node's messages.
try {
  new Set({});
} catch (e) {
  console.log(e.message); // expect: object is not iterable (cannot read property Symbol(Symbol.iterator))
}
const s = new Set(pairs());
console.log(s.size, new Map(new Map([[1, 2]])).get(1)); // expect: 2 2
console.log(Object.fromEntries(pairs()), Object.fromEntries(new Map([["m", 1]]))); // expect: { a: 1, b: 2 } { m: 1 }
// expect: closed
try {
  Object.fromEntries(badEntries());
} catch (e) {
  console.log(e.message); // expect: Iterator value 5 is not an entry object
}
