// natives.cpp — the helpers of natives.h: UTF-8/UTF-16 conversion, argument coercions and
// iteration over the built-in iterables.
//
// Iteration reads the live collection on every step (length, elements pointer, entries),
// because the callback may run hosted code that pushes, pops or deletes: JavaScript's
// iterators observe such changes, and a stale pointer would be a use-after-free.
#include "runtime/lib/natives.h"

#include "runtime/bytecode/operations.h"

#include <cmath>

namespace molt {

Class* newNamespace(VM& vm, std::string_view name) {
    Class* cls = vm.newBuiltinClass(name);
    cls->flags |= kNamespaceClassFlag;
    return cls;
}

// ---- UTF-8 / UTF-16

const std::u16string& utf16Units(String* s) {
    if (!s->utf16) s->utf16 = new std::u16string(utf8ToUtf16(s->view()));
    return *s->utf16;
}

bool isJsWhitespace(uint32_t c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF: return true;
    default: return c >= 0x2000 && c <= 0x200A;
    }
}

std::string_view trimJsWhitespace(std::string_view s, bool start, bool end) {
    size_t b = 0, e = s.size();
    if (start) {
        while (b < e) {
            size_t i = b;
            uint32_t cp = decodeUtf8(s, i);
            if (!isJsWhitespace(cp)) break;
            b = i;
        }
    }
    if (end) {
        while (e > b) {
            size_t k = e - 1;
            while (k > b && (uint8_t(s[k]) & 0xC0) == 0x80)
                --k;
            size_t i = k;
            uint32_t cp = decodeUtf8(s, i);
            if (!isJsWhitespace(cp)) break;
            e = k;
        }
    }
    return s.substr(b, e - b);
}

// ---- values

bool isCallableValue(Value v) {
    if (!v.isObject()) return false;
    switch (v.asObject()->kind) {
    case ObjKind::Closure:
    case ObjKind::Native: return true;
    case ObjKind::Class: return !(v.asObject()->flags & kNamespaceClassFlag);
    default: return false;
    }
}

bool isErrorInstance(VM& vm, Value v) {
    if (!isKind(v, ObjKind::Instance) || !vm.errorClass) return false;
    return v.asObject()->klass && v.asObject()->klass->isSubclassOf(vm.errorClass);
}

Value toStringValue(VM& vm, Value v) {
    if (isString(v)) return v;
    return vm.toString(v);
}

bool toIntegerArg(VM& vm, Value v, double& out) {
    double d;
    if (v.isInt()) {
        out = v.asInt();
        return true;
    }
    if (v.isObject() && !isString(v)) {
        Value n = vm.toPrimitiveNumber(v);
        if (n.isException()) return false;
        d = n.asNumber();
    } else {
        d = VM::toNumber(v);
    }
    if (d != d) d = 0;
    out = std::isinf(d) ? d : std::trunc(d);
    if (out == 0) out = 0; // no -0
    return true;
}

int64_t relativeIndex(double rel, int64_t length) {
    if (rel < 0) {
        double r = double(length) + rel;
        return r < 0 ? 0 : int64_t(r);
    }
    return rel > double(length) ? length : int64_t(rel);
}

std::string propertyKeyOf(VM& vm, Value key) {
    if (isString(key)) return std::string(asString(key)->view());
    if (key.isInt()) return std::to_string(key.asInt());
    return vm.toStdString(key);
}

// ---- iteration

int iteratorStep(VM& vm, Iterator* it, Value* out) {
    Value target = it->target;
    switch (it->iterKind) {
    case IterKind::ArrayValues:
    case IterKind::ArrayKeys:
    case IterKind::ArrayEntries: {
        if (!isKind(target, ObjKind::Array)) return 0;
        Array* a = as<Array>(target);
        if (it->position >= a->length) {
            it->position = UINT32_MAX; // exhausted iterators stay done even if the array grows
            return 0;
        }
        uint32_t i = it->position++;
        Value v = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
        if (it->iterKind == IterKind::ArrayValues) {
            *out = v;
        } else if (it->iterKind == IterKind::ArrayKeys) {
            *out = Value::number(double(i));
        } else {
            Array* pair = vm.newArray(2);
            vm.arrayPush(pair, Value::number(double(i)));
            vm.arrayPush(pair, v);
            *out = Value::object(pair);
        }
        return 1;
    }
    case IterKind::StringChars: {
        if (!isString(target)) return 0;
        String* s = asString(target);
        if (it->position >= s->length) return 0;
        size_t i = it->position;
        decodeUtf8(s->view(), i);
        std::string_view piece = s->view().substr(it->position, i - it->position);
        it->position = uint32_t(i);
        *out = vm.str(piece);
        return 1;
    }
    case IterKind::MapKeys:
    case IterKind::MapValues:
    case IterKind::MapEntries: {
        if (!target.isObject()) return 0;
        Obj* o = target.asObject();
        if (o->kind != ObjKind::Map && o->kind != ObjKind::Set) return 0;
        auto* m = static_cast<MapObj*>(o);
        bool isSet = o->kind == ObjKind::Set;
        while (it->position < m->keys.size() && m->keys[it->position].isEmpty())
            it->position++;
        if (it->position >= m->keys.size()) {
            it->position = UINT32_MAX;
            return 0;
        }
        uint32_t i = it->position++;
        Value k = m->keys[i];
        Value v = isSet ? k : m->values[i];
        if (it->iterKind == IterKind::MapKeys) {
            *out = k;
        } else if (it->iterKind == IterKind::MapValues) {
            *out = v;
        } else {
            Array* pair = vm.newArray(2);
            vm.arrayPush(pair, k);
            vm.arrayPush(pair, v);
            *out = Value::object(pair);
        }
        return 1;
    }
    }
    return 0;
}

