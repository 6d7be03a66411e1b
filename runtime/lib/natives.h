// natives.h — helpers shared by the built-in library (convert, numbers, inspect, builtins_*).
//
// Conventions every native follows:
//   * Arguments past `argc` are not readable: use `arg(args, argc, i)`, which gives
//     undefined for missing ones, exactly as JavaScript does.
//   * `args` points into the calling thread's value stack. A native that calls back into
//     hosted code (vm.call) copies the arguments it still needs into locals first: the
//     values stay alive (the caller's frame holds them), but the pointer is not promised to.
//   * Anything a native allocates and still needs after a further allocation is held in a
//     `Root`; objects reachable from `thisValue`, the arguments or a rooted object need none.
//   * A native that throws stores the exception in the VM (vm.throwTypeError ...) and
//     returns Value::exception(); every call into hosted code is checked with isException()
//     and propagated immediately.
//
// Strings are UTF-8 (WTF-8: a lone surrogate is kept as its 3-byte encoding) while
// JavaScript indexes UTF-16 code units. ASCII strings take byte-indexed fast paths; the
// others are converted to UTF-16 for the operation and back.
#pragma once

#include "runtime/core/object.h"
#include "runtime/core/utf8.h"
#include "runtime/core/value.h"
#include "runtime/core/vm.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace molt {

// ---- arguments
inline Value arg(const Value* args, int argc, int i) {
    return i < argc ? args[i] : Value::undefined();
}

// Class::flags bit marking a namespace object (Math, JSON, console, process, performance,
// Object): typeof gives "object" and the inspector prints `Object [Math] {}` for them.
constexpr uint8_t kNamespaceClassFlag = 0x40;
Class* newNamespace(VM& vm, std::string_view name);

// ---- UTF-8 / UTF-16 (the codec itself is runtime/core/utf8.h)
// The UTF-16 units of a non-ASCII string, converted on first use and kept with it.
const std::u16string& utf16Units(String* s);
bool isJsWhitespace(uint32_t codePoint);
// The text between JavaScript's whitespace at both ends (String.prototype.trim).
std::string_view trimJsWhitespace(std::string_view s, bool start = true, bool end = true);

// ---- values
bool isCallableValue(Value v);
bool isErrorInstance(VM& vm, Value v);
// Calls f(String* key, Value value) for each enumerable own property of `in`, in order:
// its assigned public fields, then the properties added to an Error. An Error's `message`,
// `stack` and `cause` are own but not enumerable, as in JavaScript. `f` may allocate as long as
// `in` stays reachable (the collector does not move objects).
template<typename F> void forEachOwnProperty(VM& vm, Instance* in, F&& f) {
    Class* cls = in->klass;
    bool isError = vm.errorClass && cls->isSubclassOf(vm.errorClass);
    for (uint32_t i = 0; i < in->slotCount && i < cls->fields.size(); ++i) {
        String* name = cls->fields[i];
        if (in->slots[i].isEmpty() || (!name->view().empty() && name->view()[0] == '#')) continue;
        if (isError &&
            (name == vm.names.message || name == vm.names.stack || name == vm.names.cause))
            continue;
        f(name, in->slots[i]);
    }
    if (Record* props = vm.errorProperties(in))
        for (size_t i = 0; i < props->keys.size(); ++i)
            if (props->isLive(i)) f(props->keys[i], props->values[i]);
}
// A string Value for `v`: the string itself, or ToString(v) (may throw: check isException).
Value toStringValue(VM& vm, Value v);
// ToIntegerOrInfinity of an argument (undefined -> 0); exception-free for primitives.
// Returns false (exception pending) if converting an object threw.
bool toIntegerArg(VM& vm, Value v, double& out);
// Clamps a relative index (negative counts from `length`) into [0, length].
int64_t relativeIndex(double rel, int64_t length);
// Property key as a std::string ("1" for 1, the string for strings).
std::string propertyKeyOf(VM& vm, Value key);
// ToPrimitive (hint: 0 default, 1 number, 2 string); may call hosted valueOf/toString.
Value toPrimitive(VM& vm, Value v, int hint);
// Array.prototype.join with cycle detection (a cyclic element joins as "").
Value arrayJoin(VM& vm, Array* a, std::string_view separator);

// ---- strings (builtins_string.cpp; the VM's s[i] and string iteration use these)
// The UTF-16 code unit at `index` as a one-unit string; undefined past the end.
Value stringCharAt(VM& vm, String* s, uint32_t index);
// The code point starting at byte `bytePos` as a string; advances bytePos past it.
Value stringCodePointAt(VM& vm, String* s, uint32_t& bytePos);

