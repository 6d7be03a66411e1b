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
const { callWith, jsonKeys, jsonQuote, jsonCircularMessage, jsonDelete } = require(
  "internal/builtins_support",
);
const isArray = Array.isArray;
const TypeErrorClass = TypeError;

// ---- JSON.stringify

// The native half passes `replacer` as the function, or as the key list (an array of
// distinct strings), or undefined; `gap` as the indent string ("" for none).
function JSON$stringify(value, replacer, gap) {
  const state = {
    fn: typeof replacer === "function" ? replacer : undefined,
    keys: isArray(replacer) ? replacer : undefined,
    gap,
    indent: "",
    path: [], // [object, via, object, via, …]: the objects being serialized, for cycles
  };
  const holder = state.fn === undefined ? undefined : { "": value };
  return serializeProperty(state, holder, "", false, value);
}

// The text of `value`, the property `key` of `holder`; undefined when it is left out.
function serializeProperty(state, holder, key, keyIsIndex, value) {
  if (typeof value === "object" && value !== null) {
    const toJSON = value.toJSON;
    if (typeof toJSON === "function") value = callWith(toJSON, value, key);
  }
  if (state.fn !== undefined) value = callWith(state.fn, holder, key, value);
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return jsonQuote(value);
    case "number":
      return value === value && value !== Infinity && value !== -Infinity ? "" + value : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return undefined;
  }
  enter(state, value, keyIsIndex ? "index " + key : "property '" + key + "'");
  const text = isArray(value) ? serializeArray(state, value) : serializeObject(state, value);
  state.path.length = state.path.length - 2;
  return text;
}

function enter(state, value, via) {
  const path = state.path;
  for (let i = 0; i < path.length; i += 2)
    if (path[i] === value) throw new TypeErrorClass(jsonCircularMessage(path, i, via));
  path[path.length] = value;
  path[path.length] = via;
}

function serializeArray(state, a) {
  const len = a.length;
  if (len === 0) return "[]";
  const stepback = state.indent;
  const indent = stepback + state.gap;
  state.indent = indent;
  const separator = state.gap === "" ? "," : ",\n" + indent;
  let out = state.gap === "" ? "[" : "[\n" + indent;
  for (let i = 0; i < len; i++) {
    const text = serializeProperty(state, a, "" + i, true, a[i]);
    out += (i > 0 ? separator : "") + (text === undefined ? "null" : text);
  }
  state.indent = stepback;
  return out + (state.gap === "" ? "]" : "\n" + stepback + "]");
}

function serializeObject(state, o) {
  const keys = state.keys !== undefined ? state.keys : jsonKeys(o);
  const stepback = state.indent;
  const indent = stepback + state.gap;
  state.indent = indent;
  const before = state.gap === "" ? "" : "\n" + indent;
  const colon = state.gap === "" ? ":" : ": ";
  let out = "{";
  let any = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const text = serializeProperty(state, o, k, false, o[k]);
    if (text === undefined) continue;
    out += (any ? "," : "") + before + jsonQuote(k) + colon + text;
    any = true;
  }
  state.indent = stepback;
  return out + (any && state.gap !== "" ? "\n" + stepback + "}" : "}");
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