static Value notIterable(VM& vm, Value v) {
    std::string what;
    if (v.isUndefined())
        what = "undefined";
    else if (v.isNull())
        what = "object null";
    else if (v.isNumber())
        what = "number " + VM::numberToString(v.asNumber());
    else if (v.isBool())
        what = std::string("boolean ") + (v.asBool() ? "true" : "false");
    else if (isCallableValue(v))
        what = "function";
    else
        what = "object";
    return vm.throwTypeError(what +
                             " is not iterable (cannot read property Symbol(Symbol.iterator))");
}

std::string describeForError(VM& vm, Value v) {
    if (v.isObject() && !isString(v)) {
        Obj* o = v.asObject();
        switch (o->kind) {
        case ObjKind::Array: return "[object Array]";
        case ObjKind::Record: return "#<Object>";
        case ObjKind::Closure:
        case ObjKind::Native:
        case ObjKind::Class: return vm.toStdString(v);
        default:
            return "#<" +
                   (o->klass && o->klass->name ? std::string(o->klass->name->view()) : "Object") +
                   ">";
        }
    }
    return vm.toStdString(v);
}

Value throwNotAFunction(VM& vm, Value v) {
    return vm.throwTypeError(describeForError(vm, v) + " is not a function");
}

bool forEachIterable(VM& vm, Value iterable, const std::function<bool(Value)>& fn) {
    auto stop = [&] { return !vm.hasPendingException(); };
    Root holder(vm.heap, iterable);
    Root current(vm.heap); // the value handed to fn, alive until fn has stored it
    if (isKind(iterable, ObjKind::Array)) {
        Array* a = as<Array>(iterable);
        for (uint32_t i = 0; i < a->length; ++i) {
            Value v = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
            if (!fn(v)) return stop();
        }
        return true;
    }
    if (isString(iterable)) {
        String* s = asString(iterable);
        for (size_t i = 0; i < s->length;) {
            size_t start = i;
            decodeUtf8(s->view(), i);
            current.value = vm.str(s->view().substr(start, i - start));
            if (!fn(current.value)) return stop();
        }
        return true;
    }
    if (isKind(iterable, ObjKind::Map) || isKind(iterable, ObjKind::Set)) {
        auto* m = as<MapObj>(iterable);
        bool isSet = iterable.asObject()->kind == ObjKind::Set;
        for (size_t i = 0; i < m->keys.size(); ++i) {
            Value k = m->keys[i];
            if (k.isEmpty()) continue;
            if (isSet) {
                if (!fn(k)) return stop();
                continue;
            }
            Value v = m->values[i];
            Array* pair = vm.newArray(2);
            vm.arrayPush(pair, k);
            vm.arrayPush(pair, v);
            current.value = Value::object(pair);
            if (!fn(current.value)) return stop();
        }
        return true;
    }
    if (isKind(iterable, ObjKind::Generator)) {
        for (;;) {
            bool done;
            Value v = stepIterator(vm, iterable, done);
            if (v.isException()) return false;
            if (done) return true;
            current.value = v;
            if (!fn(current.value)) return stop();
        }
    }
    if (isKind(iterable, ObjKind::Iterator)) {
        auto* it = as<Iterator>(iterable);
        while (iteratorStep(vm, it, &current.value)) {
            if (!fn(current.value)) return stop();
        }
        return true;
    }
    if (iterable.isObject() && !isSymbol(iterable)) {
        // A user iterable: its [Symbol.iterator]() and the protocol, closing the iterator
        // (its return()) when fn stops early, as JavaScript does.
        Value method = vm.getProperty(iterable, vm.symbols.iterator);
        if (method.isException()) return false;
        if (vm.isCallable(method)) {
            Value it = iterate(vm, iterable);
            if (it.isException()) return false;
            Root keepIt(vm.heap, it);
            for (;;) {
                bool done;
                Value v = stepIterator(vm, keepIt.value, done);
                if (v.isException()) return false;
                if (done) return true;
                current.value = v;
                if (!fn(current.value)) {
                    closeIterator(vm, keepIt.value);
                    return stop();
                }
            }
        }
    }
    notIterable(vm, iterable);
    return false;
}

} // namespace molt
