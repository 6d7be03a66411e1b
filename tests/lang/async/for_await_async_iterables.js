// for await...of over async iterables ([Symbol.asyncIterator]() on records and classes):
// each next() is awaited; break, return and a throw from the body call return() and await
// it; a sync iterable gets node's async-from-sync wrapper (return() of the sync iterator on
// break). Interleaved with a then-chain, so the ticks are compared with node.
const log = (...a) => console.log(...a);

function counter(name, n) {
  return {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() {
          log(name, "next", i);
          return Promise.resolve({ value: i++, done: i > n });
        },
        return(v) {
          log(name, "return");
          return Promise.resolve({ value: v, done: true });
        },
      };
    },
  };
}

class Countdown {
  constructor(from) {
    this.from = from;
  }
  [Symbol.asyncIterator]() {
    let n = this.from;
    return { next: () => new Promise((r) => setTimeout(() => r({ value: n, done: n-- <= 0 }), 1)) };
  }
}

function syncIterable() {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return {
        next: () => ({ value: Promise.resolve(i * 10), done: i++ >= 3 }),
        return: () => { log("sync return"); return { done: true }; },
      };
    },
  };
}

async function firstTwo() {
  for await (const v of counter("ret", 5)) {
    if (v === 1) return "returned at " + v;
  }
}

async function main() {
  for await (const v of counter("all", 2)) log("all got", v);
  for await (const v of counter("brk", 5)) {
    log("brk got", v);
    if (v === 1) break;
  }
  log(await firstTwo());
  try {
    for await (const v of counter("thr", 5)) throw new Error("body threw at " + v);
  } catch (e) {
    log("caught", e.message);
  }
  outer: for (const round of [1, 2]) {
    for await (const v of counter("lbl" + round, 3)) {
      if (v === 1) continue outer;
      log("lbl", round, v);
    }
  }
  const seen = [];
  for await (const n of new Countdown(3)) seen.push(n);
  log("countdown", seen.join(","));
  for await (const v of syncIterable()) {
    log("sync", v);
    if (v === 10) break;
  }
  try {
    for await (const v of { [Symbol.asyncIterator]: () => ({ next: () => 42 }) }) log("no", v);
  } catch (e) {
    log(e.constructor.name, e.message);
  }
  let closed = 0;
  const noisy = {
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.resolve({ value: 1, done: false }),
      return: () => { closed++; return Promise.reject(new Error("return failed")); },
    }),
  };
  try {
    for await (const v of noisy) throw new Error("original");
  } catch (e) {
    log("kept", e.message, closed);
  }
  try {
    for await (const v of noisy) break;
  } catch (e) {
    log("break sees", e.message, closed);
  }
  return "done";
}

main().then(log);
Promise.resolve()
  .then(() => log("t1"))
  .then(() => log("t2"))
  .then(() => log("t3"))
  .then(() => log("t4"))
  .then(() => log("t5"))
  .then(() => log("t6"));

// expect: all next 0
// expect: all got 0
// expect: all next 1
// expect: t1
// expect: all got 1
// expect: all next 2
// expect: t2
// expect: brk next 0
// expect: t3
// expect: brk got 0
// expect: brk next 1
// expect: t4
// expect: brk got 1
// expect: brk return
// expect: t5
// expect: ret next 0
// expect: t6
// expect: ret next 1
// expect: ret return
// expect: returned at 1
// expect: thr next 0
// expect: thr return
// expect: caught body threw at 0
// expect: lbl1 next 0
// expect: lbl 1 0
// expect: lbl1 next 1
// expect: lbl1 return
// expect: lbl2 next 0
// expect: lbl 2 0
// expect: lbl2 next 1
// expect: lbl2 return
// expect: countdown 3,2,1
// expect: sync 0
// expect: sync 10
// expect: sync return
// expect: TypeError Iterator result 42 is not an object
// expect: kept original 1
// expect: break sees return failed 2
// expect: done
