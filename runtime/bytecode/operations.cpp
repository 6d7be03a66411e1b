// operations.cpp — what JavaScript's operators, iteration and a few property edge cases
// mean on Molt's values, for the interpreter's slow paths (the loop in interpreter.cpp
// handles the common cases inline: small integers, instance fields, arrays).
#include "runtime/bytecode/operations.h"

#include "runtime/core/private_name.h"
#include "runtime/lib/natives.h"

#include <cmath>
#include <string>

namespace molt {

static Value toNumeric(VM& vm, Value v) {
    return v.isNumber() ? v : vm.toPrimitiveNumber(v);
}

Value arithmeticSlow(VM& vm, Op op, Value a, Value b) {
    if (op == Op::Add) {
        // ToPrimitive with the default hint (valueOf first), then strings concatenate.
        Root ra(vm.heap, a), rb(vm.heap, b);
        if (a.isObject() && !isString(a)) {
            ra.value = toPrimitive(vm, a, 0);
            if (ra.value.isException()) return ra.value;
        }
        if (b.isObject() && !isString(b)) {
            rb.value = toPrimitive(vm, b, 0);
            if (rb.value.isException()) return rb.value;
        }
        if (isString(ra.value) || isString(rb.value)) {
            Value sa = vm.toString(ra.value);
            if (sa.isException()) return sa;
            Root keep(vm.heap, sa);
            Value sb = vm.toString(rb.value);
            if (sb.isException()) return sb;
            Root keepRight(vm.heap, sb);
            return Value::object(vm.concat(asString(sa), asString(sb)->view()));
        }
        if (isSymbol(ra.value) || isSymbol(rb.value))
            return vm.throwTypeError("Cannot convert a Symbol value to a number");
        return Value::number(VM::toNumber(ra.value) + VM::toNumber(rb.value));
    }
    Value na = toNumeric(vm, a);
    if (na.isException()) return na;
    Value nb = toNumeric(vm, b);
    if (nb.isException()) return nb;
    double x = na.asNumber(), y = nb.asNumber();
    switch (op) {
    case Op::Sub: return Value::number(x - y);
    case Op::Mul: return Value::number(x * y);
    case Op::Div: return Value::number(x / y);
    case Op::Mod: return Value::number(std::fmod(x, y));
    case Op::Pow: return Value::number(jsPow(x, y));
    case Op::BitAnd: return Value::integer(VM::toInt32(x) & VM::toInt32(y));
    case Op::BitOr: return Value::integer(VM::toInt32(x) | VM::toInt32(y));
    case Op::BitXor: return Value::integer(VM::toInt32(x) ^ VM::toInt32(y));
    case Op::Shl:
        return Value::integer(int32_t(uint32_t(VM::toInt32(x)) << (uint32_t(VM::toInt32(y)) & 31)));
    case Op::Shr: return Value::integer(VM::toInt32(x) >> (uint32_t(VM::toInt32(y)) & 31));
    case Op::UShr:
        return Value::number(double(uint32_t(VM::toInt32(x)) >> (uint32_t(VM::toInt32(y)) & 31)));
    default: return Value::number(NAN);
    }
}

Value compareSlow(VM& vm, Op op, Value a, Value b) {
    // ToPrimitive with the number hint (valueOf first).
    Root ra(vm.heap, a), rb(vm.heap, b);
    if (a.isObject() && !isString(a)) {
        ra.value = toPrimitive(vm, a, 1);
        if (ra.value.isException()) return ra.value;
    }
    if (b.isObject() && !isString(b)) {
        rb.value = toPrimitive(vm, b, 1);
        if (rb.value.isException()) return rb.value;
    }
    if (isString(ra.value) && isString(rb.value)) {
        int c = asString(ra.value)->view().compare(asString(rb.value)->view());
        switch (op) {
        case Op::Lt: return Value::boolean(c < 0);
        case Op::Le: return Value::boolean(c <= 0);
        case Op::Gt: return Value::boolean(c > 0);
        default: return Value::boolean(c >= 0);
        }
    }
    if (isSymbol(ra.value) || isSymbol(rb.value))
        return vm.throwTypeError("Cannot convert a Symbol value to a number");
    double x = VM::toNumber(ra.value), y = VM::toNumber(rb.value);
    switch (op) {
    case Op::Lt: return Value::boolean(x < y);
    case Op::Le: return Value::boolean(x <= y);
    case Op::Gt: return Value::boolean(x > y);
    default: return Value::boolean(x >= y);
    }
}

Value iterate(VM& vm, Value v) {
    if (v.isObject()) {
        switch (v.asObject()->kind) {
        case ObjKind::Array: return Value::object(vm.newIterator(v, IterKind::ArrayValues));
        case ObjKind::String: return Value::object(vm.newIterator(v, IterKind::StringChars));
        case ObjKind::Map: return Value::object(vm.newIterator(v, IterKind::MapEntries));
        case ObjKind::Set: return Value::object(vm.newIterator(v, IterKind::MapValues));
        case ObjKind::Iterator:
        case ObjKind::Generator: return v;
        default: break;
        }
        // Any other object iterates through its [Symbol.iterator]() (a class's method, a
        // record's property), which must return an object to call next() on.
        Value method = vm.getProperty(v, vm.symbols.iterator);
        if (method.isException()) return method;
        if (!method.isNullish()) {
            if (!vm.isCallable(method))
                return vm.throwTypeError(vm.describeReceiver(v) + " is not iterable");
            Value it = vm.call(method, v, nullptr, 0);
            if (it.isException()) return it;
            if (!it.isObject() || isString(it) || isSymbol(it))
                return vm.throwTypeError("Result of the Symbol.iterator method is not an object");
            return it;
        }
    }
    return vm.throwTypeError(vm.describeReceiver(v) + " is not iterable");
}

Value iteratorNext(VM& vm, Iterator* it, bool& done) {
    done = false;
    Value target = it->target;
    switch (it->iterKind) {
    case IterKind::ArrayValues:
    case IterKind::ArrayKeys:
    case IterKind::ArrayEntries: {
        auto* a = as<Array>(target);
        if (it->position >= a->length) break;
        uint32_t i = it->position++;
        Value v = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
        if (it->iterKind == IterKind::ArrayValues) return v;
        if (it->iterKind == IterKind::ArrayKeys) return Value::number(double(i));
        Array* pair = vm.newArray(2);
        pair->elements[0] = Value::number(double(i));
        pair->elements[1] = v;
        pair->length = 2;
        return Value::object(pair);
    }
    case IterKind::StringChars: {
        auto* s = asString(target);
        if (it->position >= s->length) break;
        if (s->ascii)
            return Value::object(vm.intern(std::string_view(s->chars + it->position++, 1)));
        // One code point per step (UTF-8 sequence), as JavaScript's string iterator does.
        uint32_t p = it->position;
        auto c = uint8_t(s->chars[p]);
        uint32_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        it->position += len;
        return vm.str(std::string_view(s->chars + p, std::min(len, s->length - p)));
    }
    case IterKind::MapKeys:
    case IterKind::MapValues:
    case IterKind::MapEntries: {
        auto* m = as<MapObj>(target);
        while (it->position < m->keys.size() && m->keys[it->position].isEmpty())
            it->position++;
        if (it->position >= m->keys.size()) break;
        uint32_t i = it->position++;
        bool isSet = m->kind == ObjKind::Set;
        if (it->iterKind == IterKind::MapKeys || (isSet && it->iterKind == IterKind::MapValues))
            return m->keys[i];
        if (it->iterKind == IterKind::MapValues) return m->values[i];
        Value key = m->keys[i];
        Value val = isSet ? key : m->values[i];
        Array* pair = vm.newArray(2);
        pair->elements[0] = key;
        pair->elements[1] = val;
        pair->length = 2;
        return Value::object(pair);
    }
    }
    done = true;
    return Value::undefined();
}

Value closeIterator(VM& vm, Value iterator) {
    if (isKind(iterator, ObjKind::Iterator) || !iterator.isObject()) return Value::undefined();
    Root keep(vm.heap, iterator);
    bool pending = vm.hasPendingException();
    Root saved(vm.heap, pending ? vm.takePendingException() : Value::undefined());
    Value fn = vm.getProperty(keep.value, vm.intern("return"));
    Value r = Value::undefined();
    if (!fn.isException() && !fn.isNullish()) r = vm.call(fn, keep.value, nullptr, 0);
    if (pending) {
        if (vm.hasPendingException()) vm.takePendingException();
        vm.throwValue(saved.value);
        return Value::exception();
    }
    if (fn.isException() || r.isException()) return Value::exception();
    return Value::undefined();
}

Value iterResult(VM& vm, Value value, bool done) {
    Root keep(vm.heap, value);
    Record* r = vm.newRecord();
    Root keepRecord(vm.heap, Value::object(r));
    vm.recordSet(r, vm.names.value, value);
    vm.recordSet(r, vm.names.done, Value::boolean(done));
    return Value::object(r);
}

Value stepIterator(VM& vm, Value iterator, bool& done) {
    if (isKind(iterator, ObjKind::Iterator)) return iteratorNext(vm, as<Iterator>(iterator), done);
    done = false;
    Value next = vm.getProperty(iterator, vm.names.next);
    if (next.isException()) return next;
    Value r = vm.call(next, iterator, nullptr, 0);
    if (r.isException()) return r;
    if (!r.isObject())
        return vm.throwTypeError("Iterator result " + vm.toStdString(r) + " is not an object");
    Root keep(vm.heap, r);
    Value d = vm.getProperty(r, vm.names.done);
    if (d.isException()) return d;
    if (VM::truthy(d)) {
        done = true;
        return Value::undefined();
    }
    return vm.getProperty(r, vm.names.value);
}

Value spreadInto(VM& vm, Array* target, Value iterable) {
    if (isKind(iterable, ObjKind::Array)) {
        auto* a = as<Array>(iterable);
        vm.arrayReserve(target, target->length + a->length);
        for (uint32_t i = 0; i < a->length; ++i)
            target->elements[target->length++] =
                a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
        return Value::undefined();
    }
    Root keepTarget(vm.heap, Value::object(target));
    Value it = iterate(vm, iterable);
    if (it.isException()) return it;
    Root keep(vm.heap, it);
    for (;;) {
        bool done;
        Value v = stepIterator(vm, it, done);
        if (v.isException()) return v;
        if (done) return Value::undefined();
        vm.arrayPush(target, v);
    }
}

static void pushFieldKeys(VM& vm, Instance* in, Array* out) {
    forEachOwnProperty(vm, in, [&](String* key, Value) { vm.arrayPush(out, Value::object(key)); });
}

Value forInKeys(VM& vm, Value obj) {
    Array* keys = vm.newArray();
    Root keep(vm.heap, Value::object(keys));
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::Record: {
            auto* r = static_cast<Record*>(o);
            for (size_t i = 0; i < r->keys.size(); ++i)
                if (r->isLive(i) && !isSymbolKey(r->keys[i]))
                    vm.arrayPush(keys, Value::object(r->keys[i]));
            break;
        }
        case ObjKind::Array:
            for (uint32_t i = 0; i < static_cast<Array*>(o)->length; ++i)
                if (!static_cast<Array*>(o)->elements[i].isEmpty())
                    vm.arrayPush(keys, vm.str(std::to_string(i)));
            break;
        case ObjKind::String:
            for (uint32_t i = 0; i < static_cast<String*>(o)->utf16Length; ++i)
                vm.arrayPush(keys, vm.str(std::to_string(i)));
            break;
        case ObjKind::Instance: pushFieldKeys(vm, static_cast<Instance*>(o), keys); break;
        default: break;
        }
    }
    return Value::object(vm.newIterator(Value::object(keys), IterKind::ArrayValues));
}

