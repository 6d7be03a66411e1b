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
//     node's exit code 1 (a host that suspends on uncaught exceptions holds it instead:
//     holdRejection, Scheduler::holdRejection). One a listener was told about, or a host
//     holds (#reported), and that gets a handler later goes to `handledLate`: the next drain
//     emits process's 'rejectionHandled' for it once, after its jobs and before new unhandled
//     rejections, as node does.
//   * An async function is a generator frame (compiled from its body) driven by asyncStart:
//     `await v` is a yield of v, resumed by a reaction of kind AWAIT. The frame runs on the
//     thread that runs the reaction, like any generator (decision 0012).
//   * An async generator is an AsyncGenerator driving the same kind of frame: its `await`s
//     are yields like an async function's, its `yield`s are Op::AsyncYield (takeAsyncYield
//     tells them apart). Requests (next/throw/return) queue in #queue and are answered in
//     order, each with a promise, as the spec's AsyncGeneratorEnqueue/Resume/Drain do.
const { requestDrain, drainDone, takeAsyncYield, holdRejection } = require("internal/microtask");
const { validateFunction } = require("internal/validators");

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

const THEN = 0;  // a then() reaction: handlers, and the derived promise to settle
const AWAIT = 1; // an await: resume the generator, then settle the async function's promise
const AG_AWAIT = 2; // an async generator's await: resume it (onRejected: the mode on fulfil)

// An async generator's states and request kinds (the spec's).
const AG_START = 0;
const AG_YIELD = 1;
const AG_EXECUTING = 2;
const AG_AWAITING_RETURN = 3;
const AG_COMPLETED = 4;
const REQ_NEXT = 0;
const REQ_THROW = 1;
const REQ_RETURN = 2;

// What the runtime calls (the scheduler's drain, the async-function driver); filled in by
// Promise's static block, which can reach its private members.
const hooks = {};

