// internal/builtins_json — the bodies of JSON.stringify with a replacer function or a
// toJSON/getter to call, and of JSON.parse with a reviver.
// Written in Molt's JavaScript, a replacer, toJSON, getter or reviver is an ordinary frame of
// the calling thread: it can sleep, yield, await, be preempted and be updated like any frame,
// and no C++ frame waits under it (docs/decisions/0019-hosted-callback-methods.md).
//
// Invariants (all the internal/builtins_* modules):
//   * A function named `Owner$method` is a method's body and shows in stack traces as node
//     shows the built-in (`at JSON.stringify (<anonymous>)`); other functions (helpers) do
//     not show.
//   * Each body is reached through a native stub that keeps the method's name, length and
//     `[native code]` text (runtime/lib/hosted_methods.h). The stub's native half has
//     already read the arguments and handled the calls that call nothing hosted itself.
//   * Nothing the program can replace is used after load: globals are read once, at the
//     top; arrays are appended to with `out[out.length] = v`, never `push`; callbacks are
//     called through callWith, never `fn.call`.
//
// The walk is the spec's (SerializeJSONProperty, InternalizeJSONProperty): a property is
// read when it is serialized, so getters, toJSON and the replacer interleave as in node.
const { callWith, jsonKeys, jsonQuote, jsonKey, jsonConcat, jsonCircularMessage, jsonDelete } = require(
  "internal/builtins_support",
);
const isArray = Array.isArray;
const TypeErrorClass = TypeError;

// ---- JSON.stringify

// The native half passes `replacer` as the function, or as the key list (an array of
// distinct strings), or undefined; `gap` as the indent string ("" for none). The text is
// built as a list of pieces joined once at the end (jsonConcat), so that no string is
// copied again for every element.
// A class, so that the walk's reads of its fields are inline-cached.
class StringifyState {
  constructor(replacer, gap) {
    this.fn = typeof replacer === "function" ? replacer : undefined;
    this.keys = isArray(replacer) ? replacer : undefined;
    this.gap = gap;
    this.indent = "";
    this.path = []; // [object, via, object, via, …]: the objects being serialized, for cycles
    this.out = [];
  }
}

function JSON$stringify(value, replacer, gap) {
  const state = new StringifyState(replacer, gap);
  const holder = state.fn === undefined ? undefined : { "": value };
  if (!serializeProperty(state, holder, "", value)) return undefined;
  return jsonConcat(state.out);
}

// Appends the text of `value`, the property `key` of `holder` (a number for an array's
// element), to state.out; false, with nothing appended, when it is left out.
function serializeProperty(state, holder, key, value) {
  if (typeof value === "object" && value !== null) {
    const toJSON = value.toJSON;
    if (typeof toJSON === "function")
      value = callWith(toJSON, value, typeof key === "number" ? "" + key : key);
  }
  if (state.fn !== undefined)
    value = callWith(state.fn, holder, typeof key === "number" ? "" + key : key, value);
  const out = state.out;
  if (value === null) {
    out[out.length] = "null";
    return true;
  }
  switch (typeof value) {
    case "string":
      out[out.length] = jsonQuote(value);
      return true;
    case "number":
      out[out.length] =
        value === value && value !== Infinity && value !== -Infinity ? "" + value : "null";
      return true;
    case "boolean":
      out[out.length] = value ? "true" : "false";
      return true;
    case "object":
      break;
    default:
      return false;
  }
  enter(state, value, typeof key === "number" ? "index " + key : "property '" + key + "'");
  if (isArray(value)) serializeArray(state, value);
  else serializeObject(state, value);
  state.path.length = state.path.length - 2;
  return true;
}

function enter(state, value, via) {
  const path = state.path;
  for (let i = 0; i < path.length; i += 2)
    if (path[i] === value) throw new TypeErrorClass(jsonCircularMessage(path, i, via));
  path[path.length] = value;
  path[path.length] = via;
}

function serializeArray(state, a) {
  const out = state.out;
  const len = a.length;
  if (len === 0) {
    out[out.length] = "[]";
    return;
  }
  const stepback = state.indent;
  const indent = stepback + state.gap;
  state.indent = indent;
  const separator = state.gap === "" ? "," : ",\n" + indent;
  out[out.length] = state.gap === "" ? "[" : "[\n" + indent;
  for (let i = 0; i < len; i++) {
    if (i > 0) out[out.length] = separator;
    if (!serializeProperty(state, a, i, a[i])) out[out.length] = "null";
  }
  state.indent = stepback;
  out[out.length] = state.gap === "" ? "]" : "\n" + stepback + "]";
}

function serializeObject(state, o) {
  const out = state.out;
  const keys = state.keys !== undefined ? state.keys : jsonKeys(o);
  const stepback = state.indent;
  const indent = stepback + state.gap;
  state.indent = indent;
  const before = state.gap === "" ? "" : "\n" + indent;
  const colon = state.gap === "" ? ":" : ": ";
  out[out.length] = "{";
  let any = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const mark = out.length;
    if (any) out[out.length] = ",";
    if (before !== "") out[out.length] = before;
    out[out.length] = jsonKey(k, colon);
    if (serializeProperty(state, o, k, o[k])) any = true;
    else out.length = mark;
  }
  state.indent = stepback;
  out[out.length] = any && state.gap !== "" ? "\n" + stepback + "}" : "}";
}

// ---- JSON.parse with a reviver

// The native half has parsed the text: `value` is the result.
function JSON$parse(value, reviver) {
  const root = { "": value };
  return internalize(root, "", reviver);
}

// InternalizeJSONProperty: the children first, then the reviver on the holder's `key`.
// A child the reviver returns undefined for is deleted.
function internalize(holder, key, reviver) {
  const value = holder[key];
  if (typeof value === "object" && value !== null) {
    if (isArray(value)) {
      const len = value.length;
      for (let i = 0; i < len; i++) revive(value, "" + i, reviver);
    } else {
      const keys = jsonKeys(value);
      for (let i = 0; i < keys.length; i++) revive(value, keys[i], reviver);
    }
  }
  return callWith(reviver, holder, key, value);
}

function revive(holder, key, reviver) {
  const v = internalize(holder, key, reviver);
  if (v === undefined) jsonDelete(holder, key);
  else holder[key] = v;
}

module.exports = { JSON$stringify, JSON$parse };
