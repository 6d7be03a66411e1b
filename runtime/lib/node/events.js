// node:events — EventEmitter, written in Molt's JavaScript so that user classes extend it
// like any class (`class Shop extends EventEmitter`), its listeners run as ordinary frames
// (they may sleep, yield and be preempted) and a patch can update it.
//
// Invariants: #listeners maps an event name to a non-empty array of entries
// { listener, once } in registration order; a name whose last listener goes is deleted,
// so the Map's key order is eventNames()' order, as node's. emit() calls a snapshot of the
// array, so listeners added or removed while it runs take effect from the next emit.
// Listeners are called with `this` undefined (the language has no Function.prototype.call);
// arrow functions and closures see what they capture.
const { inspect } = require("internal/util");
const { validateFunction } = require("internal/validators");

const ErrorBase = Error;

// node's ERR_UNHANDLED_ERROR: an Error whose class prints as Error, with code and context.
const UnhandledError = class Error extends ErrorBase {
  constructor(context) {
    super(`Unhandled error. (${inspect(context)})`);
    this.code = "ERR_UNHANDLED_ERROR";
    this.context = context;
    this.stack = this.stack.replace("Error:", "Error [ERR_UNHANDLED_ERROR]:");
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
};

function checkListener(listener) {
  validateFunction(listener, "listener");
}

class EventEmitter {
  static defaultMaxListeners = 10;
  static EventEmitter = null;
  #listeners = new Map();
  #maxListeners = undefined;

  on(name, listener) {
    return this.#add(name, listener, false, false);
  }

  addListener(name, listener) {
    return this.#add(name, listener, false, false);
  }

  prependListener(name, listener) {
    return this.#add(name, listener, false, true);
  }

  once(name, listener) {
    return this.#add(name, listener, true, false);
  }

  prependOnceListener(name, listener) {
    return this.#add(name, listener, true, true);
  }

  off(name, listener) {
    return this.removeListener(name, listener);
  }

  removeListener(name, listener) {
    checkListener(listener);
    const list = this.#listeners.get(name);
    if (list === undefined) return this;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].listener === listener) {
        list.splice(i, 1);
        if (list.length === 0) this.#listeners.delete(name);
        if (this.#listeners.has("removeListener")) this.emit("removeListener", name, listener);
        break;
      }
    }
    return this;
  }

  removeAllListeners(name) {
    const names = name === undefined ? this.eventNames() : [name];
    const reported = this.#listeners.has("removeListener");
    for (const n of names) {
      if (reported && n === "removeListener" && name === undefined) continue;
      const list = this.#listeners.get(n);
      if (list === undefined) continue;
      this.#listeners.delete(n);
      if (reported) {
        for (let i = list.length - 1; i >= 0; i--) this.emit("removeListener", n, list[i].listener);
      }
    }
    if (name === undefined) this.#listeners.delete("removeListener");
    return this;
  }

  emit(name, ...args) {
    const list = this.#listeners.get(name);
    if (list === undefined) {
      if (name === "error") {
        const er = args.length > 0 ? args[0] : undefined;
        if (er instanceof ErrorBase) throw er;
        throw new UnhandledError(er);
      }
      return false;
    }
    for (const entry of list.slice()) {
      if (entry.once) this.#removeEntry(name, entry);
      const listener = entry.listener;
      listener.apply(this, args);
    }
    return true;
  }

  listenerCount(name) {
    const list = this.#listeners.get(name);
    return list === undefined ? 0 : list.length;
  }

  listeners(name) {
    const list = this.#listeners.get(name);
    return list === undefined ? [] : list.map((entry) => entry.listener);
  }

  rawListeners(name) {
    return this.listeners(name);
  }

  eventNames() {
    return [...this.#listeners.keys()];
  }

  setMaxListeners(n) {
    if (typeof n !== "number" || n < 0 || Number.isNaN(n))
      throw new RangeError(
        `The value of "n" is out of range. It must be a non-negative number. Received ${inspect(n)}`);
    this.#maxListeners = n;
    return this;
  }

  getMaxListeners() {
    return this.#maxListeners === undefined ? EventEmitter.defaultMaxListeners : this.#maxListeners;
  }

  #add(name, listener, once, prepend) {
    checkListener(listener);
    if (this.#listeners.has("newListener")) this.emit("newListener", name, listener);
    const entry = { listener, once };
    const list = this.#listeners.get(name);
    if (list === undefined) this.#listeners.set(name, [entry]);
    else if (prepend) list.unshift(entry);
    else list.push(entry);
    return this;
  }

  #removeEntry(name, entry) {
    const list = this.#listeners.get(name);
    if (list === undefined) return;
    const i = list.indexOf(entry);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) this.#listeners.delete(name);
    if (this.#listeners.has("removeListener")) this.emit("removeListener", name, entry.listener);
  }
}

EventEmitter.EventEmitter = EventEmitter;

module.exports = EventEmitter;