let jobs = [];
let head = 0;
let unhandled = [];
let handledLate = [];

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
  #reported = false; // an unhandledRejection or uncaughtException listener got it

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
    const C = this.constructor;
    const derived = C === Promise ? new Promise(INTERNAL) : Promise.#pendingOf(C);
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
    const C = this.constructor;
    return this.then(
      (value) => C.resolve(onFinally()).then(() => value),
      (reason) => C.resolve(onFinally()).then(() => { throw reason; }));
  }

  // A pending promise of class C (NewPromiseCapability(C)): `this` in the statics, the
  // receiver's constructor in then (Molt has no Symbol.species). A subclass is constructed
  // with the runtime's own executor, so its constructor runs (fields, counters) and the
  // promise settles through the private state every Promise has.
  static #pendingOf(C) {
    if (C === Promise || C === undefined) return new Promise(INTERNAL);
    const p = new C(INTERNAL);
    if (!(p instanceof Promise)) throw new TypeError("Promise resolve or reject function is not callable");
    return p;
  }

  static resolve(value) {
    const C = this === undefined ? Promise : this;
    if (value instanceof Promise && value.constructor === C) return value;
    const p = Promise.#pendingOf(C);
    Promise.#resolve(p, value);
    return p;
  }

  static reject(reason) {
    const p = Promise.#pendingOf(this);
    Promise.#reject(p, reason);
    return p;
  }

  static all(iterable) {
    return Promise.#combine(this, iterable, 0);
  }

  static allSettled(iterable) {
    return Promise.#combine(this, iterable, 1);
  }

  static any(iterable) {
    return Promise.#combine(this, iterable, 2);
  }

  static race(iterable) {
    const C = this === undefined ? Promise : this;
    const result = Promise.#pendingOf(C);
    const fns = Promise.#resolvingFunctions(result);
    try {
      for (const item of iterable) C.resolve(item).then(fns[0], fns[1]);
    } catch (e) {
      fns[1](e);
    }
    return result;
  }

  // all (0), allSettled (1) and any (2): one element per input, settled when every input
  // has (or, for all, at the first rejection; for any, at the first fulfilment).
  static #combine(C, iterable, mode) {
    if (C === undefined) C = Promise;
    const result = Promise.#pendingOf(C);
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
        const p = C.resolve(item);
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
    if (p.#reported && !p.#handled) handledLate.push(p);
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
    if (r.kind === AG_AWAIT) {
      AsyncGenerator.step(r.onFulfilled, r.state === REJECTED ? REQ_THROW : r.onRejected, r.value);
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
      if (target !== undefined) Promise.#reject(target, e);
      return;
    }
    if (target !== undefined) Promise.#resolve(target, v);
  }

  // PromiseResolve(%Promise%, v): v itself when it is a plain Promise, else a new one
  // resolved with it (a subclass's promise is adopted as a thenable, as in node).
  static #promiseResolve(v) {
    if (v instanceof Promise && v.constructor === Promise) return v;
    const p = new Promise(INTERNAL);
    Promise.#resolve(p, v);
    return p;
  }

  // Await(v) in an async generator: resumes `ag` one tick after v settles, with `mode`
  // (next or return) and the value, or with throw and the reason.
  static #agAwait(ag, v, mode) {
    Promise.#perform(Promise.#promiseResolve(v), new Reaction(AG_AWAIT, ag, mode, undefined));
  }

  // PerformPromiseThen(PromiseResolve(v), onFulfilled, onRejected) with no derived promise.
  static #thenNoResult(v, onFulfilled, onRejected) {
    Promise.#perform(Promise.#promiseResolve(v),
      new Reaction(THEN, onFulfilled, onRejected, undefined));
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
    if (!(awaited instanceof Promise) || awaited.constructor !== Promise) {
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
      if (handledLate.length > 0) {
        const list = handledLate;
        handledLate = [];
        const listeners = require("internal/process").listeners.rejectionHandled;
        if (listeners !== undefined)
          for (const p of list) for (const fn of listeners.slice()) fn.call(process, p);
        continue; // the jobs the listeners queued run first
      }
      if (unhandled.length === 0) break;
      const list = unhandled;
      unhandled = [];
      for (let i = 0; i < list.length; i++) {
        const p = list[i];
        if (p.#handled) continue;
        const reason = p.#result;
        // process.on("unhandledRejection", (reason, promise) => ...) replaces the report.
        // Else an uncaughtException listener gets it, with origin "unhandledRejection";
        // else it is thrown from the drain thread: an uncaught exception ends the program.
        const table = require("internal/process").listeners;
        const listeners = table.unhandledRejection;
        if (listeners !== undefined && listeners.length > 0) {
          p.#reported = true;
          for (const fn of listeners.slice()) fn.call(process, reason, p);
          continue;
        }
        const error = reason instanceof Error ? reason : new UnhandledPromiseRejection(reason);
        const catchers = table.uncaughtException;
        if (catchers !== undefined && catchers.length > 0) {
          p.#reported = true;
          for (const fn of catchers.slice()) fn.call(process, error, "unhandledRejection");
          continue;
        }
        // A host that suspends on uncaught exceptions (molt-ide) holds it for the user to
        // decide; the drain goes on. One a handler takes later is 'rejectionHandled'.
        if (holdRejection(error)) {
          p.#reported = true;
          continue;
        }
        throw error;
      }
    }
    drainDone();
  }

  static {
    hooks.drain = () => Promise.#drain();
    hooks.asyncStart = (gen) => Promise.#asyncStart(gen);
    hooks.asyncGeneratorStart = (gen) => new AsyncGenerator(gen);
    hooks.newPromise = () => new Promise(INTERNAL);
    hooks.resolve = (p, v) => Promise.#resolve(p, v);
    hooks.reject = (p, e) => Promise.#reject(p, e);
    hooks.promiseResolve = (v) => Promise.#promiseResolve(v);
    hooks.agAwait = (ag, v, mode) => Promise.#agAwait(ag, v, mode);
    hooks.thenNoResult = (v, f, r) => Promise.#thenNoResult(v, f, r);
  }
}

// ---- async generators (the spec's AsyncGenerator objects, 27.6)

class AsyncGeneratorRequest {
  constructor(kind, value, promise) {
    this.kind = kind;
    this.value = value;
    this.promise = promise;
  }
}

function iterResult(value, done) {
  return { value, done };
}

class AsyncGenerator {
  #gen;
  #state = AG_START;
  #queue = [];

  constructor(gen) {
    this.#gen = gen;
  }

  next(value) {
    return AsyncGenerator.#enqueue(this, REQ_NEXT, value, "next");
  }

  return(value) {
    return AsyncGenerator.#enqueue(this, REQ_RETURN, value, "return");
  }

