// Property access from the interpreter and the natives: get/set by name and by index,
// with getters, statics, the integrity levels of frozen and sealed objects, and the
// TypeErrors node throws for them.
#include "runtime/core/vm.h"

#include "runtime/lib/function_values.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>

namespace molt {

// ---------------------------------------------------------------- properties

[[gnu::noinline]] static Value deferGetter(VM& vm, Value getter, Value receiver) {
    Value* out = vm.getterOut;
    vm.getterOut = nullptr; // once: a native getter's own reads call their getters nested
    if (!isKind(getter, ObjKind::Closure)) return vm.call(getter, receiver, nullptr, 0);
    *out = getter; // the interpreter calls it as a frame (getPropertyOrGetter)
    return Value::empty();
}

[[gnu::always_inline]] static inline Value callGetter(VM& vm, Value getter, Value receiver) {
    if (vm.getterOut) [[unlikely]]
        return deferGetter(vm, getter, receiver);
    return vm.call(getter, receiver, nullptr, 0);
}

static Value staticLookup(Class* c, String* name, VM& vm, Value receiver, bool& found) {
    found = true;
    for (Class* k = c; k; k = k->super) {
        for (size_t i = 0; i < k->staticNames.size(); ++i)
            if (k->staticNames[i] == name) return k->staticValues[i];
        auto g = k->staticGetters.find(name);
        if (g != k->staticGetters.end()) return callGetter(vm, g->second, receiver);
        auto m = k->staticMethods.find(name);
        if (m != k->staticMethods.end()) return m->second;
    }
    found = false;
    return Value::undefined();
}

// `C.prototype` (decision 0018 for constructor functions, 0021 for every class): a frozen
// record of the class's own methods in source order. The methods live in the class; this is
// for reading them (`Array.prototype.slice.call(arguments)`) and for comparing identities.
Value VM::prototypeView(Class* c) {
    if (auto it = prototypeViews_.find(c); it != prototypeViews_.end())
        return Value::object(it->second);
    std::vector<std::pair<String*, Value>> methods(c->ownMethods.begin(), c->ownMethods.end());
    auto at = [](const std::pair<String*, Value>& m) {
        const FunctionProto* p =
            isKind(m.second, ObjKind::Closure) ? as<Closure>(m.second)->proto : nullptr;
        // Natives have no position: by name, so the order does not depend on hashing.
        return std::tuple(p ? p->defLine : ~0u, p ? p->defColumn : ~0u, m.first->view());
    };
    std::sort(methods.begin(), methods.end(),
              [&](const auto& a, const auto& b) { return at(a) < at(b); });
    Record* r = newRecord();
    Root keepIt(heap, Value::object(r));
    for (auto& [k, fn] : methods)
        recordSet(r, k, fn);
    r->flags |= kIntegrityMask;
    prototypeViews_[c] = r;
    viewClasses_[r] = c;
    return Value::object(r);
}

Class* VM::classOfPrototypeView(const Record* r) const {
    auto it = viewClasses_.find(r);
    return it == viewClasses_.end() ? nullptr : it->second;
}

Value VM::getProperty(Value obj, String* name) {
    if (!name->interned) name = intern(name->view());
    if (!obj.isObject()) {
        if (obj.isNullish())
            return throwTypeError("Cannot read properties of " +
                                  std::string(obj.isNull() ? "null" : "undefined") + " (reading '" +
                                  std::string(name->view()) + "')");
        Class* k = classOf(obj);
        if (!k) return Value::undefined();
        auto g = k->getters.find(name);
        if (g != k->getters.end()) return callGetter(*this, g->second, obj);
        Value m = lookupMethod(k, name);
        return m.isEmpty() ? Value::undefined() : m;
    }
    Obj* o = obj.asObject();
    switch (o->kind) {
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        int slot = in->klass->findSlot(name);
        if (slot >= 0 && !in->slots[slot].isEmpty()) return in->slots[slot];
        if (slot < 0)
            if (Record* props = errorProperties(o)) {
                Value v = recordGet(props, name);
                if (!v.isEmpty()) return v;
            }
        break; // an unassigned field reads what the class has under its name
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        Value v = recordGet(r, name);
        if (!v.isEmpty()) {
            if ((r->flags & Record::kAccessorsFlag) && isKind(v, ObjKind::Accessor)) [[unlikely]] {
                Value getter = as<AccessorPair>(v)->getter;
                return getter.isUndefined() ? getter : callGetter(*this, getter, obj);
            }
            return v;
        }
        if (r->flags & Record::kNullPrototypeFlag) return Value::undefined(); // Object.create(null)
        break;
    }
    case ObjKind::Array:
        if (Record* props = static_cast<Array*>(o)->props) {
            Value v = recordGet(props, name);
            if (!v.isEmpty()) return v;
        }
        break;
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        if (c == globalObject) [[unlikely]] {
            auto it = globalIndex.find(name);
            return it == globalIndex.end() ? Value::undefined() : globals[it->second].value;
        }
        bool found;
        Value v = staticLookup(c, name, *this, obj, found);
        if (found) return v;
        if (name == names.name) return Value::object(c->name);
        if (name == names.prototype) return prototypeView(c);
        if ((c->flags & uint8_t(ClassFlag::FunctionStyle)) && isKind(c->constructor, ObjKind::Closure)) {
            if (name == names.length)
                return Value::integer(as<Closure>(c->constructor)->proto->formalLength);
        }
        // A class is a function too: `C.bind(null, 1)`, `C.toString()`.
        Value m = lookupMethod(functionClass, name);
        return m.isEmpty() ? Value::undefined() : m;
    }
    case ObjKind::Closure:
        if (name == names.name) {
            String* n = static_cast<Closure*>(o)->proto->name;
            return Value::object(n ? n : names.empty);
        }
        if (name == names.length)
            return Value::integer(static_cast<Closure*>(o)->proto->formalLength);
        if (Record* props = static_cast<Closure*>(o)->props) {
            Value v = recordGet(props, name);
            if (!v.isEmpty()) return v;
        }
        break;
    case ObjKind::Native:
        if (name == names.name) return Value::object(static_cast<Native*>(o)->name);
        if (name == names.length)
            return Value::integer(std::max<int>(0, static_cast<Native*>(o)->arity));
        if (Record* props = static_cast<Native*>(o)->props) {
            Value v = recordGet(props, name);
            if (!v.isEmpty()) return v;
        }
        break;
    default: break;
    }
    Class* k = o->klass;
    if (name == names.constructor && o->kind != ObjKind::Class) return Value::object(k);
    auto g = k->getters.find(name);
    if (g != k->getters.end()) return callGetter(*this, g->second, obj);
    Value m = lookupMethod(k, name);
    if (!m.isEmpty()) return m;
    // Error.prototype.name is a data property in JavaScript: an error without a `name` field
    // of its own reads the name of its built-in error class, and `this.name = ...` in a
    // subclass adds an ordinary field.
    if (name == names.name && o->kind == ObjKind::Instance && k->isSubclassOf(errorClass)) {
        while (!(k->flags & uint8_t(ClassFlag::Builtin)))
            k = k->super;
        return Value::object(k->name);
    }
    return Value::undefined();
}

