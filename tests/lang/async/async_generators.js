// Async generators: async function*, async *m() and static async *m() methods, record
// methods; yield awaits its operand, await inside, return awaits, yield* over async and
// sync iterables; next/return/throw return promises and queue in order; for await over
// them, with break running finally blocks. Interleaved with a then-chain: node's ticks.
const log = (...a) => console.log(...a);
const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));

async function* numbers() {
  log("numbers start");
  yield 1;
  const two = await Promise.resolve(2);
  yield two;
  yield Promise.resolve(3); // awaited before it is yielded
  return later(4, 1);       // awaited too
}

class Source {
  #items;
  constructor(items) {
    this.#items = items;
  }
  async *items() {
    for (const x of this.#items) yield await later(x, 1);
  }
  static async *range(n) {
    for (let i = 0; i < n; i++) yield i;
  }
}

const rec = {
  async *pairs() {
    yield* Source.range(2);
    const inner = yield* numbers();
    yield "inner returned " + inner;
    yield* ["s1", Promise.resolve("s2")];
  },
};

async function* guarded() {
  try {
    yield "a";
    yield "b";
  } finally {
    log("guarded finally");
    await null;
    log("guarded finally after await");
  }
}

async function* echo() {
  let got = yield "ready";
  while (got !== "stop") got = yield "echo " + got;
  return "stopped";
}

async function main() {
  const g = numbers();
  log("created");
  log(await g.next(), await g.next(), await g.next(), await g.next(), await g.next());
  for await (const x of new Source([5, 6]).items()) log("item", x);
  const all = [];
  for await (const x of rec.pairs()) all.push(x);
  log(all.join(" | "));
  for await (const x of guarded()) {
    log("guarded got", x);
    break;
  }
  const e = echo();
  log((await e.next("ignored")).value, (await e.next("hi")).value, await e.next("stop"));

  // Requests queue: three next() calls at once settle in order.
  const q = numbers();
  const ps = [q.next(), q.next(), q.return("early"), q.next()];
  ps.forEach((p, i) => p.then((r) => log("queued", i, JSON.stringify(r))));
  await Promise.all(ps);

  // throw() at a yield inside try/catch; throw() before start; return() before start.
  async function* catcher() {
    try {
      yield 1;
    } catch (err) {
      log("catcher caught", err);
      yield 2;
    }
  }
  const c = catcher();
  await c.next();
  log(await c.throw("oops"), await c.next());
  const fresh = catcher();
  await fresh.throw(new Error("unstarted")).catch((err) => log("rejected", err.message));
  log(await fresh.next());
  log(await catcher().return(later("r", 1)));

  // A throw in the body rejects the pending next(); the generator is then done.
  async function* failing() {
    yield 1;
    throw new Error("body failed");
  }
  const f = failing();
  await f.next();
  await f.next().catch((err) => log("next rejected", err.message));
  log(await f.next());
  log(typeof g[Symbol.asyncIterator], g[Symbol.asyncIterator]() === g);
  return "done";
}

main().then(log);
Promise.resolve()
  .then(() => log("t1"))
  .then(() => log("t2"))
  .then(() => log("t3"))
  .then(() => log("t4"))
  .then(() => log("t5"))
  .then(() => log("t6"))
  .then(() => log("t7"));

// expect: created
// expect: numbers start
// expect: t1
// expect: t2
// expect: t3
// expect: t4
// expect: t5
// expect: t6
// expect: t7
// expect: { value: 1, done: false } { value: 2, done: false } { value: 3, done: false } { value: 4, done: true } { value: undefined, done: true }
// expect: item 5
// expect: item 6
// expect: numbers start
// expect: 0 | 1 | 1 | 2 | 3 | inner returned 4 | s1 | s2
// expect: guarded got a
// expect: guarded finally
// expect: guarded finally after await
// expect: ready echo hi { value: 'stopped', done: true }
// expect: numbers start
// expect: queued 0 {"value":1,"done":false}
// expect: queued 1 {"value":2,"done":false}
// expect: queued 2 {"value":"early","done":true}
// expect: queued 3 {"done":true}
// expect: catcher caught oops
// expect: { value: 2, done: false } { value: undefined, done: true }
// expect: rejected unstarted
// expect: { value: undefined, done: true }
// expect: { value: 'r', done: true }
// expect: next rejected body failed
// expect: { value: undefined, done: true }
// expect: function true
// expect: done
