// operations.h — what a transaction records (private to dsu/commit).
//
// Recording an operation changes nothing in the running program: it edits a Draft, the
// class as the update will leave it, or appends a binding operation. A Draft's `def` starts
// as the live class's definition (readClassDefinition) and every operation on the class
// edits it, so a later operation sees the earlier ones (a field added, then given a
// policy). In version mode a Draft pairs the live class (`old`) with the new version's
// class (`staged`); operations then check what the new source already says instead of
// editing it. Every Value held here is a root of the transaction (Transaction::markRoots).
//
// `Built` is what commit makes from the drafts; dropping it is the rollback of 1-4.
#pragma once

#include "dsu/commit/transaction.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace molt::dsu {

// One class as the update will leave it. `old` is null for an added class.
struct Transaction::Draft {
    Class* old = nullptr;
    Module* module = nullptr; // the module whose binding names the class (may be null)
    std::string bindingName;  // that binding's current name
    ClassDefinition def;      // the new definition (name, superclass, fields, members, statics)
    std::optional<std::string> newSuper; // set by changeSuperclass ("" = none)
    bool removed = false;
    bool fieldsDropped = false; // a field was removed or renamed: its methods are affected
    std::vector<std::pair<std::string, FieldPolicy>> fieldPolicies; // in registration order
    std::vector<InstancePolicy> instancePolicies;
    std::string migrateTo; // removed class: instances become instances of this class
    Value migrateToClosure;
    std::set<std::string> changedMembers; // method names changed or removed (any kind)
    Class* staged = nullptr;              // version mode: the new version's class (null: unchanged)
    std::set<std::string> staticOverrides;            // statics whose value the patch gave
    std::map<std::string, std::string> staticRenames; // new static -> the old one it takes
    Class* built = nullptr;
    // Updated in place (a code-only change: same layout, superclass and kind): `built` is
    // `old`, whose members prepare already replaced. Until the swap `backup` holds what
    // they were, so a rollback puts them back; the swap drops it.
    bool inPlace = false;
    std::optional<ClassDefinition> backup;
    uint32_t backupVersion = 0;
    // Migrated in cell (decision 0004, "In-cell migration"): the live class took the built
    // class's layout as well (then `inPlace` is set and `built` is `old`). Until the swap
    // `layout` holds what it was, so a rollback puts it back before `backup`'s members.
    struct Layout {
        Class* super;
        std::vector<String*> fields;
        std::unordered_map<String*, uint32_t> slotOf;
        uint32_t ownFieldStart, depth;
    };
    std::optional<Layout> layout;
};

// Version mode: a live module and its staged next version (adoptVersion).
struct Transaction::Adoption {
    Module* live;
    Module* staged;
    std::vector<std::pair<Closure*, Closure*>> functions; // changed function: live -> new
    // Pairs of `functions` whose live closure took the new code in place (prepare): the
    // swap leaves them alone, the safe point still judges the code they ran.
    std::vector<std::pair<Closure*, Closure*>> rewrittenFunctions;
    std::vector<Obj*> rebase; // staged code and classes whose module becomes `live`
    std::vector<std::pair<std::string, Value>> overrides; // setBinding / given values
    Obj* oldExports = nullptr; // the new version assigned module.exports: the new object
    Obj* newExports = nullptr; // takes the old one's identity
    Module* result = nullptr;  // the namespace `live` takes (built by prepare)
};

// A blocking frame parked at an update point, and what it becomes (update_points.cpp).
struct Transaction::FrameMove {
    Thread* thread;
    size_t frameIndex;
    Closure* replacement;
    const UpdatePoint* from;
    const UpdatePoint* to;
    std::vector<Value> locals; // the new point's locals, in its order (computed before the swap)
    std::string description;
    bool atCall = false;       // waits in a call: armed to move when the call returns
    std::vector<int> carriedFrom; // per new local: the old slot it is carried from, or -1
    // An armed frame of a closure updated in place: a closure of its old code, which the
    // frame holds until it moves, so it stays consistent (stacks, unwinding) meanwhile.
    Closure* standIn = nullptr;
};

struct Transaction::Binding {
    enum class Kind { Add, Remove, Rename, Set } kind;
    Module* module;
    std::string name;
    std::string newName;
    Value value;
};

