#include "dsu/commit/validation.h"

#include <unordered_set>

namespace molt::dsu {

Validation::Validation(std::string name, Check check, std::vector<Value> roots)
    : name_(std::move(name)), check_(std::move(check)), roots_(std::move(roots)) {}

Validation Validation::hosted(std::string name, Value closure) {
    std::string label = name;
    return Validation(std::move(name),
                      [label, closure](UpdateView& update, std::string& why) {
                          Value r;
                          std::string thrown;
                          if (!callHosted(update.vm, closure, Value::undefined(),
                                          {update.oldNs, update.newNs}, r, thrown)) {
                              why = "validation '" + label + "' threw: " + thrown;
                              return false;
                          }
                          if (!VM::truthy(r)) {
                              why = "validation '" + label + "' failed";
                              return false;
                          }
                          return true;
                      },
                      {closure});
}

Validation Validation::allOf(std::string name, std::vector<Validation> parts) {
    std::vector<Value> roots;
    for (const Validation& p : parts)
        roots.insert(roots.end(), p.roots().begin(), p.roots().end());
    return Validation(
        std::move(name),
        [parts = std::move(parts)](UpdateView& update, std::string& why) {
            for (const Validation& p : parts)
                if (!p.run(update, why)) return false;
            return true;
        },
        std::move(roots));
}

Validation Validation::operator&&(const Validation& other) const {
    return allOf(name_ + " and " + other.name_, {*this, other});
}

namespace validations {

Validation noLiveInstanceOfRemovedClass() {
    return Validation("system: no live instance of a removed class",
                      [](UpdateView& update, std::string& why) {
                          for (Class* c : update.unmapped) {
                              size_t live = update.liveAfterSwap(c);
                              if (!live) continue;
                              why = "class '" + std::string(c->name->view()) +
                                    "' was removed but " + std::to_string(live) +
                                    " of its instances are still reachable (map them with "
                                    "migrateInstancesTo)";
                              return false;
                          }
                          return true;
                      });
}

Validation migratedObjectsHaveTheirLayout() {
    return Validation("system: migrated objects have their class's layout",
                      [](UpdateView& update, std::string& why) {
                          for (Obj* o : update.news) {
                              auto* in = static_cast<Instance*>(o);
                              if (in->slotCount == in->klass->fields.size()) continue;
                              why = "a migrated " + std::string(in->klass->name->view()) +
                                    " does not have its class's layout";
                              return false;
                          }
                          return true;
                      });
}

Validation nothingNewRefersToARemovedClass() {
    return Validation(
        "system: nothing new refers to a removed class", [](UpdateView& update, std::string& why) {
            std::unordered_set<Obj*> removed(update.removedClasses.begin(),
                                             update.removedClasses.end());
            if (removed.empty()) return true;
            for (Obj* o : update.news) {
                auto* in = static_cast<Instance*>(o);
                for (uint32_t i = 0; i < in->slotCount; ++i) {
                    if (!in->slots[i].isObject() || !removed.count(in->slots[i].asObject()))
                        continue;
                    why = "a migrated " + std::string(in->klass->name->view()) +
                          " refers to the removed class " +
                          std::string(static_cast<Class*>(in->slots[i].asObject())->name->view());
                    return false;
                }
            }
            return true;
        });
}

std::vector<Validation> system() {
    return {noLiveInstanceOfRemovedClass(), migratedObjectsHaveTheirLayout(),
            nothingNewRefersToARemovedClass()};
}

} // namespace validations

bool callHosted(VM& vm, Value fn, Value thisValue, std::vector<Value> args, Value& result,
                std::string& why) {
    result = vm.call(fn, thisValue, args.data(), int(args.size()));
    if (!result.isException()) return true;
    if (vm.exitRequested()) {
        why = "the program exited";
        return false;
    }
    Value exc = vm.takePendingException();
    Root keep(vm.heap, exc);
    if (vm.instanceOf(exc, vm.errorClass)) {
        Value m = vm.getProperty(exc, vm.names.message);
        if (m.isException()) vm.takePendingException();
        Value n = vm.getProperty(exc, vm.names.name);
        if (n.isException()) vm.takePendingException();
        why = vm.toStdString(n) + ": " + vm.toStdString(m);
    } else {
        why = vm.inspect(exc);
    }
    return false;
}

} // namespace molt::dsu
