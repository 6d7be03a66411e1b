// builtins_object.cpp — the `Object` namespace (keys, values, entries, assign,
// fromEntries, hasOwn, is) and the methods records answer to (hasOwnProperty, toString).
//
// "Own enumerable properties" per kind, in the order JavaScript lists them:
//   records    their keys (integer-like keys first, then insertion order: Record keeps it)
//   instances  the class layout's fields, minus private (#) fields and never-set slots
//   arrays     the indices of the elements that are not holes
//   strings    one index per UTF-16 code unit
//   classes    their public static fields
// Everything else (numbers, functions, Map, Set, ...) has none; null and undefined throw.
#include "runtime/core/private_name.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

#include <cmath>

namespace molt {

namespace {

enum class Want { Keys, Values, Entries };

Value throwNullish(VM& vm) {
    return vm.throwTypeError("Cannot convert undefined or null to object");
}

// Appends key, value or [key, value] to `out` (which the caller roots).
void emit(VM& vm, Array* out, Want want, Value key, Value value) {
    if (want == Want::Values) {
        vm.arrayPush(out, value);
        return;
    }
    if (want == Want::Keys) {
        vm.arrayPush(out, key);
        return;
    }
    Root keepKey(vm.heap, key);
    Root keepValue(vm.heap, value);
    Array* pair = vm.newArray(2);
    vm.arrayPush(pair, keepKey.value);
    vm.arrayPush(pair, keepValue.value);
    vm.arrayPush(out, Value::object(pair));
}

Value indexKey(VM& vm, uint32_t i) {
    return vm.str(std::to_string(i));
}

// Own enumerable properties of obj into out; false with an exception pending on failure.
bool collectOwn(VM& vm, Value obj, Want want, Array* out) {
    if (obj.isNullish()) {
        throwNullish(vm);
        return false;
    }
    if (!obj.isObject()) return true;
    Obj* o = obj.asObject();
    switch (o->kind) {
    case ObjKind::Closure:
    case ObjKind::Native:
        if (!functionProps(o)) return true;
        [[fallthrough]];
    case ObjKind::Record: {
        auto* r = o->kind == ObjKind::Record ? static_cast<Record*>(o) : functionProps(o);
        for (size_t i = 0; i < r->keys.size(); ++i) {
            if (i >= r->keys.size() || r->values[i].isEmpty() || isSymbolKey(r->keys[i])) continue;
            Value key = Value::object(r->keys[i]);
            Value v = want == Want::Keys ? r->values[i] : vm.recordRead(r, i, obj);
            if (v.isException()) return false;
            emit(vm, out, want, key, v);
        }
        return true;
    }
    case ObjKind::Instance:
        forEachOwnProperty(vm, static_cast<Instance*>(o), [&](String* key, Value v) {
            emit(vm, out, want, Value::object(key), v);
        });
        return true;
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        for (uint32_t i = 0; i < a->length; ++i) {
            if (a->elements[i].isEmpty()) continue;
            Value key = want == Want::Values ? Value::undefined() : indexKey(vm, i);
            emit(vm, out, want, key, a->elements[i]);
        }
        return true;
    }
    case ObjKind::String: {
        auto* s = static_cast<String*>(o);
        for (uint32_t i = 0; i < s->utf16Length; ++i) {
            Root key(vm.heap, want == Want::Values ? Value::undefined() : indexKey(vm, i));
            Value ch = want == Want::Keys ? Value::undefined() : stringCharAt(vm, s, i);
            emit(vm, out, want, key.value, ch);
        }
        return true;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        for (size_t i = 0; i < c->staticNames.size() && i < c->staticValues.size(); ++i) {
            String* n = c->staticNames[i];
            if (PrivateName::isPrivate(n->view()) || isSymbolKey(n)) continue;
            if (c->staticValues[i].isEmpty()) continue;
            emit(vm, out, want, Value::object(n), c->staticValues[i]);
        }
        return true;
    }
    default: return true;
    }
}

Value collect(VM& vm, Value obj, Want want) {
    Root keepObj(vm.heap, obj);
    Array* out = vm.newArray();
    Root keep(vm.heap, Value::object(out));
    if (!collectOwn(vm, obj, want, out)) return Value::exception();
    return keep.value;
}

Value objectKeys(VM& vm, Value, Value* args, int argc) {
    return collect(vm, arg(args, argc, 0), Want::Keys);
}
// Object.getOwnPropertyNames: the keys, and the non-enumerable own properties node's
// values have: an error's `stack`, then `message` and `cause` when it was given them (in
// V8's order, ahead of the other keys), an array's and a string's `length` after the indices.
Value objectGetOwnPropertyNames(VM& vm, Value, Value* args, int argc) {
    Value obj = arg(args, argc, 0);
    Root keepObj(vm.heap, obj);
    Array* out = vm.newArray();
    Root keep(vm.heap, Value::object(out));
    if (isKind(obj, ObjKind::Instance) && vm.errorClass &&
        obj.asObject()->klass->isSubclassOf(vm.errorClass)) {
        auto* in = as<Instance>(obj);
        for (String* name : {vm.names.stack, vm.names.message, vm.names.cause}) {
            int slot = in->klass->findSlot(name);
            if (slot >= 0 && uint32_t(slot) < in->slotCount && !in->slots[slot].isEmpty())
                vm.arrayPush(out, Value::object(name));
        }
    }
    if (!collectOwn(vm, obj, Want::Keys, out)) return Value::exception();
    if (isKind(obj, ObjKind::Array) || isKind(obj, ObjKind::String))
        vm.arrayPush(out, Value::object(vm.names.length));
    return keep.value;
}
Value objectValues(VM& vm, Value, Value* args, int argc) {
    return collect(vm, arg(args, argc, 0), Want::Values);
}
Value objectEntries(VM& vm, Value, Value* args, int argc) {
    return collect(vm, arg(args, argc, 0), Want::Entries);
}

bool isArrayIndex(std::string_view k, uint32_t& index) {
    if (k.empty() || k.size() > 10 || (k.size() > 1 && k[0] == '0')) return false;
    uint64_t n = 0;
    for (char c : k) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + uint64_t(c - '0');
    }
    if (n >= 4294967295ull) return false;
    index = uint32_t(n);
    return true;
}