// Everything commit builds; dropping it discards the update.
struct Transaction::Built {
    std::vector<Draft*> order;
    std::vector<Obj*> olds, news;
    std::vector<std::pair<Module*, Module*>> namespaces; // live module -> its new copy
    std::vector<Value> keep;
    std::unordered_map<Class*, Class*> classMap; // old class -> new class
    // Version mode, in place: what the staged objects' references become (a staged class
    // -> its live class, a new member closure -> the live closure that stands for it).
    std::unordered_map<Obj*, Obj*> forward;
    // What prepare allocated (the heap's allocation log, when the commit may migrate in
    // cell): the only objects that can refer to a built class, so the only ones forwarded
    // when a live class takes a built class's place.
    std::vector<Obj*> prepared;
};

// The in-cell migration's undo log (in_cell.cpp): every instance migrated in its own cell,
// class by class, and of each the old values that are in none of its new slots (a removed
// field's). An old value that moved or stayed is read back from the cell: adding, renaming
// a field or changing the superclass saves nothing but the list of instances. A rollback
// restores every rewritten instance's slots. Its size is the update's extra memory:
// proportional to the migrated instances, not to the heap.
struct CellUndo {
    struct Group {
        size_t end;                  // objects[previous end, end) are of one class
        uint32_t oldCount, newCount;  // slots before and after
        std::vector<int> recoverFrom; // old slot -> the new slot holding its value, or -1
        std::vector<uint32_t> saved;  // the old slots with -1 there, ascending
    };
    std::vector<Value> objects; // a root of the transaction: garbage among them stays put
    std::vector<Group> groups;
    std::vector<Value> values; // the saved slots, object after object
    size_t done = 0;           // objects rewritten so far (the rest are untouched)
    // Hosted policies that receive the old object (decision 0004, "Old objects in cell"):
    // frozen copies of the classes as they were (old layout and members), and per group
    // the old view, one instance of its frozen class that takes each instance's old slots
    // in turn before its policies run (undefined when no policy of the class needs it).
    std::vector<Value> oldClasses;
    std::vector<Value> oldViews;
    size_t bytes() const {
        return objects.capacity() * sizeof(Value) + values.capacity() * sizeof(Value);
    }
    void restore(); // every rewritten object takes back its old slots
    // Once the policies are done: each old view takes a class whose every member throws,
    // so one a policy kept cannot pass stale values off as its instance's; the frozen
    // classes are let go.
    void revokeOldViews(VM& vm);
};

// A hosted field policy an instance migrated in cell runs (a declared initializer or a
// computed policy), for the slot whose last policy step it is.
struct HostedStep {
    uint32_t slot;
    const FieldPolicy* policy;
    std::string field;
};

// A copy of `live` as it is now (its layout and members) under `super`: the class of an
// old view. Nothing else refers to it, so the update leaves no trace of it.
Class* freezeClass(VM& vm, Class* live, Class* super);
// Whether a hosted policy may read the namespaces it would be passed (oldObj, newObj,
// oldNs, newNs): declared with more than two parameters, a rest or `arguments`, or not a
// closure at all. Such a policy keeps its class on the copy path.
bool takesNamespaces(Value policy);

// Whether two functions were compiled to the same code (commit_pipeline.cpp).
bool sameCode(const FunctionProto* a, const FunctionProto* b);

// Rewrites references by a (small) map: a staged or built class becomes the live class
// that takes its place, a new member closure the live closure that stands for it. Both
// sides of every pair have the same kind, so typed edges stay well typed.
struct MapForwarder : EdgeVisitorBase<MapForwarder> {
    const std::unordered_map<Obj*, Obj*>& to;
    bool changed = false;
    Obj* target(Obj* o) const {
        auto it = to.find(o);
        return it == to.end() ? o : it->second;
    }
    void visit(Value& v, const char*) {
        if (!v.isObject()) return;
        Obj* t = target(v.asObject());
        if (t != v.asObject()) {
            v = Value::object(t);
            changed = true;
        }
    }
    template<typename T> void visit(T*& ref, const char*) {
        if (!ref) return;
        Obj* t = target(ref);
        if (t != ref) {
            ref = static_cast<T*>(t);
            changed = true;
        }
    }
};
// Forwards `o`'s edges with `fwd`, re-indexing what that changes (an instance's class, a
// Map/Set whose keys hash differently now).
void forwardObject(VM& vm, Obj* o, MapForwarder& fwd);

// A field value as the Before/After view shows it (UpdateReport::samples).
std::string renderShort(VM& vm, Value v);

// Exchanges two records' entries (a module's exports taking the new version's in place).
void swapRecordEntries(Record* a, Record* b);

// A class or a function that module `m`'s own code defines (not one it merely binds).
bool definedIn(Value v, const Module* m);

} // namespace molt::dsu
