// convert.cpp — JavaScript's type conversions (ToString, ToNumber, ToPrimitive, ToBoolean,
// ToInt32), its three equalities (===, ==, SameValueZero), typeof, and Map/Set key hashing.
//
// Invariants:
//   * An int-tagged and a double-tagged number with the same value are the same number:
//     every comparison and the key hash go through the numeric value, never the tag.
//   * Strings compare by content (two equal strings need not be the same object: only
//     interned ones are).
//   * Objects become primitives only through ToPrimitive, which may run hosted `valueOf` /
//     `toString` methods; every such call can throw, so the converting entry points return
//     Value::exception() and the caller propagates it.
//   * Array joining remembers the arrays it is inside of, as V8 does: an array that
//     (indirectly) contains itself joins the inner occurrence as "" instead of recursing.
#include "runtime/lib/date_time.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace molt {

bool VM::truthy(Value v) {
    if (v.isBool()) return v.asBool();
    if (v.isInt()) return v.asInt() != 0;
    if (v.isDouble()) {
        double d = v.asDouble();
        return d == d && d != 0;
    }
    if (v.isNullish() || v.isEmpty() || v.isException()) return false;
    if (isString(v)) return asString(v)->length != 0;
    return true;
}

int32_t VM::toInt32(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) return int32_t(d);
    if (d != d || std::isinf(d)) return 0;
    double m = std::fmod(std::trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return int32_t(uint32_t(m));
}

double VM::toNumber(Value v) {
    if (v.isInt()) return v.asInt();
    if (v.isDouble()) return v.asDouble();
    if (v.isUndefined()) return NAN;
    if (v.isNull()) return 0;
    if (v.isBool()) return v.asBool() ? 1 : 0;
    if (isString(v)) return stringToNumber(asString(v)->view());
    return NAN;
}

// ---- ToPrimitive

namespace {

thread_local std::vector<Array*> joinStack;

bool isPrimitive(Value v) {
    return !v.isObject() || isString(v) || isSymbol(v);
}

// Calls a method found on an object, if it is callable; `found` tells whether it was.
Value callIfCallable(VM& vm, Value fn, Value receiver, bool& found) {
    found = isCallableValue(fn);
    if (!found) return Value::undefined();
    return vm.call(fn, receiver, nullptr, 0);
}

// Error.prototype.toString, for error classes that do not define their own.
Value errorToString(VM& vm, Value err) {
    Value name = vm.getProperty(err, vm.names.name);
    if (name.isException()) return name;
    Root nameRoot(vm.heap, name);
    Value message = vm.getProperty(err, vm.names.message);
    if (message.isException()) return message;
    Root messageRoot(vm.heap, message);
    std::string n = name.isUndefined() ? "Error" : vm.toStdString(name);
    std::string m = message.isUndefined() ? "" : vm.toStdString(message);
    if (n.empty()) return vm.str(m);
    if (m.empty()) return vm.str(n);
    return vm.str(n + ": " + m);
}

} // namespace

// An object's own [Symbol.toPrimitive](hint), when its class or record has one: found is
// false when it has none. Its result must be a primitive.
static Value callToPrimitive(VM& vm, Value v, int hint, bool& found) {
    Obj* o = v.asObject();
    Value fn = Value::empty();
    if (o->kind == ObjKind::Record)
        fn = vm.recordGet(static_cast<Record*>(o), vm.symbols.toPrimitive);
    if (fn.isEmpty() && (o->kind == ObjKind::Record || o->kind == ObjKind::Instance))
        fn = vm.lookupMethod(o->klass, vm.symbols.toPrimitive);
    found = !fn.isEmpty() && !fn.isNullish();
    if (!found) return Value::undefined();
    if (!isCallableValue(fn)) return vm.throwTypeError("Symbol.toPrimitive is not a function");
    static const char* const kHints[] = {"default", "number", "string"};
    Value hintName = vm.istr(kHints[hint]);
    Value r = vm.call(fn, v, &hintName, 1);
    if (r.isException() || isPrimitive(r)) return r;
    return vm.throwTypeError("Cannot convert object to primitive value");
}

