#include "dsu/commit/namespace_view.h"

#include "dsu/commit/operations.h"

#include <algorithm>

namespace molt::dsu {

Value Transaction::lookup(bool newVersion, const std::string& name) {
    if (newVersion && built_) {
        for (Draft* d : built_->order)
            if (d->def.name == name) return Value::object(d->built);
        for (auto& b : bindingOps_)
            if (b.kind == Binding::Kind::Add && b.name == name) return b.value;
        for (auto& a : adoptions_)
            if (a->result) {
                auto it = a->result->slotByName.find(name);
                if (it != a->result->slotByName.end()) {
                    Value v = a->result->slots[it->second];
                    if (Draft* d =
                            isKind(v, ObjKind::Class) ? draftForStaged(as<Class>(v)) : nullptr)
                        return d->built ? Value::object(d->built) : v;
                    return v.isEmpty() ? Value::undefined() : v;
                }
            }
    }
    for (Module* m : vm_.modules()) {
        auto it = m->slotByName.find(name);
        if (it == m->slotByName.end()) continue;
        Value v = m->slots[it->second];
        if (newVersion && built_ && isKind(v, ObjKind::Class)) {
            auto c = built_->classMap.find(as<Class>(v));
            if (c != built_->classMap.end()) return Value::object(c->second);
        }
        return v.isEmpty() ? Value::undefined() : v;
    }
    return vm_.global(name);
}

Value Transaction::instancesOf(bool newVersion, const std::string& className) {
    Value cls = lookup(newVersion, className);
    Array* out = vm_.newArray();
    Root keep(vm_.heap, Value::object(out));
    if (!isKind(cls, ObjKind::Class)) return Value::object(out);
    Class* c = as<Class>(cls);
    bool isNewClass = built_ && std::any_of(built_->order.begin(), built_->order.end(),
                                            [&](Draft* d) { return d->built == c && !d->inPlace; });
    if (newVersion && isNewClass) {
        for (Obj* o : built_->news)
            if (o->klass == c) vm_.arrayPush(out, Value::object(o));
        // Objects a policy made with the new version's class (`new Address()` in a patch
        // names the staged class, which becomes `c` at the swap).
        for (Draft* d : built_->order)
            if (d->built == c && d->staged)
                for (Value v : allInstancesUncollected(vm_, d->staged))
                    vm_.arrayPush(out, v);
        return Value::object(out);
    }
    for (Value v : allInstances(vm_, c))
        vm_.arrayPush(out, v);
    return Value::object(out);
}

static Value nsGet(VM& vm, Value self, Value* args, int argc);
static Value nsAllInstances(VM& vm, Value self, Value* args, int argc);

Value makeNamespaceView(VM& vm, bool newVersion) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    vm.recordSet(r, "version", vm.istr(newVersion ? "new" : "old"));
    vm.recordSet(r, "get", Value::object(vm.newNative("get", nsGet, 1)));
    vm.recordSet(r, vm.intern("allInstances"),
                 Value::object(vm.newNative("allInstances", nsAllInstances, 1)));
    return Value::object(r);
}

static bool viewIsNew(VM& vm, Value self) {
    if (!isKind(self, ObjKind::Record)) return false;
    Value v = vm.recordGet(as<Record>(self), vm.intern("version"));
    return isString(v) && asString(v)->view() == "new";
}

static Value nsGet(VM& vm, Value self, Value* args, int argc) {
    Transaction* t = vm.activeUpdate();
    if (!t || argc < 1 || !isString(args[0]))
        return vm.throwTypeError("ns.get(name) expects a name during an update");
    return t->lookup(viewIsNew(vm, self), std::string(asString(args[0])->view()));
}

static Value nsAllInstances(VM& vm, Value self, Value* args, int argc) {
    Transaction* t = vm.activeUpdate();
    if (!t || argc < 1 || !isString(args[0]))
        return vm.throwTypeError(
            "ns.allInstances(className) expects a class name during an update");
    return t->instancesOf(viewIsNew(vm, self), std::string(asString(args[0])->view()));
}

} // namespace molt::dsu
