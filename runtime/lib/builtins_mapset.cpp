// builtins_mapset.cpp — Map and Set, and their weak forms WeakMap, WeakSet (the same
// storage, keys that are objects or unregistered symbols, no iteration, no size) and WeakRef.
// What makes them weak is the collector's business (heap_weak.cpp, decision 0017).
//
// Storage (object.h's MapObj): `keys` (and, for a Map, the parallel `values`) hold the
// entries in insertion order; `index` maps a key to its position; `liveCount` counts the
// entries that are not deleted. A Set keeps its elements in `keys` and leaves `values`
// empty.
//
// Invariants:
//   * Deleting tombstones the entry (key := Value::empty()) instead of erasing it, so
//     positions stay valid for iterators in flight: JavaScript lets a loop delete entries
//     of the collection it walks, and entries added during the walk are visited.
//   * Keys are compared with SameValueZero (ValueKeyHash/ValueKeyEq), and -0 is stored
//     as +0, as Map.prototype.set normalizes it.
//   * Tombstones are compacted on insertion once they outnumber the live entries (and
//     there are at least kCompactMinimum of them). Compaction renumbers positions: an
//     iterator that is walking the collection at that moment may skip entries. Doing it
//     only on insertion keeps delete-while-iterating (the common case) exact.
#include "runtime/lib/function_values.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

#include <cstdlib>
#include <cstring>