Value toPrimitive(VM& vm, Value v, int hint) {
    if (isPrimitive(v)) return v;
    Obj* o = v.asObject();
    if (o->kind == ObjKind::Record || o->kind == ObjKind::Instance) {
        bool found;
        Value r = callToPrimitive(vm, v, hint, found);
        if (found) return r;
    }
    switch (o->kind) {
    case ObjKind::Array: return arrayJoin(vm, static_cast<Array*>(o), ",");
    case ObjKind::Closure:
    case ObjKind::Native: return functionSourceText(vm, v);
    case ObjKind::Class:
        if (o->flags & kNamespaceClassFlag)
            return vm.str("[object " + std::string(static_cast<Class*>(o)->name->view()) + "]");
        return functionSourceText(vm, v);
    case ObjKind::Map: return vm.str("[object Map]");
    case ObjKind::Set: return vm.str("[object Set]");
    case ObjKind::Iterator: return vm.str("[object Array Iterator]");
    case ObjKind::RegExp: return vm.str(regexpToText(v));
    case ObjKind::Date: {
        // The one kind whose default hint is string: `d + ""` prints, `d - e` subtracts.
        double t = static_cast<DateObj*>(o)->time;
        if (hint == 1) return Value::number(t);
        return vm.str(std::isnan(t) ? "Invalid Date" : date::toLocalString(t));
    }
    case ObjKind::Record: {
        // A record may carry its own toString/valueOf functions (`{ toString() {...} }`).
        auto* r = static_cast<Record*>(o);
        String* order[2] = {vm.names.valueOf, vm.names.toString};
        if (hint == 2) std::swap(order[0], order[1]);
        for (String* name : order) {
            Value fn = vm.recordGet(r, name);
            if (fn.isEmpty()) continue;
            bool found = false;
            Value result = callIfCallable(vm, fn, v, found);
            if (result.isException()) return result;
            if (found && isPrimitive(result)) return result;
        }
        return vm.str("[object Object]");
    }
    case ObjKind::Instance: {
        Class* cls = vm.classOf(v);
        String* order[2] = {vm.names.valueOf, vm.names.toString};
        if (hint == 2) std::swap(order[0], order[1]);
        bool sawToString = false;
        for (String* name : order) {
            Value fn = vm.lookupMethod(cls, name);
            if (fn.isEmpty()) continue;
            if (name == vm.names.toString) sawToString = true;
            bool found = false;
            Value result = callIfCallable(vm, fn, v, found);
            if (result.isException()) return result;
            if (found && isPrimitive(result)) return result;
        }
        if (!sawToString && isErrorInstance(vm, v)) return errorToString(vm, v);
        if (sawToString) return vm.throwTypeError("Cannot convert object to primitive value");
        return vm.str("[object Object]");
    }
    default: return vm.str("[object Object]");
    }
}

Value arrayJoin(VM& vm, Array* a, std::string_view separator) {
    if (std::find(joinStack.begin(), joinStack.end(), a) != joinStack.end()) return vm.str("");
    joinStack.push_back(a);
    std::string out;
    bool failed = false;
    for (uint32_t i = 0; i < a->length; ++i) {
        if (i > 0) out += separator;
        Value e = a->elements[i];
        if (e.isEmpty() || e.isNullish()) continue;
        if (isString(e)) {
            out += asString(e)->view();
            continue;
        }
        if (e.isNumber()) {
            out += VM::numberToString(e.asNumber());
            continue;
        }
        Value s = vm.toString(e);
        if (s.isException()) {
            failed = true;
            break;
        }
        out += asString(s)->view();
    }
    joinStack.pop_back();
    if (failed) return Value::exception();
    return vm.str(out);
}

Value VM::toString(Value v) {
    if (isString(v)) return v;
    if (v.isInt()) return str(std::to_string(v.asInt()));
    if (v.isDouble()) return str(numberToString(v.asDouble()));
    if (v.isUndefined()) return Value::object(names.undefinedStr);
    if (v.isNull()) return Value::object(names.nullStr);
    if (v.isBool()) return Value::object(v.asBool() ? names.trueStr : names.falseStr);
    if (!v.isObject()) return Value::object(names.undefinedStr);
    if (isSymbol(v)) return throwTypeError("Cannot convert a Symbol value to a string");
    Value p = molt::toPrimitive(*this, v, 2);
    if (p.isException() || isString(p)) return p;
    return toString(p);
}

// Never throws: a hosted toString that throws is reported as "[object Object]" and its
// exception is dropped. Use toString() where the exception must propagate.
std::string VM::toStdString(Value v) {
    if (isString(v)) return std::string(asString(v)->view());
    if (v.isNumber()) return numberToString(v.asNumber());
    if (v.isUndefined()) return "undefined";
    if (v.isNull()) return "null";
    if (v.isBool()) return v.asBool() ? "true" : "false";
    if (!v.isObject()) return "";
    if (isSymbol(v)) return symbolDescriptiveString(as<Symbol>(v));
    bool hadPending = hasPendingException();
    Value s = toString(v);
    if (s.isException()) {
        if (!hadPending) takePendingException();
        return "[object Object]";
    }
    return std::string(asString(s)->view());
}

