// policy.h — migration policies: how a migrated instance gets its state.
//
// A policy never writes to the old object: it reads the old instance and produces the new
// one's field values (a FieldPolicy) or edits the new instance as a whole (an
// InstancePolicy, the seed's `migrateInstances(cls, policy)`).
//
// Built-in policies are plain data, so the differ can print them into a patch script and a
// report can name them; hosted closures are the escape hatch. They compose in a fixed
// order per instance: every field is first copied by name (keep), then field policies run
// in the order they were registered (the last one registered for a field wins), then
// instance policies run in registration order.
#pragma once

#include "runtime/core/vm.h"

#include <string>

namespace molt::dsu {

struct FieldPolicy {
    enum class Kind {
        KeepByName,  // the old object's field of the same name (undefined when absent)
        Rename,      // the old object's field `from`
        Constant,    // `value`
        Initializer, // `value` is a closure called with this = the new object, no arguments
        Computed,    // `value` is a closure (oldObj, newObj, oldNs, newNs) -> field value
    };
    Kind kind = Kind::KeepByName;
    std::string from;
    Value value;
    // Applies only to instances whose old class lacks the field (an update to a new
    // version: a field pulled up into a superclass keeps the subclasses' values).
    bool onlyWhereAbsent = false;
    // Where a patch registered it ("patch.js:4:7"), for the messages of a policy that
    // throws; empty for one made in C++.
    std::string declaredAt{};
    // "patch.js:4:7: ", the prefix of such a message ("" when declaredAt is empty).
    std::string where() const { return declaredAt.empty() ? "" : declaredAt + ": "; }

    static FieldPolicy keep() { return {}; }
    static FieldPolicy rename(std::string from) {
        return {Kind::Rename, std::move(from), Value::undefined()};
    }
    static FieldPolicy constant(Value v) { return {Kind::Constant, {}, v}; }
    static FieldPolicy initializer(Value closure) { return {Kind::Initializer, {}, closure}; }
    static FieldPolicy computed(Value closure) { return {Kind::Computed, {}, closure}; }

    // "keep", "rename from bal", "constant 'EUR'", "initializer", "computed".
    std::string describe(VM& vm) const;
};

// A hosted closure (oldObj, newObj, oldNs, newNs) run once per migrated instance.
struct InstancePolicy {
    Value closure;
    std::string name; // for reports and error messages
};

} // namespace molt::dsu
