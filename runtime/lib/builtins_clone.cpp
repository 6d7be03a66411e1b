// builtins_clone.cpp — structuredClone: a deep copy of records, arrays, Map, Set and Date.
//
// As the HTML structured clone algorithm does, the copy keeps the graph's shape: every
// object reachable twice (or through a cycle) is copied once, and the copies point at
// each other as the originals did. An instance of a class is copied as a plain record of
// its own enumerable fields (the algorithm does not carry classes over), strings and other
// primitives are shared, and anything that cannot be cloned (functions, classes, threads,
// iterators) throws a DataCloneError naming the value.
//
// Every copy made is pushed onto one rooted array before the next allocation, so a
// collection in the middle of a deep copy keeps the partial graph alive.
#include "runtime/core/private_name.h"
#include "runtime/lib/natives.h"

#include <unordered_map>

namespace molt {

namespace {

class Cloner {
public:
    Cloner(VM& vm) : vm_(vm), made_(vm.heap, Value::object(vm.newArray())) {}

    Value clone(Value v) {
        if (!v.isObject() || isString(v)) return v;
        Obj* o = v.asObject();
        auto seen = copies_.find(o);
        if (seen != copies_.end()) return seen->second;
        Root keep(vm_.heap, v);
        switch (o->kind) {
        case ObjKind::Record: {
            Record* copy = vm_.newRecord();
            remember(o, Value::object(copy));
            auto* r = static_cast<Record*>(o);
            for (size_t i = 0; i < r->keys.size(); ++i) {
                if (!r->isLive(i)) continue;
                Value x = vm_.recordRead(r, i, v);
                if (x.isException()) return x;
                x = clone(x);
                if (x.isException()) return x;
                vm_.recordSet(copy, r->keys[i], x);
            }
            return Value::object(copy);
        }
        case ObjKind::Instance: {
            Record* copy = vm_.newRecord();
            remember(o, Value::object(copy));
            std::vector<std::pair<String*, Value>> fields;
            forEachOwnProperty(vm_, static_cast<Instance*>(o),
                               [&](String* key, Value v) { fields.emplace_back(key, v); });
            for (auto& [key, v] : fields) {
                Value x = clone(v);
                if (x.isException()) return x;
                vm_.recordSet(copy, key, x);
            }
            return Value::object(copy);
        }
        case ObjKind::Array: {
            auto* a = static_cast<Array*>(o);
            Array* copy = vm_.newArray(a->length);
            remember(o, Value::object(copy));
            for (uint32_t i = 0; i < a->length; ++i) {
                Value e = a->elements[i];
                Value x = e.isEmpty() ? e : clone(e);
                if (x.isException()) return x;
                vm_.arrayPush(copy, x);
            }
            return Value::object(copy);
        }
        case ObjKind::Map:
        case ObjKind::Set: {
            bool isSet = o->kind == ObjKind::Set;
            MapObj* copy = isSet ? vm_.newSet() : vm_.newMap();
            remember(o, Value::object(copy));
            auto* m = static_cast<MapObj*>(o);
            for (size_t i = 0; i < m->keys.size(); ++i) {
                if (m->keys[i].isEmpty()) continue;
                Value k = clone(m->keys[i]);
                if (k.isException()) return k;
                Root keepKey(vm_.heap, k);
                if (isSet) {
                    setAddValue(vm_, copy, k);
                    continue;
                }
                Value x = clone(m->values[i]);
                if (x.isException()) return x;
                mapSetEntry(vm_, copy, k, x);
            }
            return Value::object(copy);
        }
        case ObjKind::Date: {
            Value copy = newDateValue(vm_, static_cast<DateObj*>(o)->time);
            remember(o, copy);
            return copy;
        }
        default: break;
        }
        Value cls = vm_.global("DataCloneError");
        std::string what = describeForError(vm_, v) + " could not be cloned.";
        if (!isKind(cls, ObjKind::Class)) return vm_.throwError(vm_.errorClass, what);
        return vm_.throwError(as<Class>(cls), what);
    }

private:
    void remember(Obj* original, Value copy) {
        vm_.arrayPush(as<Array>(made_.value), copy);
        copies_[original] = copy;
    }

    VM& vm_;
    Root made_; // every copy, so the partial graph survives a collection
    std::unordered_map<Obj*, Value> copies_;
};

Value structuredCloneFn(VM& vm, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    Root keep(vm.heap, v);
    Cloner cloner(vm);
    return cloner.clone(v);
}

} // namespace

void installCloneBuiltins(VM& vm) {
    Class* dataCloneError = vm.newBuiltinClass("DataCloneError", vm.errorClass);
    vm.defineGlobal("DataCloneError", Value::object(dataCloneError));
    vm.defineGlobal("structuredClone",
                    Value::object(vm.newNative("structuredClone", structuredCloneFn, 1)));
}

} // namespace molt
