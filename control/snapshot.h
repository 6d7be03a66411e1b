// snapshot.h — takes the inspector's views (inspect.h) of a running program.
//
// Every function here runs on the VM's thread between scheduler slices (a safe point: no
// hosted code is running) and never runs hosted code itself: values are rendered from the
// heap directly, getters are not called. Objects are found again by identity number.
#pragma once

#include "control/inspect.h"
#include "runtime/core/vm.h"

#include <string>
#include <vector>

namespace molt::inspect {

// The project's classes (those bound at the top level of a module under `root`) with their
// live instance counts. Collects garbage first: counts are exact.
std::vector<ClassInfo> snapshotClasses(VM& vm, const std::string& root);

// One page of the live instances of a class that the query keeps, in its order. Works in
// one heap walk and a partial selection, so a page of a class with a million instances
// stays cheap; a filter or a sort reads one field per instance.
InstancePage snapshotInstances(VM& vm, const std::string& root, const InstanceQuery& query);

// The live object with this identity number, or null. Collects first when anything was
// allocated since the last collection: after a swap, replaced objects share their identity
// with their new versions until then.
Obj* findObject(VM& vm, uint32_t identity);

// The fields (elements, entries, bindings) of the object with this identity number.
ObjectFields snapshotObject(VM& vm, uint32_t identity);

// The heap objects that reference the object `identity` (roots such as stacks and
// globals are not objects and are not listed), the first `limit` by identity. One heap
// walk; collects first, so garbage that still points at it is not counted.
ReferrerList snapshotReferrers(VM& vm, uint32_t identity, size_t limit);

// Every green thread with its hosted stack, innermost frame first; files relative to root.
std::vector<ThreadInfo> snapshotThreads(VM& vm, const std::string& root);

// A short rendering of a value: primitives as console.log shows them inside an object,
// objects as "Product {sku: 'tea', …}" at depth 0 and "Product#12" below.
std::string renderValue(VM& vm, Value v, int depth = 0);

// A module's path relative to `root` ("main.js", "lib/cart.js"); the display path when
// the module is outside it.
std::string relativeModulePath(const Module* m, const std::string& root);

} // namespace molt::inspect