Value superGet(VM& vm, Class* home, bool isStatic, Value receiver, String* name) {
    if (!home || !home->super) return Value::undefined();
    if (isStatic) return vm.getProperty(Value::object(home->super), name);
    auto g = home->super->getters.find(name);
    if (g != home->super->getters.end()) return vm.call(g->second, receiver, nullptr, 0);
    Value m = vm.lookupMethod(home->super, name);
    return m.isEmpty() ? Value::undefined() : m;
}

Value superSet(VM& vm, Class* home, bool isStatic, Value receiver, String* name, Value v) {
    if (!home || !home->super) return vm.setProperty(receiver, name, v);
    Value r;
    if (isStatic) {
        for (Class* k = home->super; k; k = k->super) {
            auto s = k->staticSetters.find(name);
            if (s != k->staticSetters.end()) {
                r = vm.call(s->second, receiver, &v, 1);
                return r.isException() ? r : v;
            }
        }
        if (isKind(receiver, ObjKind::Class)) {
            vm.defineStaticValue(as<Class>(receiver), name, v);
            return v;
        }
        return vm.setProperty(receiver, name, v);
    }
    auto s = home->super->setters.find(name);
    if (s != home->super->setters.end()) {
        r = vm.call(s->second, receiver, &v, 1);
        return r.isException() ? r : v;
    }
    if (home->super->getters.count(name))
        return vm.throwTypeError("Cannot set property " + std::string(name->view()) + " of " +
                                 std::string(home->super->name->view()) +
                                 " which has only a getter");
    if (isKind(receiver, ObjKind::Instance)) {
        auto* in = as<Instance>(receiver);
        int slot = in->klass->findSlot(name);
        if (slot >= 0 && !(in->flags & kIntegrityMask)) {
            in->slots[slot] = v; // a data property of `this`, even under an accessor of home's
            return v;
        }
    }
    r = vm.setProperty(receiver, name, v);
    return r.isException() ? r : v;
}