// How V8 names an object in these messages: #<Object>, #<Point>, [object Array].
static std::string integrityTag(Obj* o, bool quoted) {
    std::string tag = o->kind == ObjKind::Array ? "[object Array]"
                      : o->kind == ObjKind::Instance
                          ? "#<" + std::string(o->klass->name->view()) + ">"
                          : "#<" + std::string(o->klass->name ? o->klass->name->view() : "Object") +
                                ">";
    if (o->kind == ObjKind::Closure || o->kind == ObjKind::Native) tag = "#<Function>";
    return quoted ? "'" + tag + "'" : tag;
}

Value VM::throwReadOnly(Obj* o, std::string_view key) {
    return throwTypeError("Cannot assign to read only property '" + std::string(key) +
                          "' of object " + integrityTag(o, true));
}

Value VM::throwNotExtensible(std::string_view key) {
    return throwTypeError("Cannot add property " + std::string(key) + ", object is not extensible");
}

Value VM::throwUndeletable(Obj* o, std::string_view key) {
    return throwTypeError("Cannot delete property '" + std::string(key) + "' of " +
                          integrityTag(o, false));
}

// A write of `name` to a locked record-like property table: refused when frozen (an
// existing key) or not extensible (a new one). False with the TypeError pending.
static bool lockedRecordAllows(VM& vm, Obj* owner, Record* r, String* name) {
    if (!(owner->flags & kIntegrityMask)) return true;
    bool exists = r && !vm.recordGet(r, name).isEmpty();
    if (exists && (owner->flags & kFrozenFlag)) {
        vm.throwReadOnly(owner, name->view());
        return false;
    }
    if (!exists) {
        vm.throwNotExtensible(name->view());
        return false;
    }
    return true;
}

