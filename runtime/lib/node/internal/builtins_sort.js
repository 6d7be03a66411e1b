// internal/builtins_sort — the bodies of Array sort and toSorted with a comparator.
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
const { max, min } = Math;

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
        const left = from[i];
        const right = from[j];
        // Take from the right only if strictly less: equal elements keep their order.
        if (compare(right, left) < 0) {
          to[k] = right;
          j++;
        } else {
          to[k] = left;
          i++;
        }
        k++;
      }
      for (; i < mid; i++) {
        to[k] = from[i];
        k++;
      }
      for (; j < hi; j++) {
        to[k] = from[j];
        k++;
      }
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

module.exports = { Array$sort, Array$toSorted };