namespace molt {

namespace {

constexpr size_t kCompactMinimum = 16;

Value normalizeKey(Value key) {
    if (key.isDouble() && key.asDouble() == 0) return Value::integer(0);
    return key;
}

void compactIfSparse(MapObj* m, bool isSet) {
    size_t dead = m->keys.size() - m->liveCount;
    if (dead < kCompactMinimum || dead <= m->liveCount) return;
    size_t out = 0;
    for (size_t i = 0; i < m->keys.size(); ++i) {
        if (m->keys[i].isEmpty()) continue;
        m->keys[out] = m->keys[i];
        if (!isSet) m->values[out] = m->values[i];
        ++out;
    }
    m->keys.resize(out);
    if (!isSet) m->values.resize(out);
    m->index.clear();
    for (size_t i = 0; i < out; ++i)
        m->index.emplace(m->keys[i], uint32_t(i));
}

int findEntry(MapObj* m, Value key) {
    auto it = m->index.find(normalizeKey(key));
    return it == m->index.end() ? -1 : int(it->second);
}

void insertEntry(MapObj* m, Value key, Value value, bool isSet) {
    key = normalizeKey(key);
    auto it = m->index.find(key);
    if (it != m->index.end()) {
        if (!isSet) m->values[it->second] = value;
        return;
    }
    compactIfSparse(m, isSet);
    m->index.emplace(key, uint32_t(m->keys.size()));
    m->keys.push_back(key);
    if (!isSet) m->values.push_back(value);
    m->liveCount++;
}

bool deleteEntry(MapObj* m, Value key, bool isSet) {
    auto it = m->index.find(normalizeKey(key));
    if (it == m->index.end()) return false;
    uint32_t pos = it->second;
    m->index.erase(it);
    m->keys[pos] = Value::empty();
    if (!isSet) m->values[pos] = Value::undefined();
    m->liveCount--;
    return true;
}

void clearEntries(MapObj* m) {
    // Iterators in flight keep positions past the new end and so finish, as JavaScript's do.
    m->keys.clear();
    m->values.clear();
    m->index.clear();
    m->liveCount = 0;
}

MapObj* thisCollection(VM& vm, Value thisValue, ObjKind kind, const char* method) {
    if (isKind(thisValue, kind)) return as<MapObj>(thisValue);
    const char* type = kind == ObjKind::Map ? "Map" : "Set";
    vm.throwTypeError(std::string("Method ") + type + ".prototype." + method +
                      " called on incompatible receiver " + describeForError(vm, thisValue));
    return nullptr;
}

#define THIS_MAP(method)                                                                           \
    MapObj* m = thisCollection(vm, thisValue, ObjKind::Map, method);                               \
    if (!m) return Value::exception()

#define THIS_SET(method)                                                                           \
    MapObj* m = thisCollection(vm, thisValue, ObjKind::Set, method);                               \
    if (!m) return Value::exception()

// V8 words this one differently from Array's callbacks: "number 5 is not a function".
Value throwForEachNotCallable(VM& vm, Value fn) {
    std::string what;
    if (isString(fn))
        what = "string \"" + vm.toStdString(fn) + "\"";
    else if (fn.isNumber() || fn.isBool())
        what = std::string(asString(vm.typeOf(fn))->view()) + " " + vm.toStdString(fn);
    else
        what = describeForError(vm, fn);
    return vm.throwTypeError(what + " is not a function");
}

// ---- Map

Value mapGet(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_MAP("get");
    int i = findEntry(m, arg(args, argc, 0));
    return i < 0 ? Value::undefined() : m->values[size_t(i)];
}

Value mapSet(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_MAP("set");
    insertEntry(m, arg(args, argc, 0), arg(args, argc, 1), false);
    return thisValue;
}

Value mapHas(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_MAP("has");
    return Value::boolean(findEntry(m, arg(args, argc, 0)) >= 0);
}

Value mapDelete(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_MAP("delete");
    return Value::boolean(deleteEntry(m, arg(args, argc, 0), false));
}

Value mapClear(VM& vm, Value thisValue, Value*, int) {
    THIS_MAP("clear");
    clearEntries(m);
    return Value::undefined();
}

Value mapSize(VM& vm, Value thisValue, Value*, int) {
    THIS_MAP("size");
    return Value::number(double(m->liveCount));
}

Value mapKeys(VM& vm, Value thisValue, Value*, int) {
    THIS_MAP("keys");
    return Value::object(vm.newIterator(thisValue, IterKind::MapKeys));
}

Value mapValues(VM& vm, Value thisValue, Value*, int) {
    THIS_MAP("values");
    return Value::object(vm.newIterator(thisValue, IterKind::MapValues));
}

Value mapEntries(VM& vm, Value thisValue, Value*, int) {
    THIS_MAP("entries");
    return Value::object(vm.newIterator(thisValue, IterKind::MapEntries));
}

// Map and Set forEach are hosted methods (hosted_methods.h): this native half checks the
// callback, calls a leaf one itself (as the Array methods do, builtins_array.cpp) and binds
// a thisArg into any other for the hosted body.
Value forEachGate(VM& vm, MapObj* m, Value thisValue, Value* args, int argc, bool isSet) {
    Value fn = arg(args, argc, 0);
    if (!isCallableValue(fn)) return throwForEachNotCallable(vm, fn);
    Value thisArg = arg(args, argc, 1);
    if (isLeafFunction(fn)) {
        for (size_t i = 0; i < m->keys.size(); ++i) {
            Value k = m->keys[i];
            if (k.isEmpty()) continue;
            Value callArgs[3] = {isSet ? k : m->values[i], k, thisValue};
            Value r = vm.call(fn, thisArg, callArgs, 3);
            if (r.isException()) return r;
        }
        return Value::undefined();
    }
    bindThisInto(vm, &args[0], thisArg);
    return Value::empty();
}

Value mapForEach(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_MAP("forEach");
    return forEachGate(vm, m, thisValue, args, argc, false);
}

// A Map's entry from the constructor's iterable: [k, v], or any object's [0] and [1].
// False with an exception pending.
bool addEntry(VM& vm, MapObj* m, Value entry) {
    if (!entry.isObject() || isString(entry)) {
        vm.throwTypeError("Iterator value " + vm.toStdString(entry) + " is not an entry object");
        return false;
    }
    Value k, v;
    if (isKind(entry, ObjKind::Array)) {
        Array* pair = as<Array>(entry);
        k = pair->length > 0 && !pair->elements[0].isEmpty() ? pair->elements[0]
                                                             : Value::undefined();
        v = pair->length > 1 && !pair->elements[1].isEmpty() ? pair->elements[1]
                                                             : Value::undefined();
    } else {
        Root keepEntry(vm.heap, entry);
        k = vm.getIndex(entry, Value::integer(0));
        if (k.isException()) return false;
        Root keepK(vm.heap, k);
        v = vm.getIndex(keepEntry.value, Value::integer(1));
        if (v.isException()) return false;
    }
    insertEntry(m, k, v, false);
    return true;
}

// The module of the constructors' hosted halves: a generator or user iterable is walked by
// a for-of there, so its code runs as frames of the constructing thread (decision 0019).
constexpr std::string_view kCollectionBodies = "internal/builtins_collections";

Value mapConstruct(VM& vm, Class* cls, Value* args, int argc) {
    MapObj* m = vm.newMap();
    if (cls && cls != vm.mapClass) m->klass = cls;
    Root keep(vm.heap, Value::object(m));
    Value iterable = arg(args, argc, 0);
    if (iterable.isNullish()) return keep.value;
    if (int hosted = hostedIterable(vm, iterable); hosted != 0)
        return hosted < 0 ? Value::exception()
                          : handConstructionTo(vm, keep.value, kCollectionBodies, "fillMap");
    bool ok = forEachIterable(vm, iterable, [&](Value entry) { return addEntry(vm, m, entry); });
    if (!ok) return Value::exception();
    return keep.value;
}

// ---- Set

Value setAdd(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SET("add");
    insertEntry(m, arg(args, argc, 0), Value::undefined(), true);
    return thisValue;
}

Value setHas(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SET("has");
    return Value::boolean(findEntry(m, arg(args, argc, 0)) >= 0);
}

Value setDelete(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SET("delete");
    return Value::boolean(deleteEntry(m, arg(args, argc, 0), true));
}

Value setClear(VM& vm, Value thisValue, Value*, int) {
    THIS_SET("clear");
    clearEntries(m);
    return Value::undefined();
}

Value setSize(VM& vm, Value thisValue, Value*, int) {
    THIS_SET("size");
    return Value::number(double(m->liveCount));
}

Value setValues(VM& vm, Value thisValue, Value*, int) {
    THIS_SET("values");
    return Value::object(vm.newIterator(thisValue, IterKind::MapValues));
}

Value setEntries(VM& vm, Value thisValue, Value*, int) {
    THIS_SET("entries");
    return Value::object(vm.newIterator(thisValue, IterKind::MapEntries));
}

Value setForEach(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SET("forEach");
    return forEachGate(vm, m, thisValue, args, argc, true);
}

Value setConstruct(VM& vm, Class* cls, Value* args, int argc) {
    MapObj* s = vm.newSet();
    if (cls && cls != vm.setClass) s->klass = cls;
    Root keep(vm.heap, Value::object(s));
    Value iterable = arg(args, argc, 0);
    if (iterable.isNullish()) return keep.value;
    if (isKind(iterable, ObjKind::Array)) { // the common case, without the per-element callback
        Array* a = as<Array>(iterable);
        for (uint32_t i = 0; i < a->length; ++i)
            insertEntry(s, a->elements[i].isEmpty() ? Value::undefined() : a->elements[i],
                        Value::undefined(), true);
        return keep.value;
    }
    if (int hosted = hostedIterable(vm, iterable); hosted != 0)
        return hosted < 0 ? Value::exception()
                          : handConstructionTo(vm, keep.value, kCollectionBodies, "fillSet");
    bool ok = forEachIterable(vm, iterable, [&](Value v) {
        insertEntry(s, v, Value::undefined(), true);
        return true;
    });
    if (!ok) return Value::exception();
    return keep.value;
}

} // namespace

Value mapAddEntry(VM& vm, Value, Value* args, int argc) {
    Value m = arg(args, argc, 0);
    if (!isKind(m, ObjKind::Map)) return vm.throwTypeError("mapAddEntry: expects a Map");
    if (!addEntry(vm, as<MapObj>(m), arg(args, argc, 1))) return Value::exception();
    return Value::undefined();
}

Value setAddValueNative(VM& vm, Value, Value* args, int argc) {
    Value s = arg(args, argc, 0);
    if (!isKind(s, ObjKind::Set)) return vm.throwTypeError("setAddValue: expects a Set");
    insertEntry(as<MapObj>(s), arg(args, argc, 1), Value::undefined(), true);
    return Value::undefined();
}

namespace {

// ---- WeakMap, WeakSet, WeakRef

// CanBeHeldWeakly: an object, or a symbol that Symbol.for did not register (a registered
// one lives as long as the registry, so holding it weakly would never let go).
bool canBeHeldWeakly(Value v) {
    if (!v.isObject() || isString(v)) return false;
    return !isSymbol(v) || !(v.asObject()->flags & kRegisteredSymbolFlag);
}

MapObj* thisWeak(VM& vm, Value thisValue, ObjKind kind, const char* method) {
    if (isKind(thisValue, kind)) return as<MapObj>(thisValue);
    const char* type = kind == ObjKind::WeakMap ? "WeakMap" : "WeakSet";
    vm.throwTypeError(std::string("Method ") + type + ".prototype." + method +
                      " called on incompatible receiver " + describeForError(vm, thisValue));
    return nullptr;
}

#define THIS_WEAK(kind, method)                                                                    \
    MapObj* m = thisWeak(vm, thisValue, ObjKind::kind, method);                                    \
    if (!m) return Value::exception()

Value weakMapGet(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakMap, "get");
    int i = canBeHeldWeakly(arg(args, argc, 0)) ? findEntry(m, arg(args, argc, 0)) : -1;
    return i < 0 ? Value::undefined() : m->values[size_t(i)];
}

Value weakMapSet(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakMap, "set");
    if (!canBeHeldWeakly(arg(args, argc, 0)))
        return vm.throwTypeError("Invalid value used as weak map key");
    insertEntry(m, arg(args, argc, 0), arg(args, argc, 1), false);
    return thisValue;
}

