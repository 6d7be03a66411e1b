// mop.h — the meta-object protocol the DSU core is written against (DESIGN.md §4).
//
// Every operation here is a plain function over the runtime's objects, usable from C++
// (the DSU core, tests) and mirrored for hosted code by the `Molt` global. They follow the
// runtime's error convention: failures throw a hosted exception and return
// Value::exception() (or false / nullptr where noted).
//
// swapObjects is the primitive a DSU commit ends with: after it, every reference to an old
// object — in the heap, thread stacks, closures' upvalues, globals, module namespaces,
// statics, collections (Map/Set keys are re-hashed) — reaches the corresponding new object,
// and the new object carries the old one's identity number. It runs in one step with no
// hosted code in between, so no thread can observe a half-swapped heap.
#pragma once

#include "runtime/core/vm.h"

#include <string>
#include <vector>

namespace molt {

struct ClassDefinition {
    std::string name;
    Class* superclass = nullptr;
    std::vector<std::string> ownFields;                 // in layout order
    NameTable methods, getters, setters;                // own, name -> closure or native
    std::vector<std::pair<std::string, Value>> statics; // static fields in order
    NameTable staticMethods, staticGetters, staticSetters;
    Value constructor;
    Value fieldInit;
    Module* module = nullptr;
    // What built-in classes carry beyond their members: the kind of object `new` makes
    // (arrays, maps, ... have no field layout), their native constructor and their flags.
    ObjKind instanceKind = ObjKind::Instance;
    Value (*nativeConstruct)(VM&, Class*, Value*, int) = nullptr;
    uint8_t flags = 0;
};

ClassDefinition readClassDefinition(VM& vm, Class* cls);
// Builds a finished class from a definition: layout = superclass layout + own fields.
Class* createClass(VM& vm, const ClassDefinition& def);
// Whether a class built from `def` under `super` would have exactly `cls`'s layout and
// kind: then an update can replace `cls`'s members in place and leave its instances be.
bool keepsLayout(VM& vm, const Class* cls, const ClassDefinition& def, const Class* super);
// Replaces `cls`'s own members, statics, constructor, initializers and flags by `def`'s and
// re-flattens its tables; its address, identity, superclass and layout stay. Subclasses'
// flattened tables must be rebuilt after (VM::finishClass), and inline caches keyed on
// the class dropped (VM::dropCachesFor).
void installMembers(VM& vm, Class* cls, const ClassDefinition& def);
// The field `name` of an instance; exception when the layout has no such field.
Value readInstanceVariable(VM& vm, Value obj, std::string_view name);
Value writeInstanceVariable(VM& vm, Value obj, std::string_view name, Value v);
// Every live instance whose class is exactly `cls` (or a subclass, when asked). Collects
// first, so the answer is exact: garbage is never reported.
std::vector<Value> allInstances(VM& vm, Class* cls, bool includeSubclasses = false);
// Instances (objects with a field layout) of exactly `cls`, in heap order, without
// collecting first: for callers that just collected (the DSU's migration).
std::vector<Value> allInstancesUncollected(VM& vm, Class* cls);
// A new Module with the same bindings (names and values); the copy shares the values.
Module* cloneNamespace(VM& vm, Module* ns);
// Makes `target` hold newNs's bindings: functions compiled against `target` see them.
void replaceNamespace(VM& vm, Module* target, Module* newNs);
// Bulk become: olds[i] is replaced by news[i] everywhere. Sizes must match; an object may
// appear at most once in `olds`. Fails (nothing changed) on invalid input.
Result<void> swapObjects(VM& vm, const std::vector<Obj*>& olds, const std::vector<Obj*>& news);
// A digest of the whole heap: object count and, for every object by identity, its kind,
// class and field values. Two equal digests mean an update left the program untouched.
std::string heapDigest(VM& vm);

} // namespace molt
