// validation.h — the checks an update must pass before its swap (DESIGN.md §5).
//
// A Validation is a named check that says why it failed. The system validations (no live
// instance of a removed class, every migrated object has its class's layout, nothing new
// refers to a removed class) and a patch's hosted `(oldNs, newNs) => boolean` closures are
// the same kind of object, so they run, report and compose alike: `a && b` runs both and
// fails with the first failure's reason; `allOf(name, {...})` groups several under a name.
// A Transaction runs the system validations first, then the application's, in order.
#pragma once

#include "runtime/core/result.h"
#include "runtime/core/vm.h"

#include <functional>
#include <string>
#include <vector>

namespace molt::dsu {

// What a validation sees of an update that has migrated but not yet swapped.
struct UpdateView {
    VM& vm;
    const std::vector<Obj*>& olds;      // migrated instances: the old objects ...
    const std::vector<Obj*>& news;      // ... and their new ones, index for index
    std::vector<Class*> removedClasses; // every class the update removes
    std::vector<Class*> unmapped;       // those whose instances are not mapped elsewhere
    // Instances of a removed class that stay reachable once the swap has replaced every
    // old object by its new one.
    std::function<size_t(Class*)> liveAfterSwap;
    Value oldNs, newNs; // the namespace views hosted validations receive
};

class Validation {
public:
    // Passes, or fails with the reason (naming what it found).
    using Check = std::function<Result<void>(UpdateView& update)>;
    Validation(std::string name, Check check, std::vector<Value> roots = {});
    // A hosted (oldNs, newNs) => boolean closure: false or a throw fails it.
    static Validation hosted(std::string name, Value closure);
    // Several validations as one, run in order; the first failure is the group's.
    static Validation allOf(std::string name, std::vector<Validation> parts);
    Validation operator&&(const Validation& other) const;

    const std::string& name() const { return name_; }
    Result<void> run(UpdateView& update) const { return check_(update); }
    // Hosted values the validation holds (the transaction keeps them alive).
    const std::vector<Value>& roots() const { return roots_; }
    // Whether it cannot tell an update migrated in cell from one that copied: it looks only
    // at the program as the swap will leave it, never at the old objects. True for the
    // system validations and for a hosted closure declared without parameters (no oldNs
    // to ask, no `arguments`); a C++ check given olds/news, or a closure taking the
    // namespaces, keeps the update on the copy path (in_cell.cpp).
    bool seesOnlyTheNewProgram() const { return onlyNew_; }
    // For a C++ check that reads nothing of the old objects (the system validations).
    void markSeesOnlyTheNewProgram() { onlyNew_ = true; }

private:
    std::string name_;
    Check check_;
    std::vector<Value> roots_;
    bool onlyNew_ = false;
};

namespace validations {
Validation noLiveInstanceOfRemovedClass();
Validation migratedObjectsHaveTheirLayout();
Validation nothingNewRefersToARemovedClass();
// The three above, in that order: what every update checks.
std::vector<Validation> system();
} // namespace validations

// Calls hosted code for a policy or a validation: its result, or an error ("TypeError:
// message", "the program exited") when it throws or the program exits.
Result<Value> callHosted(VM& vm, Value fn, Value thisValue, std::vector<Value> args);

} // namespace molt::dsu