Record* VM::errorProperties(Obj* o, bool create) {
    if (o->kind != ObjKind::Instance || !errorClass || !o->klass->isSubclassOf(errorClass))
        return nullptr;
    auto* in = static_cast<Instance*>(o);
    Value& slot = in->slots[kErrorPropertiesSlot];
    if (isKind(slot, ObjKind::Record)) return as<Record>(slot);
    if (!create) return nullptr;
    Record* r = newRecord(); // `o` is reachable from the caller's value
    in->slots[kErrorPropertiesSlot] = Value::object(r);
    return r;
}

Value VM::setProperty(Value obj, String* name, Value v) {
    if (!name->interned) {
        Root keep(heap, v);
        name = intern(name->view());
    }
    if (!obj.isObject()) {
        if (obj.isNullish())
            return throwTypeError("Cannot set properties of " +
                                  std::string(obj.isNull() ? "null" : "undefined") + " (setting '" +
                                  std::string(name->view()) + "')");
        return v; // primitives silently ignore property writes
    }
    Obj* o = obj.asObject();
    switch (o->kind) {
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        int slot = in->klass->findSlot(name);
        if (slot >= 0) {
            if (o->flags & kIntegrityMask) [[unlikely]] {
                if (o->flags & kFrozenFlag) return throwReadOnly(o, name->view());
                if (in->slots[slot].isEmpty()) return throwNotExtensible(name->view());
            }
            in->slots[slot] = v;
            return v;
        }
        auto s = in->klass->setters.find(name);
        if (s != in->klass->setters.end()) {
            Value r = call(s->second, obj, &v, 1);
            return r.isException() ? r : v;
        }
        if (in->klass->getters.count(name))
            return throwTypeError("Cannot set property " + std::string(name->view()) + " of " +
                                  std::string(in->klass->name->view()) +
                                  " which has only a getter");
        if (in->klass->isSubclassOf(errorClass)) {
            if (!lockedRecordAllows(*this, o, errorProperties(o), name)) return Value::exception();
            Root keep(heap, v);
            recordSet(errorProperties(o, true), name, keep.value);
            return keep.value;
        }
        return throwTypeError("Cannot add field '" + std::string(name->view()) +
                              "' to an instance of " + std::string(in->klass->name->view()));
    }
    case ObjKind::Record:
        if (o->flags & Record::kAccessorsFlag) [[unlikely]] {
            Value existing = recordGet(static_cast<Record*>(o), name);
            if (isKind(existing, ObjKind::Accessor)) {
                Value setter = as<AccessorPair>(existing)->setter;
                if (setter.isUndefined())
                    return throwTypeError("Cannot set property " + std::string(name->view()) +
                                          " of #<Object> which has only a getter");
                Value r = call(setter, obj, &v, 1);
                return r.isException() ? r : v;
            }
        }
        if (!lockedRecordAllows(*this, o, static_cast<Record*>(o), name)) return Value::exception();
        recordSet(static_cast<Record*>(o), name, v);
        return v;
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        if (c == globalObject) [[unlikely]] {
            defineGlobal(name->view(), v);
            return v;
        }
        for (Class* k = c; k; k = k->super) {
            auto s = k->staticSetters.find(name);
            if (s != k->staticSetters.end()) {
                Value r = call(s->second, obj, &v, 1);
                return r.isException() ? r : v;
            }
        }
        defineStaticValue(c, name, v);
        return v;
    }
    case ObjKind::Array:
        if (name == names.length) {
            double d = toNumber(v);
            if (!(d >= 0 && d <= 4294967295.0 && d == std::floor(d)))
                return throwRangeError("Invalid array length");
            auto* a = static_cast<Array*>(o);
            if (o->flags & kFrozenFlag) return throwReadOnly(o, "length");
            if ((o->flags & kSealedFlag) && d < a->length)
                return throwUndeletable(o, std::to_string(a->length - 1));
            arraySetLength(static_cast<Array*>(o), uint32_t(d));
            return v;
        }
        if (Record* props = static_cast<Array*>(o)->props;
            props && !recordGet(props, name).isEmpty()) {
            if (o->flags & kFrozenFlag) return throwReadOnly(o, name->view());
            recordSet(props, name, v);
            return v;
        }
        return throwTypeError("Cannot add property " + std::string(name->view()) + " to an array");
    case ObjKind::Closure:
    case ObjKind::Native: {
        if (name == names.name || name == names.length) {
            Root keep(heap, v);
            Value text = functionSourceText(*this, obj);
            return throwTypeError("Cannot assign to read only property '" +
                                  std::string(name->view()) + "' of function '" +
                                  std::string(asString(text)->view()) + "'");
        }
        if (o->klass->setters.count(name)) break;
        if (!lockedRecordAllows(*this, o, functionProps(o), name)) return Value::exception();
        Record** props = o->kind == ObjKind::Closure ? &static_cast<Closure*>(o)->props
                                                     : &static_cast<Native*>(o)->props;
        if (!*props) {
            Root keep(heap, v); // `o` itself is reachable from `obj`, which the caller holds
            *props = newRecord();
        }
        recordSet(*props, name, v);
        return v;
    }
    default: break;
    }
    auto s = o->klass->setters.find(name);
    if (s != o->klass->setters.end()) {
        Value r = call(s->second, obj, &v, 1);
        return r.isException() ? r : v;
    }
    return throwTypeError("Cannot add property " + std::string(name->view()) + " to a " +
                          std::string(o->klass->name->view()));
}

