// namespace_view.h — the `oldNs` / `newNs` objects policies and validations receive.
//
// A view is a record with `get(name)` and `allInstances(className)`. It holds no pointer
// to the transaction: its natives find the transaction committing on the VM, so a view a
// policy kept past the update throws a TypeError instead of reading freed state. The old
// view sees the running program; the new one sees the classes, instances and bindings the
// update built and has not swapped in yet.
#pragma once

#include "runtime/core/vm.h"

namespace molt::dsu {

// A fresh view record of the old (false) or the new (true) version.
Value makeNamespaceView(VM& vm, bool newVersion);

} // namespace molt::dsu