// ---- numbers (numbers.cpp)
double stringToNumber(std::string_view s);
// radix 0: not given (10, or 16 after a 0x prefix); outside 2..36 gives NaN.
double parseIntString(std::string_view s, int radix);
double parseFloatString(std::string_view s);
std::string numberToFixed(double x, int digits);
std::string numberToPrecision(double x, int precision);
std::string numberToExponential(double x, int digits, bool digitsGiven);
std::string numberToRadix(double x, int radix);

// V8's short rendering of a value in TypeErrors: 5, abc, #<Object>, #<Point>, [object Array].
std::string describeForError(VM& vm, Value v);
// Throws "TypeError: <v> is not a function" and returns Value::exception().
Value throwNotAFunction(VM& vm, Value v);

// ---- elementary functions (jsmath.cpp: V8's, from fdlibm; see there). jsPow is
// also the semantics of the ** operator: 1 ** NaN and (+-1) ** +-Infinity are NaN.
double jsPow(double x, double y);
double jsExp(double x);
double jsLog(double x);
double jsLog10(double x);
double jsCbrt(double x);
double jsSin(double x);
double jsCos(double x);
double jsTan(double x);
double jsAsin(double x);
double jsAcos(double x);
double jsAtan(double x);
double jsAtan2(double y, double x);
double jsSinh(double x);
double jsCosh(double x);
double jsAsinh(double x);
double jsAcosh(double x);
double jsExpm1(double x);
double jsLog1p(double x);
double jsLog2(double x);
double jsTanh(double x);
double jsAtanh(double x);

// ---- iteration over the built-in iterables (arrays, strings, Map, Set, iterators,
// records' keys). `fn` returns false to stop early. Returns false when an exception is
// pending (either `iterable` is not iterable or `fn` threw and said so by returning false
// with an exception pending).
bool forEachIterable(VM& vm, Value iterable, const std::function<bool(Value)>& fn);
// Steps an Iterator object: 1 = produced *out, 0 = done.
int iteratorStep(VM& vm, Iterator* it, Value* out);

// ---- Map/Set storage (builtins_mapset.cpp), used by constructors and Array.from
void mapSetEntry(VM& vm, MapObj* m, Value key, Value value);
void setAddValue(VM& vm, MapObj* s, Value value);

// ---- Date (builtins_date.cpp): a new Date with time value `time` (NaN: invalid)
Value newDateValue(VM& vm, double time);

// ---- JSON (builtins_json.cpp), used by console's %j
// JSON.stringify(value): a string Value, undefined, or exception.
Value jsonStringify(VM& vm, Value value, Value replacer, Value indent);
// The natives of the hosted JSON bodies (internal/builtins_json): the keys JSON serializes
// of an object, a string's JSON text, pieces joined, the message of a cycle, a reviver's deletion.
Value jsonKeys(VM& vm, Value, Value* args, int argc);
Value jsonQuote(VM& vm, Value, Value* args, int argc);
Value jsonKey(VM& vm, Value, Value* args, int argc);
Value jsonConcat(VM& vm, Value, Value* args, int argc);
Value jsonCircularMessage(VM& vm, Value, Value* args, int argc);
Value jsonDelete(VM& vm, Value, Value* args, int argc);
// The natives of the hosted Map and Set constructors' halves (internal/builtins_collections):
// mapAddEntry(map, entry) with the constructor's checks, setAddValue(set, value).
Value mapAddEntry(VM& vm, Value, Value* args, int argc);
Value setAddValueNative(VM& vm, Value, Value* args, int argc);
// fromEntriesAdd(record, entry): Object.fromEntries' step, for its hosted body.
Value fromEntriesAdd(VM& vm, Value, Value* args, int argc);

// ---- regular expressions (builtins_regexp.cpp); `subject` is a string, `regexp` a RegExp
// String.prototype.replace / replaceAll (all) with a RegExp pattern and a replacement that
// is not a function (converted to a string).
Value regexpReplace(VM& vm, Value subject, Value regexp, Value replacement, bool all);
// The same with a function, for its hosted body (hosted_methods.h): [text, args, text, args,
// …, text], the text between the replaced matches and each match's replacer arguments.
Value regexpReplaceParts(VM& vm, Value subject, Value regexp, bool all);
// internal/builtins_support's replaceParts(subject, pattern, all): the same for a string or
// RegExp pattern, `subject` and `pattern` converted as replace converts them.
Value replaceParts(VM& vm, Value, Value* args, int argc);
// String.prototype.split with a RegExp separator.
Value regexpSplit(VM& vm, Value subject, Value regexp, Value limit);
// "/source/flags", as toString and console.log show a RegExp.
std::string regexpToText(Value regexp);

// ---- inspect (inspect.cpp)
struct InspectOptions {
    int depth = 2; // -1: unlimited
    bool showHidden = false;
};
std::string inspectWith(VM& vm, Value v, const InspectOptions& options);
// node's formatNumber: -0 prints as "-0".
std::string formatNumberForInspect(double d);

} // namespace molt