// target[key] = value, with array indices going through setIndex.
Value setKey(VM& vm, Value target, String* key, Value value) {
    uint32_t index;
    if (isKind(target, ObjKind::Array) && isArrayIndex(key->view(), index))
        return vm.setIndex(target, Value::number(double(index)), value);
    Root keepValue(vm.heap, value);
    String* name = key->interned ? key : vm.intern(key->view());
    return vm.setProperty(target, name, keepValue.value);
}

// Own symbol-keyed properties of obj, in the order they were added (getOwnPropertySymbols).
void collectSymbols(VM& vm, Value obj, Array* out) {
    if (!obj.isObject()) return;
    Obj* o = obj.asObject();
    auto fromTable = [&](Record* r) {
        if (!r) return;
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i) && isSymbolKey(r->keys[i]))
                vm.arrayPush(out, Value::object(r->keys[i]));
    };
    switch (o->kind) {
    case ObjKind::Record: fromTable(static_cast<Record*>(o)); break;
    case ObjKind::Closure:
    case ObjKind::Native: fromTable(functionProps(o)); break;
    case ObjKind::Array: fromTable(static_cast<Array*>(o)->props); break;
    case ObjKind::Instance: fromTable(vm.errorProperties(o)); break;
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        for (size_t i = 0; i < c->staticNames.size() && i < c->staticValues.size(); ++i)
            if (isSymbolKey(c->staticNames[i]) && !c->staticValues[i].isEmpty())
                vm.arrayPush(out, Value::object(c->staticNames[i]));
        break;
    }
    default: break;
    }
}

Value objectAssign(VM& vm, Value, Value* args, int argc) {
    Value target = arg(args, argc, 0);
    if (target.isNullish()) return throwNullish(vm);
    std::vector<Value> sources(args + std::min(argc, 1), args + argc);
    Root keepTarget(vm.heap, target);
    for (Value source : sources) {
        if (source.isNullish()) continue;
        Value entries = collect(vm, source, Want::Entries);
        if (entries.isException()) return entries;
        Root keepEntries(vm.heap, entries);
        Array* list = as<Array>(entries);
        for (uint32_t i = 0; i < list->length; ++i) {
            Array* pair = as<Array>(list->elements[i]);
            Value r = setKey(vm, target, asString(pair->elements[0]), pair->elements[1]);
            if (r.isException()) return r;
        }
        // Then its symbol-keyed properties, as JavaScript copies them after the strings.
        Array* symbols = vm.newArray();
        Root keepSymbols(vm.heap, Value::object(symbols));
        collectSymbols(vm, source, symbols);
        for (uint32_t i = 0; i < symbols->length; ++i) {
            Value v = vm.getProperty(source, asString(symbols->elements[i]));
            if (v.isException()) return v;
            Value r = setKey(vm, target, asString(symbols->elements[i]), v);
            if (r.isException()) return r;
        }
    }
    return target;
}

