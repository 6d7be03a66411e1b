// The microtask interleaving of async generators with a then-chain and with each other:
// next() on a suspended generator, yield of a plain value and of a promise, await,
// return(), the queue of requests made before the first settles, and yield*.
const log = (...a) => console.log(...a);

async function* a() {
  log("a0");
  yield "a1";
  log("a-after-1");
  await undefined;
  log("a-after-await");
  yield Promise.resolve("a2");
  log("a-after-2");
}

async function* b() {
  log("b0");
  yield* a();
  log("b-end");
}

const ga = a();
ga.next().then((r) => log("ga next1", r.value));
ga.next().then((r) => log("ga next2", r.value));
ga.next().then((r) => log("ga next3", r.done));
const gb = b();
gb.next().then((r) => log("gb next1", r.value));
gb.return("x").then((r) => log("gb return", r.value, r.done));
(async () => {
  for await (const v of a()) log("loop", v);
  log("loop end");
})();
let p = Promise.resolve();
for (let i = 1; i <= 12; i++) p = p.then(() => log("tick", i));

// yield* passes throw() and return() on to the delegate.
async function* inner() {
  try {
    yield "i1";
    yield "i2";
  } catch (e) {
    log("inner caught", e);
    yield "i-recovered";
  } finally {
    log("inner finally");
  }
  return "inner done";
}
async function* outer() {
  try {
    const r = yield* inner();
    log("outer got", r);
    yield "o-last";
  } finally {
    log("outer finally");
  }
}
async function* plain() {
  yield* { [Symbol.asyncIterator]: () => ({ next: () => ({ value: "p", done: false }) }) };
}
setTimeout(async () => {
  const o = outer();
  log(await o.next(), await o.throw("E"), await o.next(), await o.next());
  const o2 = outer();
  await o2.next();
  log(await o2.return("R"), await o2.next());
  const p = plain();
  await p.next();
  log(await p.return("pr"));
  const p2 = plain();
  await p2.next();
  await p2.throw("pt").catch((e) => log(e.constructor.name, e.message));
}, 5);

// expect: a0
// expect: b0
// expect: a0
// expect: a0
// expect: a-after-1
// expect: tick 1
// expect: ga next1 a1
// expect: a-after-await
// expect: loop a1
// expect: a-after-1
// expect: tick 2
// expect: a-after-2
// expect: gb next1 a1
// expect: a-after-await
// expect: tick 3
// expect: ga next2 a2
// expect: ga next3 true
// expect: tick 4
// expect: loop a2
// expect: a-after-2
// expect: tick 5
// expect: gb return x true
// expect: loop end
// expect: tick 6
// expect: tick 7
// expect: tick 8
// expect: tick 9
// expect: tick 10
// expect: tick 11
// expect: tick 12
// expect: inner caught E
// expect: inner finally
// expect: outer got inner done
// expect: outer finally
// expect: { value: 'i1', done: false } { value: 'i-recovered', done: false } { value: 'o-last', done: false } { value: undefined, done: true }
// expect: inner finally
// expect: outer finally
// expect: { value: 'R', done: true } { value: undefined, done: true }
// expect: { value: 'pr', done: true }
// expect: TypeError The iterator does not provide a 'throw' method.