Value weakMapHas(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakMap, "has");
    return Value::boolean(canBeHeldWeakly(arg(args, argc, 0)) &&
                          findEntry(m, arg(args, argc, 0)) >= 0);
}

Value weakMapDelete(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakMap, "delete");
    return Value::boolean(canBeHeldWeakly(arg(args, argc, 0)) &&
                          deleteEntry(m, arg(args, argc, 0), false));
}

Value weakSetAdd(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakSet, "add");
    if (!canBeHeldWeakly(arg(args, argc, 0)))
        return vm.throwTypeError("Invalid value used in weak set");
    insertEntry(m, arg(args, argc, 0), Value::undefined(), true);
    return thisValue;
}

Value weakSetHas(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakSet, "has");
    return Value::boolean(canBeHeldWeakly(arg(args, argc, 0)) &&
                          findEntry(m, arg(args, argc, 0)) >= 0);
}

Value weakSetDelete(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_WEAK(WeakSet, "delete");
    return Value::boolean(canBeHeldWeakly(arg(args, argc, 0)) &&
                          deleteEntry(m, arg(args, argc, 0), true));
}

// new WeakMap(iterable) / new WeakSet(iterable): entries added as set()/add() would.
Value weakConstruct(VM& vm, Class* cls, Value* args, int argc, bool isSet) {
    Class* base = isSet ? vm.weakSetClass : vm.weakMapClass;
    MapObj* m = vm.heap.allocate<MapObj>(isSet ? ObjKind::WeakSet : ObjKind::WeakMap, base);
    if (cls && cls != base) m->klass = cls;
    Root keep(vm.heap, Value::object(m));
    Value iterable = arg(args, argc, 0);
    if (iterable.isNullish()) return keep.value;
    bool ok = forEachIterable(vm, iterable, [&](Value entry) {
        if (isSet) {
            Value r = weakSetAdd(vm, keep.value, &entry, 1);
            return !r.isException();
        }
        if (!entry.isObject() || isString(entry)) {
            vm.throwTypeError("Iterator value " + vm.toStdString(entry) +
                              " is not an entry object");
            return false;
        }
        Root keepEntry(vm.heap, entry);
        Value kv[2];
        kv[0] = vm.getIndex(entry, Value::integer(0));
        if (kv[0].isException()) return false;
        Root keepK(vm.heap, kv[0]);
        kv[1] = vm.getIndex(entry, Value::integer(1));
        if (kv[1].isException()) return false;
        return !weakMapSet(vm, keep.value, kv, 2).isException();
    });
    if (!ok) return Value::exception();
    return keep.value;
}

