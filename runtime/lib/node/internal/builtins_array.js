// internal/builtins_array — the bodies of Array forEach/map/filter/flatMap/some/every/find*/
// reduce* and of Array.from with a map function.
// Written in Molt's JavaScript, a callback is an ordinary frame of the calling thread: it can
// sleep, yield, await, be preempted and be updated like any frame, and no C++ frame waits
// under it (docs/decisions/0019-hosted-callback-methods.md).
//
// Invariants (all the internal/builtins_* modules):
//   * A function named `Owner$method` is a method's body and shows in stack traces as node
//     shows the built-in (`at Array.forEach (<anonymous>)`); other functions (helpers) do
//     not show.
//   * Each body is reached through a native stub that keeps the method's name, length and
//     `[native code]` text (runtime/lib/hosted_methods.h). The stub's native half has
//     already checked `this` and the callback with node's messages, bound a `thisArg` into
//     the callback, and handled the calls that take no callback itself.
//   * Nothing the program can replace is used after load: globals are read once, at the
//     top; arrays are appended to with `out[out.length] = v`, never `push`; callbacks are
//     called directly.
//   * As the spec says, the length is read once, a hole (an index not `in` the array) is
//     skipped by the methods that skip holes (find and its kin read it as undefined), and an
//     element changed by a callback is seen changed when it is reached. `v !== undefined ||
//     i in this` keeps the `in` off the common path.
const isArray = Array.isArray;
const TypeErrorClass = TypeError;

function Array$forEach(fn) {
  const len = this.length;
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if (v !== undefined || i in this) fn(v, i, this);
  }
}

function Array$map(fn) {
  const len = this.length;
  const out = new Array(len);
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if (v !== undefined || i in this) out[i] = fn(v, i, this);
  }
  return out;
}

function Array$filter(fn) {
  const len = this.length;
  const out = [];
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if ((v !== undefined || i in this) && fn(v, i, this)) out[out.length] = v;
  }
  return out;
}

function Array$flatMap(fn) {
  const len = this.length;
  const out = [];
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if (v === undefined && !(i in this)) continue;
    const r = fn(v, i, this);
    if (!isArray(r)) {
      out[out.length] = r;
      continue;
    }
    const n = r.length;
    for (let j = 0; j < n; j++) {
      const w = r[j];
      if (w !== undefined || j in r) out[out.length] = w;
    }
  }
  return out;
}

function Array$some(fn) {
  const len = this.length;
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if ((v !== undefined || i in this) && fn(v, i, this)) return true;
  }
  return false;
}

function Array$every(fn) {
  const len = this.length;
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if ((v !== undefined || i in this) && !fn(v, i, this)) return false;
  }
  return true;
}

// find and its kin visit holes, as undefined.
function Array$find(fn) {
  const len = this.length;
  for (let i = 0; i < len; i++) {
    const v = this[i];
    if (fn(v, i, this)) return v;
  }
  return undefined;
}

function Array$findIndex(fn) {
  const len = this.length;
  for (let i = 0; i < len; i++) if (fn(this[i], i, this)) return i;
  return -1;
}

function Array$findLast(fn) {
  for (let i = this.length - 1; i >= 0; i--) {
    const v = this[i];
    if (fn(v, i, this)) return v;
  }
  return undefined;
}

function Array$findLastIndex(fn) {
  for (let i = this.length - 1; i >= 0; i--) if (fn(this[i], i, this)) return i;
  return -1;
}

function Array$reduce(fn, initial) {
  const len = this.length;
  let i = 0;
  let acc = initial;
  if (arguments.length < 2) {
    while (i < len && !(i in this)) i++;
    if (i >= len) throw new TypeErrorClass("Reduce of empty array with no initial value");
    acc = this[i++];
  }
  for (; i < len; i++) {
    const v = this[i];
    if (v !== undefined || i in this) acc = fn(acc, v, i, this);
  }
  return acc;
}

function Array$reduceRight(fn, initial) {
  let i = this.length - 1;
  let acc = initial;
  if (arguments.length < 2) {
    while (i >= 0 && !(i in this)) i--;
    if (i < 0) throw new TypeErrorClass("Reduce of empty array with no initial value");
    acc = this[i--];
  }
  for (; i >= 0; i--) {
    const v = this[i];
    if (v !== undefined || i in this) acc = fn(acc, v, i, this);
  }
  return acc;
}

// ---- Array.from with a map function (node names its frame `Function.from`)

// The native half passes an array-like's values as an array (so an index loop here), and
// iterables as they are. An array grown by the map function is walked to its new end, as its
// iterator would be.
// Without a map function (fn undefined) it only collects a generator's or user iterable's
// values: the native half walks the built-in iterables.
function Function$from(source, fn) {
  const out = [];
  if (fn === undefined) {
    for (const v of source) out[out.length] = v;
    return out;
  }
  if (isArray(source)) {
    for (let i = 0; i < source.length; i++) out[i] = fn(source[i], i);
    return out;
  }
  let i = 0;
  for (const v of source) {
    out[i] = fn(v, i);
    i++;
  }
  return out;
}

// `[...iterable]` when the iterable is a generator or user iterable (the interpreter's
// ArraySpread hands those here, so their code runs as frames of the thread).
function spreadInto(target, iterable) {
  for (const v of iterable) target[target.length] = v;
  return target;
}

module.exports = {
  spreadInto,
  Array$forEach,
  Array$map,
  Array$filter,
  Array$flatMap,
  Array$some,
  Array$every,
  Array$find,
  Array$findIndex,
  Array$findLast,
  Array$findLastIndex,
  Array$reduce,
  Array$reduceRight,
  Function$from,
};
