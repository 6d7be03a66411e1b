// return(v) and throw(e) on a generator: finally blocks run, catch blocks see the throw.
const log = [];
function* guarded() {
  try {
    log.push("enter");
    yield 1;
    yield 2;
    log.push("not reached");
  } finally {
    log.push("cleanup");
  }
}
const g = guarded();
console.log(g.next().value); // expect: 1
console.log(g.return("early")); // expect: { value: 'early', done: true }
console.log(log.join(",")); // expect: enter,cleanup
console.log(g.next()); // expect: { value: undefined, done: true }

function* retrying() {
  let attempts = 0;
  while (true) {
    try {
      yield `attempt ${++attempts}`;
      return `ok after ${attempts}`;
    } catch (e) {
      log.push(`caught ${e.message}`);
    }
  }
}
const r = retrying();
console.log(r.next().value); // expect: attempt 1
console.log(r.throw(new Error("timeout")).value); // expect: attempt 2
console.log(r.next()); // expect: { value: 'ok after 2', done: true }
console.log(log.slice(2)); // expect: [ 'caught timeout' ]

// An uncaught throw finishes the generator and reaches the caller.
function* fragile() {
  yield "a";
  yield "b";
}
const f = fragile();
f.next();
try {
  f.throw(new TypeError("bad input"));
} catch (e) {
  console.log(e.name, e.message); // expect: TypeError bad input
}
console.log(f.next()); // expect: { value: undefined, done: true }

// return/throw before the first next(): the body never runs.
const fresh = guarded();
console.log(fresh.return(7), log.length); // expect: { value: 7, done: true } 3
const fresh2 = fragile();
try {
  fresh2.throw(new Error("before start"));
} catch (e) {
  console.log(e.message, fresh2.next().done); // expect: before start true
}

// An exception from the body ends it; a finally that yields keeps the generator going.
function* failing() {
  yield 1;
  throw new RangeError("out of range");
}
const x = failing();
x.next();
try {
  x.next();
} catch (e) {
  console.log(`${e}`); // expect: RangeError: out of range
}
console.log(x.next().done); // expect: true

function* finallyYields() {
  try {
    yield "work";
  } finally {
    yield "flush";
    log.push("closed");
  }
}
const fy = finallyYields();
fy.next();
console.log(fy.return("done")); // expect: { value: 'flush', done: false }
console.log(fy.next(), log.at(-1)); // expect: { value: 'done', done: true } closed

// Re-entering a running generator is a TypeError.
let self;
function* reentrant() {
  try {
    self.next();
  } catch (e) {
    yield e.message;
  }
}
self = reentrant();
console.log(self.next().value); // expect: Generator is already running
