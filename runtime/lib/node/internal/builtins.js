// internal/builtins — the bodies of the built-in methods that call back into the program:
// Array forEach/map/filter/flatMap/some/every/find*/reduce*, sort and toSorted with a
// comparator, Array.from with a map function, Map and Set forEach, and String replace and
// replaceAll with a function (docs/decisions/0019-hosted-callback-methods.md). Written in
// Molt's JavaScript, a callback is an ordinary frame of the calling thread: it can sleep,
// yield, await, be preempted and be updated like any frame, and no C++ frame waits under it.
//
// Each body is reached through a native stub that keeps the method's name, length and
// `[native code]` text (runtime/lib/hosted_methods.h). The stub's native half has already
// checked `this` and the callback with the messages node gives, bound a `thisArg` into the
// callback, and handled the calls that take no callback (sort without a comparator) itself.
//
// Invariants:
//   * A function named `Owner$method` shows in stack traces as node shows the built-in
//     (`at Array.forEach (<anonymous>)`); other functions here (helpers) do not show.
//   * Nothing the program can replace is used after load: globals are read once, below;
//     arrays are appended to with `out[out.length] = v`, never `push`; callbacks are called
//     directly.
//   * As the spec says, the length is read once, a hole (an index not `in` the array) is
//     skipped by the methods that skip holes, and an element changed by a callback is seen
//     as changed when it is reached.
const { mapEntryAfter, replaceParts } = require("internal/builtins_support");

const isArray = Array.isArray;
const TypeErrorClass = TypeError;
const { max, min, trunc } = Math;
const iterator = Symbol.iterator;

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

// ---- sorting with a comparator
//
// The same algorithms as the native default sort (builtins_array.cpp), so that the order of
// comparator calls and the result of an inconsistent comparator do not depend on whether a
// comparator was given: V8's TimSort for fewer than 64 elements (one run: an ascending or
// strictly descending prefix, reversed if descending, extended by binary insertion), a
// stable bottom-up merge sort above. A comparator that throws leaves the array as it was:
// the values are sorted in a copy.

function smallTimSort(items, compare) {
  const n = items.length;
  if (n < 2) return;
  let run = 2;
  const descending = compare(items[1], items[0]) < 0;
  for (let i = 2; i < n; i++) {
    const less = compare(items[i], items[i - 1]) < 0;
    if (descending ? !less : less) break;
    run++;
  }
  if (descending)
    for (let lo = 0, hi = run - 1; lo < hi; lo++, hi--) {
      const t = items[lo];
      items[lo] = items[hi];
      items[hi] = t;
    }
  for (let start = run; start < n; start++) {
    const pivot = items[start];
    let left = 0;
    let right = start;
    while (left < right) {
      const mid = left + ((right - left) >> 1);
      if (compare(pivot, items[mid]) < 0) right = mid;
      else left = mid + 1;
    }
    for (let k = start; k > left; k--) items[k] = items[k - 1];
    items[left] = pivot;
  }
}

function mergeSort(items, compare) {
  const n = items.length;
  let from = items;
  let to = new Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = min(lo + width, n);
      const hi = min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Take from the right only if strictly less: equal elements keep their order.
        if (compare(from[j], from[i]) < 0) to[k++] = from[j++];
        else to[k++] = from[i++];
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

// The array's values other than undefined, sorted, then its undefineds (holes are left out).
function sortedValues(a, compare) {
  const len = a.length;
  let items = [];
  let undefinedCount = 0;
  for (let i = 0; i < len; i++) {
    const v = a[i];
    if (v !== undefined) items[items.length] = v;
    else if (i in a) undefinedCount++;
  }
  if (items.length < 64) smallTimSort(items, compare);
  else items = mergeSort(items, compare);
  for (let u = 0; u < undefinedCount; u++) items[items.length] = undefined;
  return items;
}

function Array$sort(compare) {
  const sorted = sortedValues(this, compare);
  const n = sorted.length;
  const total = max(this.length, n);
  for (let i = 0; i < n; i++) this[i] = sorted[i];
  for (let i = n; i < total; i++) delete this[i];
  return this;
}

function Array$toSorted(compare) {
  const len = this.length;
  const sorted = sortedValues(this, compare);
  while (sorted.length < len) sorted[sorted.length] = undefined; // holes read as undefined
  return sorted;
}

// ---- Array.from with a map function (node names its frame `Function.from`)

function Function$from(source, fn) {
  const out = [];
  if (typeof source === "string" || source[iterator] != null) {
    let i = 0;
    for (const v of source) {
      out[i] = fn(v, i);
      i++;
    }
    return out;
  }
  let len = +source.length;
  len = len !== len || len < 0 ? 0 : min(trunc(len), 4294967295);
  for (let i = 0; i < len; i++) out[i] = fn(source[i], i);
  return out;
}

// ---- Map and Set

// mapEntryAfter(m, i, entry) finds the first live entry at position i or later, writes its
// key and value into `entry` and returns its position, or -1: entries added by a callback
// are visited, deleted ones are not.
function Map$forEach(fn) {
  const entry = [undefined, undefined];
  for (let i = mapEntryAfter(this, 0, entry); i >= 0; i = mapEntryAfter(this, i + 1, entry))
    fn(entry[1], entry[0], this);
}

function Set$forEach(fn) {
  const entry = [undefined, undefined];
  for (let i = mapEntryAfter(this, 0, entry); i >= 0; i = mapEntryAfter(this, i + 1, entry))
    fn(entry[0], entry[0], this);
}

// ---- replace and replaceAll with a function
//
// replaceParts(subject, pattern, all, method) finds the matches as the native methods do and
// returns [text, args, text, args, …, text]: the text between matches and, for each match,
// the replacer's arguments (match, captures…, offset, string[, groups]).

function replaceWith(subject, pattern, fn, all) {
  const parts = replaceParts(subject, pattern, all);
  let out = parts[0];
  for (let k = 1; k < parts.length; k += 2) out += `${fn(...parts[k])}` + parts[k + 1];
  return out;
}

function String$replace(pattern, fn) {
  return replaceWith(this, pattern, fn, false);
}

function String$replaceAll(pattern, fn) {
  return replaceWith(this, pattern, fn, true);
}

module.exports = {
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
  Array$sort,
  Array$toSorted,
  Function$from,
  Map$forEach,
  Set$forEach,
  String$replace,
  String$replaceAll,
};