Value VM::toPrimitiveNumber(Value v) {
    if (v.isNumber()) return v;
    if (v.isObject() && !isString(v)) {
        Value p = molt::toPrimitive(*this, v, 1);
        if (p.isException()) return p;
        if (isSymbol(p)) return throwTypeError("Cannot convert a Symbol value to a number");
        return Value::number(toNumber(p));
    }
    return Value::number(toNumber(v));
}

// ---- equality

static bool stringContentsEqual(Value a, Value b) {
    if (a == b) return true;
    String* x = asString(a);
    String* y = asString(b);
    return x->length == y->length && std::memcmp(x->chars, y->chars, x->length) == 0;
}

bool VM::strictEquals(Value a, Value b) const {
    if (a.isNumber() && b.isNumber()) return a.asNumber() == b.asNumber();
    if (isString(a) && isString(b)) return stringContentsEqual(a, b);
    return a == b;
}

bool VM::sameValueZero(Value a, Value b) const {
    if (a.isNumber() && b.isNumber()) {
        double x = a.asNumber(), y = b.asNumber();
        return x == y || (x != x && y != y);
    }
    if (isString(a) && isString(b)) return stringContentsEqual(a, b);
    return a == b;
}

// May run hosted valueOf/toString on an object operand; if that throws, the result is
// false and the exception is left pending for the caller to notice.
bool VM::looseEquals(Value a, Value b) {
    for (;;) {
        if (a.isNumber() && b.isNumber()) return a.asNumber() == b.asNumber();
        if (isString(a) && isString(b)) return stringContentsEqual(a, b);
        if (a.isNullish() || b.isNullish()) return a.isNullish() && b.isNullish();
        if (a.isBool() && b.isBool()) return a == b;
        bool aObj = a.isObject() && !isString(a) && !isSymbol(a);
        bool bObj = b.isObject() && !isString(b) && !isSymbol(b);
        // A symbol equals only itself (or an object whose primitive it is, below).
        if ((isSymbol(a) || isSymbol(b)) && !aObj && !bObj) return a == b;
        if (aObj && bObj) return a == b;
        if (a.isBool()) {
            a = Value::integer(a.asBool() ? 1 : 0);
            continue;
        }
        if (b.isBool()) {
            b = Value::integer(b.asBool() ? 1 : 0);
            continue;
        }
        if (aObj) {
            Root keep(heap, b);
            a = molt::toPrimitive(*this, a, 0);
            if (a.isException()) return false;
            b = keep.value;
            continue;
        }
        if (bObj) {
            Root keep(heap, a);
            b = molt::toPrimitive(*this, b, 0);
            if (b.isException()) return false;
            a = keep.value;
            continue;
        }
        // number vs string
        if (a.isNumber() && isString(b)) return a.asNumber() == toNumber(b);
        if (isString(a) && b.isNumber()) return toNumber(a) == b.asNumber();
        return false;
    }
}

Value VM::typeOf(Value v) {
    if (v.isUndefined() || v.isEmpty()) return Value::object(names.undefinedStr);
    if (v.isNull()) return Value::object(names.objectStr);
    if (v.isBool()) return Value::object(names.booleanStr);
    if (v.isNumber()) return Value::object(names.numberStr);
    if (isString(v)) return Value::object(names.stringStr);
    if (isSymbol(v)) return Value::object(names.symbolStr);
    if (isCallableValue(v)) return Value::object(names.functionStr);
    return Value::object(names.objectStr);
}

// ---- Map/Set keys: SameValueZero

size_t ValueKeyHash::operator()(Value v) const {
    if (v.isNumber()) {
        double d = v.asNumber();
        if (d == 0) d = 0; // -0 and 0 are one key
        if (d != d) return 0x7ff8;
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        return std::hash<uint64_t>()(bits);
    }
    if (isString(v)) return std::hash<std::string_view>()(asString(v)->view());
    return std::hash<uint64_t>()(v.bits());
}

bool ValueKeyEq::operator()(Value a, Value b) const {
    if (a.isNumber() && b.isNumber()) {
        double x = a.asNumber(), y = b.asNumber();
        return x == y || (x != x && y != y);
    }
    if (isString(a) && isString(b)) return stringContentsEqual(a, b);
    return a == b;
}

} // namespace molt