Value weakMapConstruct(VM& vm, Class* cls, Value* args, int argc) {
    return weakConstruct(vm, cls, args, argc, false);
}
Value weakSetConstruct(VM& vm, Class* cls, Value* args, int argc) {
    return weakConstruct(vm, cls, args, argc, true);
}

Value weakRefConstruct(VM& vm, Class* cls, Value* args, int argc) {
    Value target = arg(args, argc, 0);
    if (!canBeHeldWeakly(target)) return vm.throwTypeError("WeakRef: invalid target");
    Root keepTarget(vm.heap, target);
    auto* ref = vm.heap.allocate<WeakRefObj>(ObjKind::WeakRef, cls ? cls : vm.weakRefClass);
    ref->target = keepTarget.value;
    vm.keepDuringJob(keepTarget.value);
    return Value::object(ref);
}

Value weakRefDeref(VM& vm, Value thisValue, Value*, int) {
    if (!isKind(thisValue, ObjKind::WeakRef))
        return vm.throwTypeError("Method WeakRef.prototype.deref called on incompatible receiver " +
                                 describeForError(vm, thisValue));
    Value target = as<WeakRefObj>(thisValue)->target;
    if (!target.isUndefined()) vm.keepDuringJob(target);
    return target;
}

Value exposedGc(VM& vm, Value, Value*, int) {
    vm.heap.collect();
    return Value::undefined();
}

} // namespace