  throw(value) {
    return AsyncGenerator.#enqueue(this, REQ_THROW, value, "throw");
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  static #enqueue(ag, kind, value, name) {
    const promise = hooks.newPromise();
    if (!(ag instanceof AsyncGenerator)) {
      hooks.reject(promise, new TypeError(
        `${name} method called on incompatible receiver ${describeReceiver(ag)}`));
      return promise;
    }
    let state = ag.#state;
    if (kind === REQ_THROW && state === AG_START) {
      ag.#state = state = AG_COMPLETED;
    }
    if (state === AG_COMPLETED) {
      if (kind === REQ_NEXT) {
        hooks.resolve(promise, iterResult(undefined, true));
        return promise;
      }
      if (kind === REQ_THROW) {
        hooks.reject(promise, value);
        return promise;
      }
    }
    ag.#queue.push(new AsyncGeneratorRequest(kind, value, promise));
    if (kind === REQ_RETURN && (state === AG_START || state === AG_COMPLETED)) {
      ag.#state = AG_AWAITING_RETURN;
      AsyncGenerator.#awaitReturn(ag);
    } else if (state === AG_START || state === AG_YIELD) {
      AsyncGenerator.#resume(ag, kind, value);
    }
    return promise;
  }

  // AsyncGeneratorResume, with AsyncGeneratorUnwrapYieldResumption: a return request at
  // a yield first awaits its value.
  static #resume(ag, kind, value) {
    ag.#state = AG_EXECUTING;
    if (kind === REQ_RETURN) {
      hooks.agAwait(ag, value, REQ_RETURN);
      return;
    }
    AsyncGenerator.step(ag, kind, value);
  }

  // Runs the frame from a resumption to its next stop: an await (resumed by a reaction),
  // a yield (answers the oldest request, and goes on with the next one if any), or its end.
  static step(ag, kind, value) {
    const gen = ag.#gen;
    for (;;) {
      let step;
      try {
        step = kind === REQ_NEXT ? gen.next(value)
          : kind === REQ_THROW ? gen.throw(value) : gen.return(value);
      } catch (e) {
        ag.#state = AG_COMPLETED;
        AsyncGenerator.#completeStep(ag, true, e, true);
        AsyncGenerator.#drainQueue(ag);
        return;
      }
      if (step.done) {
        ag.#state = AG_COMPLETED;
        AsyncGenerator.#completeStep(ag, false, step.value, true);
        AsyncGenerator.#drainQueue(ag);
        return;
      }
      if (!takeAsyncYield(gen)) {
        hooks.agAwait(ag, step.value, REQ_NEXT);
        return;
      }
      AsyncGenerator.#completeStep(ag, false, step.value, false);
      if (ag.#queue.length === 0) {
        ag.#state = AG_YIELD;
        return;
      }
      const next = ag.#queue[0];
      if (next.kind === REQ_RETURN) {
        hooks.agAwait(ag, next.value, REQ_RETURN);
        return;
      }
      kind = next.kind;
      value = next.value;
    }
  }

  static #completeStep(ag, isThrow, value, done) {
    const request = ag.#queue.shift();
    if (isThrow) hooks.reject(request.promise, value);
    else hooks.resolve(request.promise, iterResult(value, done));
  }

  static #drainQueue(ag) {
    const queue = ag.#queue;
    while (queue.length > 0) {
      const next = queue[0];
      if (next.kind === REQ_RETURN) {
        ag.#state = AG_AWAITING_RETURN;
        AsyncGenerator.#awaitReturn(ag);
        return;
      }
      if (next.kind === REQ_THROW) AsyncGenerator.#completeStep(ag, true, next.value, true);
      else AsyncGenerator.#completeStep(ag, false, undefined, true);
    }
  }

  static #awaitReturn(ag) {
    const next = ag.#queue[0];
    const finish = (isThrow, v) => {
      ag.#state = AG_COMPLETED;
      AsyncGenerator.#completeStep(ag, isThrow, v, true);
      AsyncGenerator.#drainQueue(ag);
    };
    try {
      hooks.thenNoResult(next.value, (v) => finish(false, v), (e) => finish(true, e));
    } catch (e) {
      finish(true, e);
    }
  }
}

// ---- for await and yield* (the compiler calls these as %asyncIteratorOf, ...)

