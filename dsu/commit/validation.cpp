#include "dsu/commit/validation.h"

#include <algorithm>
#include <unordered_set>

namespace molt::dsu {

Validation::Validation(std::string name, Check check, std::vector<Value> roots)
    : name_(std::move(name)), check_(std::move(check)), roots_(std::move(roots)) {}

Validation Validation::hosted(std::string name, Value closure) {
    std::string label = name;
    bool onlyNew = false;
    if (isKind(closure, ObjKind::Closure)) {
        const FunctionProto* p = as<Closure>(closure)->proto;
        onlyNew = p->numParams == 0 && p->argumentsSlot == 0 &&
                  !p->has(FunctionFlag::HasRest);
    }
    Validation v(std::move(name),
                      [label, closure](UpdateView& update) -> Result<void> {
                          Result<Value> r = callHosted(update.vm, closure, Value::undefined(),
                                                       {update.oldNs, update.newNs});
                          if (!r) return r.error().context("validation '" + label + "' threw: ");
                          if (!VM::truthy(r.value()))
                              return Error("validation '" + label + "' failed");
                          return {};
                      },
                      {closure});
    v.onlyNew_ = onlyNew;
    return v;
}

Validation Validation::allOf(std::string name, std::vector<Validation> parts) {
    std::vector<Value> roots;
    for (const Validation& p : parts)
        roots.insert(roots.end(), p.roots().begin(), p.roots().end());
    bool onlyNew = std::all_of(parts.begin(), parts.end(),
                               [](const Validation& p) { return p.onlyNew_; });
    Validation v(
        std::move(name),
        [parts = std::move(parts)](UpdateView& update) -> Result<void> {
            for (const Validation& p : parts)
                TRY(p.run(update));
            return {};
        },
        std::move(roots));
    v.onlyNew_ = onlyNew;
    return v;
}

Validation Validation::operator&&(const Validation& other) const {
    return allOf(name_ + " and " + other.name_, {*this, other});
}

namespace validations {

Validation noLiveInstanceOfRemovedClass() {
    return Validation("system: no live instance of a removed class",
                      [](UpdateView& update) -> Result<void> {
                          for (Class* c : update.unmapped) {
                              size_t live = update.liveAfterSwap(c);
                              if (!live) continue;
                              return Error("class '" + std::string(c->name->view()) +
                                           "' was removed but " + std::to_string(live) +
                                           " of its instances are still reachable (map them "
                                           "with migrateInstancesTo)");
                          }
                          return {};
                      });
}

Validation migratedObjectsHaveTheirLayout() {
    return Validation("system: migrated objects have their class's layout",
                      [](UpdateView& update) -> Result<void> {
                          for (Obj* o : update.news) {
                              auto* in = static_cast<Instance*>(o);
                              if (in->slotCount == in->klass->fields.size()) continue;
                              return Error("a migrated " + std::string(in->klass->name->view()) +
                                           " does not have its class's layout");
                          }
                          return {};
                      });
}

Validation nothingNewRefersToARemovedClass() {
    return Validation(
        "system: nothing new refers to a removed class", [](UpdateView& update) -> Result<void> {
            std::unordered_set<Obj*> removed(update.removedClasses.begin(),
                                             update.removedClasses.end());
            if (removed.empty()) return {};
            for (Obj* o : update.news) {
                auto* in = static_cast<Instance*>(o);
                for (uint32_t i = 0; i < in->slotCount; ++i) {
                    if (!in->slots[i].isObject() || !removed.count(in->slots[i].asObject()))
                        continue;
                    return Error(
                        "a migrated " + std::string(in->klass->name->view()) +
                        " refers to the removed class " +
                        std::string(static_cast<Class*>(in->slots[i].asObject())->name->view()));
                }
            }
            return {};
        });
}

std::vector<Validation> system() {
    // They read what the update built and removed: instances migrated in cell are the
    // program's own objects, held to their layout by the heap checker.
    std::vector<Validation> all = {noLiveInstanceOfRemovedClass(), migratedObjectsHaveTheirLayout(),
                                   nothingNewRefersToARemovedClass()};
    for (Validation& v : all)
        v.markSeesOnlyTheNewProgram();
    return all;
}

} // namespace validations

Result<Value> callHosted(VM& vm, Value fn, Value thisValue, std::vector<Value> args) {
    Value result = vm.call(fn, thisValue, args.data(), int(args.size()));
    if (!result.isException()) return result;
    if (vm.exitRequested()) return Error("the program exited");
    Value exc = vm.takePendingException();
    Root keep(vm.heap, exc);
    if (vm.instanceOf(exc, vm.errorClass)) {
        Value m = vm.getProperty(exc, vm.names.message);
        if (m.isException()) vm.takePendingException();
        Value n = vm.getProperty(exc, vm.names.name);
        if (n.isException()) vm.takePendingException();
        // With its trace, so that the reader sees where in their code it threw.
        Value stack = vm.getProperty(exc, vm.names.stack);
        if (stack.isException()) vm.takePendingException();
        std::string trace = isString(stack) ? std::string(asString(stack)->view()) : "";
        size_t at = trace.find("\n    at ");
        return Error(vm.toStdString(n) + ": " + vm.toStdString(m) +
                     (at == std::string::npos ? "" : trace.substr(at)));
    }
    return Error(vm.inspect(exc));
}

} // namespace molt::dsu