// Object.fromEntries' step: entry's [0] and [1] as a property of `out`. False with an
// exception pending.
bool addFromEntry(VM& vm, Record* out, Value entry) {
    if (!entry.isObject() || isString(entry)) {
        vm.throwTypeError("Iterator value " + vm.toStdString(entry) + " is not an entry object");
        return false;
    }
    Root keepEntry(vm.heap, entry);
    Value k = vm.getIndex(entry, Value::integer(0));
    if (k.isException()) return false;
    Root keepK(vm.heap, k);
    Value v = vm.getIndex(keepEntry.value, Value::integer(1));
    if (v.isException()) return false;
    Root keepV(vm.heap, v);
    Value ks = toStringValue(vm, keepK.value);
    if (ks.isException()) return false;
    Root keepKs(vm.heap, ks);
    vm.recordSet(out, vm.intern(asString(ks)->view()), keepV.value);
    return true;
}

// A hosted method (hosted_methods.h): a generator or user iterable is walked by the body,
// internal/builtins_collections' Function$fromEntries, so its code runs as frames.
Value objectFromEntries(VM& vm, Value, Value* args, int argc) {
    Value iterable = arg(args, argc, 0);
    if (int hosted = hostedIterable(vm, iterable); hosted != 0)
        return hosted < 0 ? Value::exception() : Value::empty();
    Record* out = vm.newRecord();
    Root keep(vm.heap, Value::object(out));
    bool ok =
        forEachIterable(vm, iterable, [&](Value entry) { return addFromEntry(vm, out, entry); });
    if (!ok) return Value::exception();
    return keep.value;
}

} // namespace

Value fromEntriesAdd(VM& vm, Value, Value* args, int argc) {
    Value out = arg(args, argc, 0);
    if (!isKind(out, ObjKind::Record)) return vm.throwTypeError("fromEntriesAdd: expects a record");
    if (!addFromEntry(vm, as<Record>(out), arg(args, argc, 1))) return Value::exception();
    return Value::undefined();
}

namespace {

Value objectGetOwnPropertySymbols(VM& vm, Value, Value* args, int argc) {
    Value obj = arg(args, argc, 0);
    if (obj.isNullish()) return vm.throwTypeError("Cannot convert undefined or null to object");
    Array* out = vm.newArray();
    Root keep(vm.heap, Value::object(out));
    collectSymbols(vm, obj, out);
    return keep.value;
}

bool hasOwn(VM& vm, Value obj, Value key, bool& result) {
    if (isSymbol(key)) {
        // A symbol is its own key: only the tables that can hold one are asked.
        Array* found = vm.newArray();
        Root keep(vm.heap, Value::object(found));
        collectSymbols(vm, obj, found);
        result = false;
        for (uint32_t i = 0; i < found->length; ++i)
            if (found->elements[i] == key) result = true;
        return true;
    }
    Value ks = toStringValue(vm, key);
    if (ks.isException()) return false;
    std::string_view k = asString(ks)->view();
    result = false;
    if (!obj.isObject()) return true;
    Obj* o = obj.asObject();
    switch (o->kind) {
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i) && r->keys[i]->view() == k) result = true;
        return true;
    }
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        Class* cls = in->klass;
        for (uint32_t i = 0; i < in->slotCount && i < cls->fields.size(); ++i)
            if (cls->fields[i]->view() == k && !PrivateName::isPrivate(k))
                result = !in->slots[i].isEmpty();
        if (Record* props = vm.errorProperties(in))
            for (size_t i = 0; i < props->keys.size(); ++i)
                if (props->isLive(i) && props->keys[i]->view() == k) result = true;
        return true;
    }
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        uint32_t index;
        if (k == "length")
            result = true;
        else if (isArrayIndex(k, index))
            result = index < a->length && !a->elements[index].isEmpty();
        return true;
    }
    case ObjKind::String: {
        uint32_t index;
        if (k == "length")
            result = true;
        else if (isArrayIndex(k, index))
            result = index < static_cast<String*>(o)->utf16Length;
        return true;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        for (String* n : c->staticNames)
            if (n->view() == k) result = true;
        if (c->staticMethods.count(vm.intern(k))) result = true;
        return true;
    }
    default: return true;
    }
}

Value objectHasOwnProperty(VM& vm, Value thisValue, Value* args, int argc) {
    if (thisValue.isNullish()) return throwNullish(vm);
    bool result;
    if (!hasOwn(vm, thisValue, arg(args, argc, 0), result)) return Value::exception();
    return Value::boolean(result);
}