// GetIterator(obj, async): obj's [Symbol.asyncIterator](), else its sync iterator wrapped.
function asyncIteratorOf(obj) {
  const method = obj === undefined || obj === null ? undefined : obj[Symbol.asyncIterator];
  if (method !== undefined && method !== null) {
    const it = method.call(obj);
    if (!isObjectLike(it))
      throw new TypeError("Result of the Symbol.asyncIterator method is not an object");
    return it;
  }
  const syncMethod = obj === undefined || obj === null ? undefined : obj[Symbol.iterator];
  if (typeof syncMethod !== "function")
    throw new TypeError(`${describeIterable(obj)} is not async iterable`);
  const it = syncMethod.call(obj);
  if (!isObjectLike(it))
    throw new TypeError("Result of the Symbol.iterator method is not an object");
  return new AsyncFromSyncIterator(it);
}

function describeIterable(v) {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "function") return v.name;
  if (isObjectLike(v)) return "object";
  return String(v);
}

function iterResultObject(r) {
  if (!isObjectLike(r)) throw new TypeError(`Iterator result ${describeIterable(r)} is not an object`);
  return r;
}

// One step of yield* in an async generator: what to await for the request the generator
// received (mode 0 next, 1 throw, 2 return, as ResumeMode), passed on to the delegate.
function yieldStarStep(it, mode, sent) {
  if (mode === 0) return it.next(sent);
  if (mode === 1) {
    const method = it.throw;
    if (method === undefined || method === null) {
      const close = asyncCloseOnThrow(it);
      const error = new TypeError("The iterator does not provide a 'throw' method.");
      if (close === undefined) throw error;
      return hooks.promiseResolve(close[0]).then(() => { throw error; }, () => { throw error; });
    }
    return method.call(it, sent);
  }
  const method = it.return;
  if (method === undefined || method === null)
    return iterResult(sent, true); // sent was awaited when the generator received it
  return method.call(it, sent);
}

// AsyncIteratorClose for a throw completion: what to await (in a one-element array), or
// undefined when there is nothing to await; anything it throws is dropped by the caller.
function asyncCloseOnThrow(it) {
  let method;
  try {
    method = it.return;
    if (method === undefined || method === null) return undefined;
    return [method.call(it)];
  } catch (e) {
    return undefined;
  }
}

// CreateAsyncFromSyncIterator (27.1.4): each step's value is awaited before the step's
// promise settles, so a sync value takes node's two ticks.
class AsyncFromSyncIterator {
  #it;

  constructor(it) {
    this.#it = it;
  }

  next(...args) {
    const promise = hooks.newPromise();
    let result;
    try {
      result = iterResultObject(this.#it.next(...args));
    } catch (e) {
      hooks.reject(promise, e);
      return promise;
    }
    return AsyncFromSyncIterator.#continue(result, promise);
  }

  return(value) {
    const promise = hooks.newPromise();
    let result;
    try {
      const method = this.#it.return;
      if (method === undefined || method === null) {
        hooks.resolve(promise, iterResult(value, true));
        return promise;
      }
      result = iterResultObject(method.call(this.#it, value));
    } catch (e) {
      hooks.reject(promise, e);
      return promise;
    }
    return AsyncFromSyncIterator.#continue(result, promise);
  }

  throw(value) {
    const promise = hooks.newPromise();
    let result;
    try {
      const method = this.#it.throw;
      if (method === undefined || method === null) {
        hooks.reject(promise, value);
        return promise;
      }
      result = iterResultObject(method.call(this.#it, value));
    } catch (e) {
      hooks.reject(promise, e);
      return promise;
    }
    return AsyncFromSyncIterator.#continue(result, promise);
  }

  static #continue(result, promise) {
    let done, wrapper;
    try {
      done = !!result.done;
      wrapper = hooks.promiseResolve(result.value);
    } catch (e) {
      hooks.reject(promise, e);
      return promise;
    }
    hooks.thenNoResult(wrapper, (v) => hooks.resolve(promise, iterResult(v, done)),
      (e) => hooks.reject(promise, e));
    return promise;
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

module.exports = {
  Promise, AggregateError, queueMicrotask, hooks,
  "%asyncIteratorOf": asyncIteratorOf,
  "%iterResultObject": iterResultObject,
  "%asyncCloseOnThrow": asyncCloseOnThrow,
  "%yieldStarStep": yieldStarStep,
};
