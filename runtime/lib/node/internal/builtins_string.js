// internal/builtins_string — the bodies of String replace and replaceAll with a function.
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
const { replaceParts } = require("internal/builtins_support");

// replaceParts(subject, pattern, all) finds the matches as the native methods do and
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

module.exports = { String$replace, String$replaceAll };
