// internal/promise — Promise, the microtask queue and the driver of async functions, in
// Molt's JavaScript (docs/decisions/0013-promises.md). Loaded on first use of `Promise`,
// `queueMicrotask` or an async function.
//
// Invariants:
//   * The job queue is `jobs` (pairs of function and argument, from `head` on). The scheduler
//     runs `drain` on a green thread of its own after every turn that queued a job or left a
//     rejection unhandled (requestDrain); `drain` runs to the end of the queue, then reports
//     unhandled rejections, then tells the scheduler it is done (drainDone). Nothing else
//     empties the queue, so a job never runs nested inside another.
//   * A Promise settles once: #state leaves PENDING for FULFILLED or REJECTED and #reactions
//     is dropped then; every reaction registered later is queued at once.
//   * Reactions are the spec's PromiseReaction records, so the number of ticks between a
//     settlement and a handler is node's: `await p` on a Promise is one tick, resolving with
//     a thenable (a Promise too) takes the NewPromiseResolveThenableJob's two.
//   * A rejected promise with no reaction is remembered (#handled false) until the end of the
//     drain; if still unhandled then, the drain throws its reason, which ends the program with
//     node's exit code 1.
//   * An async function is a generator frame (compiled from its body) driven by asyncStart:
//     `await v` is a yield of v, resumed by a reaction of kind AWAIT. The frame runs on the
//     thread that runs the reaction, like any generator (decision 0012).
const { requestDrain, drainDone } = require("internal/microtask");
const { validateFunction } = require("internal/validators");

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

const THEN = 0;  // a then() reaction: handlers, and the derived promise to settle
const AWAIT = 1; // an await: resume the generator, then settle the async function's promise

// What the runtime calls (the scheduler's drain, the async-function driver); filled in by
// Promise's static block, which can reach its private members.
const hooks = {};

let jobs = [];
let head = 0;
let unhandled = [];

function enqueue(fn, arg) {
  if (jobs.length === 0) requestDrain();
  jobs.push(fn, arg);
}

function callNoArgs(fn) {
  fn();
}

function queueMicrotask(callback) {
  validateFunction(callback, "callback");
  enqueue(callNoArgs, callback);
}

class Reaction {
  constructor(kind, onFulfilled, onRejected, target) {
    this.kind = kind;
    this.onFulfilled = onFulfilled; // AWAIT: the generator
    this.onRejected = onRejected;
    this.target = target;           // the promise this reaction settles (or undefined)
    this.state = PENDING;
    this.value = undefined;
  }
}

// The executor the runtime itself passes: a promise made with it starts pending and has no
// resolving functions (the runtime settles it directly).
function INTERNAL() {}

function isObjectLike(v) {
  return (typeof v === "object" && v !== null) || typeof v === "function";
}

function describeReceiver(v) {
  if (typeof v === "string") return `"${v}"`;
  if (isObjectLike(v)) return "#<Object>";
  return String(v);
}

class AggregateError extends Error {
  constructor(errors, message) {
    super(message);
    this.errors = Array.from(errors);
  }

  get name() {
    return "AggregateError";
  }
}

class Promise {
  #state = PENDING;
  #result = undefined;
  #reactions = undefined; // undefined, one Reaction, or an array of them
  #handled = false;

  constructor(executor) {
    if (executor === INTERNAL) return;
    if (typeof executor !== "function")
      throw new TypeError(`Promise resolver ${describeReceiver(executor)} is not a function`);
    const fns = Promise.#resolvingFunctions(this);
    try {
      executor(fns[0], fns[1]);
    } catch (e) {
      fns[1](e);
    }
  }