Value recordSpread(VM& vm, Record* target, Value src) {
    Root keepTarget(vm.heap, Value::object(target));
    if (!src.isObject()) return Value::undefined();
    Obj* o = src.asObject();
    switch (o->kind) {
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        for (size_t i = 0; i < r->keys.size(); ++i) {
            if (!r->isLive(i)) continue;
            String* key = r->keys[i];
            Value v = vm.recordRead(r, i, src); // a getter's value, as JavaScript copies it
            if (v.isException()) return v;
            vm.recordSet(target, key, v);
        }
        break;
    }
    case ObjKind::Instance:
        forEachOwnProperty(vm, static_cast<Instance*>(o),
                           [&](String* key, Value v) { vm.recordSet(target, key, v); });
        break;
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        for (uint32_t i = 0; i < a->length; ++i) {
            Value key = vm.str(std::to_string(i));
            Root keepKey(vm.heap, key);
            vm.recordSet(target, asString(key),
                         a->elements[i].isEmpty() ? Value::undefined() : a->elements[i]);
        }
        break;
    }
    case ObjKind::String: {
        Value it = iterate(vm, src);
        Root keepIt(vm.heap, it);
        for (uint32_t i = 0;; ++i) {
            bool done;
            Value c = stepIterator(vm, it, done);
            if (done) break;
            Root keepC(vm.heap, c);
            Value key = vm.str(std::to_string(i));
            Root keepKey(vm.heap, key);
            vm.recordSet(target, asString(key), c);
        }
        break;
    }
    default: break;
    }
    return Value::undefined();
}