Value objectHasOwn(VM& vm, Value, Value* args, int argc) {
    Value obj = arg(args, argc, 0);
    if (obj.isNullish()) return throwNullish(vm);
    bool result;
    if (!hasOwn(vm, obj, arg(args, argc, 1), result)) return Value::exception();
    return Value::boolean(result);
}

// Object.is: SameValue (NaN is NaN, +0 is not -0).
Value objectIs(VM& vm, Value, Value* args, int argc) {
    Value a = arg(args, argc, 0), b = arg(args, argc, 1);
    if (a.isNumber() && b.isNumber()) {
        double x = a.asNumber(), y = b.asNumber();
        if (x != x && y != y) return Value::boolean(true);
        return Value::boolean(x == y && std::signbit(x) == std::signbit(y));
    }
    return Value::boolean(vm.strictEquals(a, b));
}

// ---- integrity levels (object.h, kIntegrityMask)

// Whether `v` can carry an integrity level: classes keep ClassFlag bits in their flags.
bool lockable(Value v) {
    return v.isObject() && !isString(v) && v.asObject()->kind != ObjKind::Class &&
           v.asObject()->kind != ObjKind::Module;
}

template<uint8_t level> Value lockObject(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (lockable(v)) v.asObject()->flags |= level;
    return v;
}

// An object that is not extensible and has no own properties is frozen and sealed too.
bool hasNoOwnProperties(VM& vm, Value v, bool& none) {
    Root keep(vm.heap, v);
    Array* out = vm.newArray();
    Root keepOut(vm.heap, Value::object(out));
    if (!collectOwn(vm, v, Want::Keys, out)) return false;
    none = out->length == 0 && !(isKind(v, ObjKind::Array) && as<Array>(v)->length > 0) &&
           !isErrorInstance(vm, v);
    return true;
}

template<uint8_t level> Value isLocked(VM& vm, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (!v.isObject() || isString(v)) return Value::boolean(true);
    if (!lockable(v)) return Value::boolean(false);
    uint8_t flags = v.asObject()->flags;
    if (flags & (level | kFrozenFlag)) return Value::boolean(true);
    if (!(flags & kIntegrityMask)) return Value::boolean(false);
    bool none = false;
    if (!hasNoOwnProperties(vm, v, none)) return Value::exception();
    return Value::boolean(none);
}

Value objectIsExtensible(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (!v.isObject() || isString(v)) return Value::boolean(false);
    return Value::boolean(!lockable(v) || !(v.asObject()->flags & kIntegrityMask));
}

// Object.prototype.toString: node's "[object Tag]", also when borrowed
// (`Object.prototype.toString.call([])`, the classic type test).
Value recordToString(VM& vm, Value thisValue, Value*, int) {
    const char* tag = "Object";
    if (thisValue.isUndefined()) tag = "Undefined";
    else if (thisValue.isNull()) tag = "Null";
    else if (thisValue.isBool()) tag = "Boolean";
    else if (thisValue.isNumber()) tag = "Number";
    else if (isString(thisValue)) tag = "String";
    else if (vm.isCallable(thisValue) || isKind(thisValue, ObjKind::Class)) tag = "Function";
    else if (isKind(thisValue, ObjKind::Array)) tag = "Array";
    else if (isKind(thisValue, ObjKind::Date)) tag = "Date";
    else if (isKind(thisValue, ObjKind::Map)) tag = "Map";
    else if (isKind(thisValue, ObjKind::Set)) tag = "Set";
    else if (isKind(thisValue, ObjKind::WeakMap)) tag = "WeakMap";
    else if (isKind(thisValue, ObjKind::WeakSet)) tag = "WeakSet";
    else if (vm.regexpClass && vm.instanceOf(thisValue, vm.regexpClass)) tag = "RegExp";
    else if (vm.errorClass && vm.instanceOf(thisValue, vm.errorClass)) tag = "Error";
    else if (thisValue.isObject()) {
        Value own = vm.getIndex(thisValue, Value::object(vm.symbols.toStringTag));
        if (own.isException()) return own;
        if (isString(own)) return vm.str("[object " + std::string(asString(own)->view()) + "]");
    }
    return vm.str(std::string("[object ") + tag + "]");
}

