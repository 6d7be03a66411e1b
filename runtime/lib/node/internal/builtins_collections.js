// internal/builtins_collections — the bodies of Map and Set forEach.
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
const { mapEntryAfter, mapAddEntry, setAddValue, fromEntriesAdd } = require(
  "internal/builtins_support",
);

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

// The ends of `new Map(iterable)` and `new Set(iterable)` when the iterable is a generator or
// a user iterable (the native constructor walks the built-in ones): `this` is the new
// collection. A bad entry throws from mapAddEntry, and the for-of closes the iterator.
function fillMap(iterable) {
  for (const entry of iterable) mapAddEntry(this, entry);
  return this;
}

function fillSet(iterable) {
  for (const v of iterable) setAddValue(this, v);
  return this;
}

// Object.fromEntries over a generator or user iterable (node names the frame
// `Function.fromEntries`).
function Function$fromEntries(iterable) {
  const out = {};
  for (const entry of iterable) fromEntriesAdd(out, entry);
  return out;
}

module.exports = { Map$forEach, Set$forEach, fillMap, fillSet, Function$fromEntries };