Value inOperator(VM& vm, Value key, Value obj) {
    if (!obj.isObject() || isString(obj) || isSymbol(obj))
        return vm.throwTypeError("Cannot use 'in' operator to search for '" + vm.toStdString(key) +
                                 "' in " + vm.toStdString(obj));
    // `i in array` for an index below the length (a loop's hole check) needs no key string.
    if (key.isInt() && key.asInt() >= 0 && isKind(obj, ObjKind::Array) &&
        uint32_t(key.asInt()) < as<Array>(obj)->length)
        return Value::boolean(!as<Array>(obj)->elements[key.asInt()].isEmpty());
    Root keepObj(vm.heap, obj);
    Value ks = vm.toPropertyKey(key);
    if (ks.isException()) return ks;
    String* name = asString(ks);
    Obj* o = obj.asObject();
    switch (o->kind) {
    case ObjKind::Record:
        return Value::boolean(!vm.recordGet(static_cast<Record*>(o), name).isEmpty() ||
                              (!(o->flags & Record::kNullPrototypeFlag) &&
                               !vm.lookupMethod(o->klass, name).isEmpty()));
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        if (name == vm.names.length) return Value::boolean(true);
        double d = VM::toNumber(Value::object(name));
        if (d >= 0 && d < a->length && d == std::floor(d))
            return Value::boolean(!a->elements[uint32_t(d)].isEmpty());
        return Value::boolean(!vm.lookupMethod(o->klass, name).isEmpty());
    }
    case ObjKind::Instance: {
        Class* c = o->klass;
        int slot = c->findSlot(name);
        bool assigned = slot >= 0 && !static_cast<Instance*>(o)->slots[slot].isEmpty();
        if (Record* props = vm.errorProperties(o); props && !vm.recordGet(props, name).isEmpty())
            assigned = true;
        return Value::boolean(assigned || !vm.lookupMethod(c, name).isEmpty() ||
                              c->getters.count(name) || c->setters.count(name));
    }
    case ObjKind::Class: {
        Value v = vm.getProperty(obj, name);
        if (v.isException()) return v;
        return Value::boolean(!v.isUndefined());
    }
    default:
        if (Record* props = functionProps(o); props && !vm.recordGet(props, name).isEmpty())
            return Value::boolean(true);
        if ((o->kind == ObjKind::Closure || o->kind == ObjKind::Native) &&
            (name == vm.names.name || name == vm.names.length))
            return Value::boolean(true);
        return Value::boolean(!vm.lookupMethod(o->klass, name).isEmpty() ||
                              o->klass->getters.count(name));
    }
}