static bool indexOf(Value key, uint32_t& index) {
    if (isString(key)) return isArrayIndexKey(asString(key), index);
    if (key.isInt()) {
        if (key.asInt() < 0) return false;
        index = uint32_t(key.asInt());
        return true;
    }
    if (key.isDouble()) {
        double d = key.asDouble();
        if (d >= 0 && d < 4294967295.0 && d == std::floor(d)) {
            index = uint32_t(d);
            return true;
        }
    }
    return false;
}

Value VM::getPropertyOrGetter(Value obj, String* name, Value* getter) {
    getterOut = getter;
    Value v = getProperty(obj, name);
    getterOut = nullptr;
    return v;
}

Value VM::getIndexOrGetter(Value obj, Value key, Value* getter) {
    Root keepObj(heap, obj);
    Value k = toPropertyKey(key); // may run a toString: not under getterOut
    if (k.isException()) return k;
    Root keep(heap, k);
    return getPropertyOrGetter(keepObj.value, asString(k), getter);
}

Value VM::getIndex(Value obj, Value key) {
    uint32_t index;
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        if (o->kind == ObjKind::Array && indexOf(key, index)) {
            auto* a = static_cast<Array*>(o);
            if (index >= a->length) return Value::undefined();
            Value v = a->elements[index];
            return v.isEmpty() ? Value::undefined() : v;
        }
        if (o->kind == ObjKind::String && indexOf(key, index)) {
            auto* s = static_cast<String*>(o);
            if (index >= s->utf16Length) return Value::undefined();
            if (s->ascii) return Value::object(intern(std::string_view(s->chars + index, 1)));
            return stringCharAt(*this, s, index);
        }
    } else if (obj.isNullish()) {
        std::string k = toStdString(key);
        return throwTypeError("Cannot read properties of " +
                              std::string(obj.isNull() ? "null" : "undefined") + " (reading '" + k +
                              "')");
    }
    Root keepObj(heap, obj);
    Value k = toPropertyKey(key);
    if (k.isException()) return k;
    Root keep(heap, k);
    return getProperty(keepObj.value, asString(k));
}

Value VM::setIndex(Value obj, Value key, Value v) {
    uint32_t index;
    if (obj.isObject() && obj.asObject()->kind == ObjKind::Array && indexOf(key, index)) {
        auto* a = static_cast<Array*>(obj.asObject());
        if (a->flags & kIntegrityMask) [[unlikely]] {
            bool exists = index < a->length && !a->elements[index].isEmpty();
            if (exists && (a->flags & kFrozenFlag)) return throwReadOnly(a, std::to_string(index));
            if (!exists) return throwNotExtensible(std::to_string(index));
        }
        if (index < a->length) {
            a->elements[index] = v;
        } else {
            if (index > a->length + 10000000u)
                return throwRangeError("array index too far past the end");
            arraySetLength(a, index);
            arrayPush(a, v);
        }
        return v;
    }
    Root keepValue(heap, v);
    Value k = toPropertyKey(key);
    if (k.isException()) return k;
    Root keepKey(heap, k);
    return setProperty(obj, asString(k), keepValue.value);
}


}  // namespace molt