// Object.getPrototypeOf (decision 0020): what node's chain would show, in Molt's terms. An
// object's prototype is its class's prototypeView; a view's is its superclass's (Object's
// for a base class, null for Object's own); a class's is the class it extends, else
// Function.prototype; a record made by Object.create(null)-like code has none.
Value prototypeOfValue(VM& vm, Value v) {
    if (isKind(v, ObjKind::Record)) {
        auto* r = as<Record>(v);
        if (r->flags & Record::kNullPrototypeFlag) return Value::null();
        if (Class* c = vm.classOfPrototypeView(r)) {
            if (c->super) return vm.prototypeView(c->super);
            return c == vm.objectClass ? Value::null() : vm.prototypeView(vm.objectClass);
        }
    }
    if (isKind(v, ObjKind::Class)) {
        Class* c = as<Class>(v);
        if (c->super && c->super != vm.objectClass) return Value::object(c->super);
        return vm.prototypeView(vm.functionClass);
    }
    Class* k = vm.classOf(v);
    return k ? vm.prototypeView(k) : Value::null();
}

Value objectGetPrototypeOf(VM& vm, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (v.isNullish()) return vm.throwTypeError("Cannot convert undefined or null to object");
    return prototypeOfValue(vm, v);
}

// Object.create: of the prototypes Molt has (decision 0021), the two a record can have. A
// null prototype makes a dictionary without inherited keys (`[Object: null prototype] {}`).
Value objectCreate(VM& vm, Value, Value* args, int argc) {
    Value proto = arg(args, argc, 0);
    Value objectPrototype = vm.prototypeView(vm.objectClass);
    if (!proto.isNull() && !(proto.isObject() && proto.asObject() == objectPrototype.asObject())) {
        if (!proto.isObject())
            return vm.throwTypeError("Object prototype may only be an Object or null: " +
                                     vm.toStdString(proto));
        return vm.throwTypeError("Object.create supports only null and Object.prototype as the "
                                 "prototype; for others write a class (decision 0021)");
    }
    if (argc > 1 && !args[1].isUndefined())
        return vm.throwTypeError("Object.create's property descriptors are not supported");
    Record* r = vm.newRecord();
    if (proto.isNull()) r->flags |= Record::kNullPrototypeFlag;
    return Value::object(r);
}

// Object.prototype.isPrototypeOf: whether `this` is on v's chain (as getPrototypeOf walks it).
Value objectIsPrototypeOf(VM& vm, Value thisValue, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (!v.isObject()) return Value::boolean(false);
    if (thisValue.isNullish()) return throwNullish(vm);
    for (Value p = prototypeOfValue(vm, v); p.isObject(); p = prototypeOfValue(vm, p))
        if (p.asObject() == thisValue.asObject()) return Value::boolean(true);
    return Value::boolean(false);
}

Value recordValueOf(VM&, Value thisValue, Value*, int) {
    return thisValue;
}

} // namespace

void installObjectBuiltins(VM& vm) {
    Class* o = vm.objectClass;
    vm.defineStaticMethod(o, "keys", objectKeys, 1);
    vm.defineStaticMethod(o, "values", objectValues, 1);
    vm.defineStaticMethod(o, "entries", objectEntries, 1);
    vm.defineStaticMethod(o, "getOwnPropertyNames", objectGetOwnPropertyNames, 1);
    vm.defineStaticMethod(o, "getOwnPropertySymbols", objectGetOwnPropertySymbols, 1);
    vm.defineStaticMethod(o, "assign", objectAssign, 2);
    defineHostedMethod(vm, o, "fromEntries", objectFromEntries, 1, "internal/builtins_collections",
                       true);
    vm.defineStaticMethod(o, "hasOwn", objectHasOwn, 2);
    vm.defineStaticMethod(o, "is", objectIs, 2);
    vm.defineStaticMethod(o, "preventExtensions", lockObject<kNotExtensibleFlag>, 1);
    vm.defineStaticMethod(o, "seal", lockObject<kNotExtensibleFlag | kSealedFlag>, 1);
    vm.defineStaticMethod(o, "freeze", lockObject<kIntegrityMask>, 1);
    vm.defineStaticMethod(o, "isExtensible", objectIsExtensible, 1);
    vm.defineStaticMethod(o, "isSealed", isLocked<kSealedFlag>, 1);
    vm.defineStaticMethod(o, "isFrozen", isLocked<kFrozenFlag>, 1);
    vm.defineStaticMethod(o, "getPrototypeOf", objectGetPrototypeOf, 1);
    vm.defineStaticMethod(o, "create", objectCreate, 2);
    vm.defineMethod(o, "hasOwnProperty", objectHasOwnProperty, 1);
    vm.defineMethod(o, "isPrototypeOf", objectIsPrototypeOf, 1);
    vm.defineMethod(o, "toString", recordToString, 0);
    vm.defineMethod(o, "valueOf", recordValueOf, 0);
}

} // namespace molt