Value deleteKey(VM& vm, Value obj, Value key) {
    if (obj.isNullish()) return vm.throwTypeError("Cannot convert undefined or null to object");
    Record* props = isKind(obj, ObjKind::Record) ? as<Record>(obj)
                    : obj.isObject()             ? functionProps(obj.asObject())
                                                 : nullptr;
    if (props) {
        Root keepObj(vm.heap, obj);
        Value ks = vm.toPropertyKey(key);
        if (ks.isException()) return ks;
        Root keepKey(vm.heap, ks);
        String* name = asString(ks);
        if ((obj.asObject()->flags & kSealedFlag) && !vm.recordGet(props, name).isEmpty())
            return vm.throwUndeletable(obj.asObject(), name->view());
        return Value::boolean(vm.recordDelete(props, name));
    }
    if (Record* props = isKind(obj, ObjKind::Instance) ? vm.errorProperties(obj.asObject()) : nullptr) {
        Root keepObj(vm.heap, obj);
        Value ks = vm.toPropertyKey(key);
        if (ks.isException()) return ks;
        Root keepKey(vm.heap, ks);
        String* name = asString(ks);
        if (as<Instance>(obj)->klass->findSlot(name) < 0) {
            if ((obj.asObject()->flags & kSealedFlag) && !vm.recordGet(props, name).isEmpty())
                return vm.throwUndeletable(obj.asObject(), name->view());
            return Value::boolean(vm.recordDelete(props, name));
        }
    }
    if (isKind(obj, ObjKind::Instance) && isString(key) && asString(key)->view() == "cause" &&
        obj.asObject()->klass->isSubclassOf(vm.errorClass)) {
        // An error's cause is an ordinary configurable property in JavaScript.
        if (obj.asObject()->flags & kSealedFlag)
            return vm.throwUndeletable(obj.asObject(), "cause");
        as<Instance>(obj)->slots[VM::kErrorCauseSlot] = Value::empty();
        return Value::boolean(true);
    }
    if (isKind(obj, ObjKind::Instance))
        return vm.throwTypeError(
            "Cannot delete field '" + vm.toStdString(key) + "' of an instance of " +
            std::string(obj.asObject()->klass->name->view()) + ": its layout is fixed");
    if (isKind(obj, ObjKind::Array)) {
        uint32_t i;
        auto* a = as<Array>(obj);
        if (key.isInt() && key.asInt() >= 0 && (i = uint32_t(key.asInt())) < a->length) {
            if ((a->flags & kSealedFlag) && !a->elements[i].isEmpty())
                return vm.throwUndeletable(a, std::to_string(i));
            a->elements[i] = Value::empty();
        }
        return Value::boolean(true);
    }
    return Value::boolean(true);
}

} // namespace molt