void mapSetEntry(VM&, MapObj* m, Value key, Value value) {
    insertEntry(m, key, value, false);
}
void setAddValue(VM&, MapObj* s, Value value) {
    insertEntry(s, value, Value::undefined(), true);
}

// The module of the hosted forEach bodies (hosted_methods.h).
constexpr std::string_view kForEachBodies = "internal/builtins_collections";

void installMapSetBuiltins(VM& vm) {
    Class* m = vm.mapClass;
    m->nativeConstruct = mapConstruct;
    vm.defineMethod(m, "get", mapGet, 1);
    vm.defineMethod(m, "set", mapSet, 2);
    vm.defineMethod(m, "has", mapHas, 1);
    vm.defineMethod(m, "delete", mapDelete, 1);
    vm.defineMethod(m, "clear", mapClear, 0);
    vm.defineGetter(m, "size", mapSize);
    vm.defineMethod(m, "keys", mapKeys, 0);
    vm.defineMethod(m, "values", mapValues, 0);
    vm.defineMethod(m, "entries", mapEntries, 0);
    defineHostedMethod(vm, m, "forEach", mapForEach, 1, kForEachBodies);

    Class* s = vm.setClass;
    s->nativeConstruct = setConstruct;
    vm.defineMethod(s, "add", setAdd, 1);
    vm.defineMethod(s, "has", setHas, 1);
    vm.defineMethod(s, "delete", setDelete, 1);
    vm.defineMethod(s, "clear", setClear, 0);
    vm.defineGetter(s, "size", setSize);
    vm.defineMethod(s, "keys", setValues, 0);
    vm.defineMethod(s, "values", setValues, 0);
    vm.defineMethod(s, "entries", setEntries, 0);
    defineHostedMethod(vm, s, "forEach", setForEach, 1, kForEachBodies);

    Class* wm = vm.weakMapClass = vm.newBuiltinClass("WeakMap");
    wm->instanceKind = ObjKind::WeakMap;
    wm->nativeConstruct = weakMapConstruct;
    vm.defineMethod(wm, "get", weakMapGet, 1);
    vm.defineMethod(wm, "set", weakMapSet, 2);
    vm.defineMethod(wm, "has", weakMapHas, 1);
    vm.defineMethod(wm, "delete", weakMapDelete, 1);
    Class* ws = vm.weakSetClass = vm.newBuiltinClass("WeakSet");
    ws->instanceKind = ObjKind::WeakSet;
    ws->nativeConstruct = weakSetConstruct;
    vm.defineMethod(ws, "add", weakSetAdd, 1);
    vm.defineMethod(ws, "has", weakSetHas, 1);
    vm.defineMethod(ws, "delete", weakSetDelete, 1);
    Class* wr = vm.weakRefClass = vm.newBuiltinClass("WeakRef");
    wr->instanceKind = ObjKind::WeakRef;
    wr->nativeConstruct = weakRefConstruct;
    vm.defineMethod(wr, "deref", weakRefDeref, 0);
    for (Class* c : {wm, ws, wr})
        vm.defineGlobal(c->name->view(), Value::object(c));
    // node's --expose-gc, read from NODE_OPTIONS as node reads it, so a program (or a test
    // run under both) can collect at a point it chooses: `gc()` is a full collection.
    if (const char* options = std::getenv("NODE_OPTIONS");
        options && std::strstr(options, "--expose-gc"))
        vm.defineGlobal("gc", Value::object(vm.newNative("gc", exposedGc, 0)));
}

} // namespace molt
