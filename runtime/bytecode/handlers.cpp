// handlers.cpp — the out-of-line halves of interpreter handlers (handlers.h).
#include "runtime/bytecode/handlers.h"

#include "runtime/bytecode/calls.h"
#include "runtime/bytecode/operations.h"
#include "runtime/core/assert.h"
#include "runtime/core/private_name.h"
#include "runtime/exec/microtasks.h"

#include <algorithm>

namespace molt {

bool fillInstanceCache(Class* k, String* name, InlineCache& ic, bool forSet) {
    int slot = k->findSlot(name);
    if (slot >= 0) {
        ic = {k, Value::empty(), uint32_t(slot), InlineCache::Field};
        return true;
    }
    if (forSet) {
        auto s = k->setters.find(name);
        if (s == k->setters.end()) return false;
        ic = {k, s->second, 0, InlineCache::Setter};
        return true;
    }
    auto g = k->getters.find(name);
    if (g != k->getters.end()) {
        ic = {k, g->second, 0, InlineCache::Getter};
        return true;
    }
    auto m = k->methods.find(name);
    if (m != k->methods.end()) {
        ic = {k, m->second, 0, InlineCache::Method};
        return true;
    }
    return false;
}

Value findGlobal(VM& vm, String* name, bool mustExist) {
    auto it = vm.globalIndex.find(name);
    if (it == vm.globalIndex.end()) {
        if (!loadLazyGlobal(vm, name)) return Value::exception();
        it = vm.globalIndex.find(name);
    }
    if (it != vm.globalIndex.end()) return Value::integer(int32_t(it->second));
    if (!mustExist) return Value::undefined();
    vm.throwReferenceError(std::string(name->view()) + " is not defined");
    return Value::exception();
}

void throwBeforeInitialization(VM& vm, const Module* m, uint16_t slot) {
    vm.throwReferenceError("Cannot access '" + std::string(m->names[slot]->view()) +
                           "' before initialization");
}

Value invokeTarget(VM& vm, const CallFrame* frame, Value recv, String* name) {
    // Records hold functions under keys; classes have static methods; everything else
    // looks the name up on its class.
    Value v;
    if (recv.isObject() &&
        (recv.asObject()->kind == ObjKind::Record || recv.asObject()->kind == ObjKind::Class ||
         recv.asObject()->kind == ObjKind::Instance)) {
        v = vm.getProperty(recv, name);
        if (v.isException()) return v;
    } else if (recv.isNullish()) {
        vm.throwTypeError("Cannot read properties of " +
                          std::string(recv.isNull() ? "null" : "undefined") + " (reading '" +
                          std::string(name->view()) + "')");
        return Value::exception();
    } else {
        v = vm.lookupMethod(vm.classOf(recv), name);
        if (v.isEmpty()) {
            v = vm.getProperty(recv, name);
            if (v.isException()) return v;
        }
    }
    if (!vm.isCallable(v)) {
        throwNotAFunction(vm, frame, vm.describeReceiver(recv) + "." + std::string(name->view()));
        return Value::exception();
    }
    return v;
}

Value superMethod(VM& vm, const CallFrame* frame, String* name) {
    Class* home = frame->closure->homeClass;
    Value fn = Value::empty();
    if (home && home->super) {
        if (frame->closure->proto->has(FunctionFlag::Static)) {
            fn = vm.getProperty(Value::object(home->super), name);
            if (fn.isException()) return fn;
        } else {
            fn = vm.lookupMethod(home->super, name);
        }
    }
    if (!vm.isCallable(fn)) {
        vm.throwTypeError("(intermediate value)." + std::string(name->view()) +
                          " is not a function");
        return Value::exception();
    }
    return fn;
}

Value concatenate(VM& vm, const Value* parts, int n) {
    int first = 0;
    while (first < n && isString(parts[first]) && asString(parts[first])->length == 0)
        first++;
    std::string rest;
    for (int i = first + 1; i < n; ++i) {
        Value v = parts[i];
        if (isString(v)) {
            rest.append(asString(v)->view());
            continue;
        }
        Value s = vm.toString(v);
        if (s.isException()) return s;
        rest.append(asString(s)->view());
    }
    if (first == n) return vm.str("");
    Value head = parts[first];
    if (!isString(head)) {
        head = vm.toString(head);
        if (head.isException()) return head;
    }
    Root keep(vm.heap, head);
    return Value::object(vm.concat(asString(head), rest));
}

Value copyRecordRest(VM& vm, Value src, const Array* exclude, Record* rest) {
    if (isKind(src, ObjKind::Record)) {
        auto* r = as<Record>(src);
        for (size_t i = 0; i < r->keys.size(); ++i) {
            bool skip = !r->isLive(i);
            for (uint32_t j = 0; j < exclude->length; ++j)
                skip |= asString(exclude->elements[j]) == r->keys[i];
            if (skip) continue;
            String* key = r->keys[i];
            Value v = vm.recordRead(r, i, src);
            if (v.isException()) return v;
            vm.recordSet(rest, key, v);
        }
    } else if (src.isNullish()) {
        vm.throwTypeError("Cannot destructure '" + vm.toStdString(src) + "' as it is " +
                          vm.toStdString(src) + ".");
        return Value::exception();
    }
    return Value::undefined();
}

Value defineComputedKey(VM& vm, Value* at, ComputedKind kind) {
    Value key = vm.toPropertyKey(at[1]);
    if (key.isException()) return key;
    at[1] = key;
    if (kind == ComputedKind::Value) {
        vm.recordSet(as<Record>(at[0]), asString(key), at[2]);
        return Value::undefined();
    }
    if (!vm.recordDefineAccessor(as<Record>(at[0]), asString(key), at[2],
                                 kind == ComputedKind::Setter))
        return Value::exception();
    return Value::undefined();
}

Value hasPrivate(VM& vm, Value obj, String* name) {
    if (!obj.isObject() || isString(obj)) {
        vm.throwTypeError("Cannot use 'in' operator to search for '" +
                          std::string(PrivateName::written(name->view())) + "' in " +
                          vm.toStdString(obj));
        return Value::exception();
    }
    Obj* o = obj.asObject();
    bool has = false;
    if (o->kind == ObjKind::Instance) {
        Class* c = o->klass;
        has = c->findSlot(name) >= 0 || c->methods.count(name) || c->getters.count(name) ||
              c->setters.count(name);
    } else if (o->kind == ObjKind::Class) {
        for (Class* c = static_cast<Class*>(o); c && !has; c = c->super)
            has = std::find(c->staticNames.begin(), c->staticNames.end(), name) !=
                      c->staticNames.end() ||
                  c->staticMethods.count(name) || c->staticGetters.count(name) ||
                  c->staticSetters.count(name);
    }
    return Value::boolean(has);
}

Value instanceOfHook(VM& vm, Value c, Value v) {
    Value hook = vm.getProperty(c, vm.symbols.hasInstance);
    if (hook.isException()) return hook;
    Value r = vm.call(hook, c, &v, 1);
    if (r.isException()) return r;
    return Value::boolean(vm.truthy(r));
}

Value collectRest(VM& vm, Value* iterSlot, Array* rest) {
    while (!iterSlot->isUndefined()) {
        bool done;
        Value v = stepIterator(vm, *iterSlot, done);
        if (v.isException()) return v;
        if (done) break;
        vm.arrayPush(rest, v);
    }
    *iterSlot = Value::undefined();
    return Value::undefined();
}

void defineMember(Class* c, String* name, MemberKind kind, Value fn) {
    switch (kind) {
    case MemberKind::Method: c->ownMethods[name] = fn; break;
    case MemberKind::Getter: c->ownGetters[name] = fn; break;
    case MemberKind::Setter: c->ownSetters[name] = fn; break;
    case MemberKind::StaticMethod: c->staticMethods[name] = fn; break;
    case MemberKind::StaticGetter: c->staticGetters[name] = fn; break;
    case MemberKind::StaticSetter: c->staticSetters[name] = fn; break;
    default: MOLT_CHECK(false, "Op::Method takes a method-table kind"); // as compiled
    }
}

} // namespace molt