  then(onFulfilled, onRejected) {
    if (!(this instanceof Promise))
      throw new TypeError(
        `Method Promise.prototype.then called on incompatible receiver ${describeReceiver(this)}`);
    const derived = new Promise(INTERNAL);
    Promise.#perform(this, new Reaction(THEN,
      typeof onFulfilled === "function" ? onFulfilled : undefined,
      typeof onRejected === "function" ? onRejected : undefined, derived));
    return derived;
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    if (typeof onFinally !== "function") return this.then(onFinally, onFinally);
    return this.then(
      (value) => Promise.resolve(onFinally()).then(() => value),
      (reason) => Promise.resolve(onFinally()).then(() => { throw reason; }));
  }

  static resolve(value) {
    if (value instanceof Promise) return value;
    const p = new Promise(INTERNAL);
    Promise.#resolve(p, value);
    return p;
  }

  static reject(reason) {
    const p = new Promise(INTERNAL);
    Promise.#reject(p, reason);
    return p;
  }

  static all(iterable) {
    return Promise.#combine(iterable, 0);
  }

  static allSettled(iterable) {
    return Promise.#combine(iterable, 1);
  }

  static any(iterable) {
    return Promise.#combine(iterable, 2);
  }

  static race(iterable) {
    const result = new Promise(INTERNAL);
    const fns = Promise.#resolvingFunctions(result);
    try {
      for (const item of iterable) Promise.resolve(item).then(fns[0], fns[1]);
    } catch (e) {
      fns[1](e);
    }
    return result;
  }

  // all (0), allSettled (1) and any (2): one element per input, settled when every input
  // has (or, for all, at the first rejection; for any, at the first fulfilment).
  static #combine(iterable, mode) {
    const result = new Promise(INTERNAL);
    const fns = Promise.#resolvingFunctions(result);
    const values = [];
    let remaining = 1;
    const finish = () => {
      if (mode === 2) fns[1](new AggregateError(values, "All promises were rejected"));
      else fns[0](values);
    };
    try {
      let index = 0;
      for (const item of iterable) {
        const i = index++;
        values.push(undefined);
        remaining++;
        let called = false;
        const settle = (v) => {
          if (called) return;
          called = true;
          values[i] = v;
          if (--remaining === 0) finish();
        };
        const p = Promise.resolve(item);
        if (mode === 0) p.then(settle, fns[1]);
        else if (mode === 1)
          p.then((value) => settle({ status: "fulfilled", value }),
            (reason) => settle({ status: "rejected", reason }));
        else p.then(fns[0], settle);
      }
      if (--remaining === 0) finish();
    } catch (e) {
      fns[1](e);
    }
    return result;
  }

  static #resolvingFunctions(p) {
    let done = false;
    return [
      (resolution) => {
        if (done) return;
        done = true;
        Promise.#resolve(p, resolution);
      },
      (reason) => {
        if (done) return;
        done = true;
        Promise.#reject(p, reason);
      },
    ];
  }

  // The body of a resolve function: adopt a thenable one job later, else fulfil.
  static #resolve(p, resolution) {
    if (resolution === p) {
      Promise.#reject(p, new TypeError("Chaining cycle detected for promise #<Promise>"));
      return;
    }
    if (!isObjectLike(resolution)) {
      Promise.#settle(p, FULFILLED, resolution);
      return;
    }
    let then;
    try {
      then = resolution.then;
    } catch (e) {
      Promise.#reject(p, e);
      return;
    }
    if (typeof then !== "function") {
      Promise.#settle(p, FULFILLED, resolution);
      return;
    }
    enqueue(Promise.#resolveThenableJob, [p, resolution]);
  }

  static #resolveThenableJob(job) {
    const fns = Promise.#resolvingFunctions(job[0]);
    try {
      job[1].then(fns[0], fns[1]);
    } catch (e) {
      fns[1](e);
    }
  }

  static #reject(p, reason) {
    if (!p.#handled) {
      if (unhandled.length === 0) requestDrain();
      unhandled.push(p);
    }
    Promise.#settle(p, REJECTED, reason);
  }

  static #settle(p, state, value) {
    if (p.#state !== PENDING) return;
    const reactions = p.#reactions;
    p.#state = state;
    p.#result = value;
    p.#reactions = undefined;
    if (reactions === undefined) return;
    if (reactions instanceof Reaction) {
      Promise.#trigger(reactions, state, value);
      return;
    }
    for (const r of reactions) Promise.#trigger(r, state, value);
  }

  static #trigger(r, state, value) {
    r.state = state;
    r.value = value;
    enqueue(Promise.#runReaction, r);
  }

  static #perform(p, r) {
    p.#handled = true;
    if (p.#state === PENDING) {
      const rs = p.#reactions;
      if (rs === undefined) p.#reactions = r;
      else if (rs instanceof Reaction) p.#reactions = [rs, r];
      else rs.push(r);
      return;
    }
    Promise.#trigger(r, p.#state, p.#result);
  }

  static #runReaction(r) {
    if (r.kind === AWAIT) {
      Promise.#asyncStep(r.onFulfilled, r.target, r.state === REJECTED, r.value);
      return;
    }
    const handler = r.state === FULFILLED ? r.onFulfilled : r.onRejected;
    const target = r.target;
    if (handler === undefined) {
      if (r.state === FULFILLED) Promise.#resolve(target, r.value);
      else Promise.#reject(target, r.value);
      return;
    }
    let v;
    try {
      v = handler(r.value);
    } catch (e) {
      Promise.#reject(target, e);
      return;
    }
    Promise.#resolve(target, v);
  }

  // ---- async functions: `gen` is the suspended frame of the function's body
  static #asyncStart(gen) {
    const p = new Promise(INTERNAL);
    Promise.#asyncStep(gen, p, false, undefined);
    return p;
  }

  static #asyncStep(gen, p, isThrow, value) {
    let step;
    try {
      step = isThrow ? gen.throw(value) : gen.next(value);
    } catch (e) {
      Promise.#reject(p, e);
      return;
    }
    if (step.done) {
      Promise.#resolve(p, step.value);
      return;
    }
    // await: PromiseResolve(value), then a reaction that resumes the frame.
    let awaited = step.value;
    if (!(awaited instanceof Promise)) {
      const wrapped = new Promise(INTERNAL);
      Promise.#resolve(wrapped, awaited);
      awaited = wrapped;
    }
    Promise.#perform(awaited, new Reaction(AWAIT, gen, undefined, p));
  }

  // ---- the drain (the scheduler's microtask checkpoint)
  static #drain() {
    for (;;) {
      while (head < jobs.length) {
        const fn = jobs[head];
        const arg = jobs[head + 1];
        jobs[head] = undefined;
        jobs[head + 1] = undefined;
        head += 2;
        fn(arg);
      }
      jobs = [];
      head = 0;
      if (unhandled.length === 0) break;
      const list = unhandled;
      unhandled = [];
      for (const p of list) {
        if (p.#handled) continue;
        const reason = p.#result;
        if (reason instanceof Error) throw reason;
        throw new UnhandledPromiseRejection(reason);
      }
    }
    drainDone();
  }

  static {
    hooks.drain = () => Promise.#drain();
    hooks.asyncStart = (gen) => Promise.#asyncStart(gen);
  }
}

function describeForRejection(reason) {
  return isObjectLike(reason) ? "#<Object>" : String(reason);
}

// node's ERR_UNHANDLED_REJECTION, thrown when a rejection's reason is not an Error.
class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super("This error originated either by throwing inside of an async function without a " +
      "catch block, or by rejecting a promise which was not handled with .catch(). The " +
      `promise rejected with the reason "${describeForRejection(reason)}".`);
    this.code = "ERR_UNHANDLED_REJECTION";
  }

  get name() {
    return "UnhandledPromiseRejection";
  }
}

module.exports = { Promise, AggregateError, queueMicrotask, hooks };
