#include "runtime/exec/microtasks.h"

#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/node_support.h"

namespace molt {

namespace {

Value requestDrainNative(VM& vm, Value, Value*, int) {
    vm.scheduler().requestDrain();
    return Value::undefined();
}

Value drainDoneNative(VM& vm, Value, Value*, int) {
    vm.scheduler().drainDone();
    return Value::undefined();
}

// The drain's last resort for an unhandled rejection: true when the host holds it (the
// IDE: Scheduler::holdRejection), false when the drain must throw it.
Value holdRejectionNative(VM& vm, Value, Value* args, int argc) {
    return Value::boolean(vm.scheduler().holdRejection(argc > 0 ? args[0] : Value::undefined()));
}

// The async generator driver asks whether its frame stopped at a `yield` (Op::AsyncYield)
// or at an `await`, and clears the flag (atYield keeps the answer while it stays there).
Value takeAsyncYieldNative(VM&, Value, Value* args, int argc) {
    if (argc < 1 || !isKind(args[0], ObjKind::Generator)) return Value::boolean(false);
    auto* g = as<Generator>(args[0]);
    bool yielded = g->asyncYield;
    g->asyncYield = false;
    g->atYield = yielded;
    return Value::boolean(yielded);
}

// The globals the module defines; the `%` ones are the helpers compiled `for await` and
// async generators call (never a user identifier).
constexpr const char* kLazyGlobals[] = {
    "Promise",           "AggregateError",     "queueMicrotask", "%asyncIteratorOf",
    "%iterResultObject", "%asyncCloseOnThrow", "%yieldStarStep"};

// The globals of internal/fetch (fetch, Headers, Response), loaded on first use the same way.
constexpr const char* kFetchGlobals[] = {"fetch", "Headers", "Response"};

bool ensureFetchRuntime(VM& vm) {
    Value exports = vm.requireCoreModule("internal/fetch");
    if (exports.isException()) return false;
    Root keep(vm.heap, exports);
    auto* r = as<Record>(exports);
    for (const char* name : kFetchGlobals)
        vm.defineGlobal(name, vm.recordGet(r, vm.intern(name)));
    return true;
}

} // namespace

Value installInternalMicrotaskModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    exportFunction(vm, exports, "requestDrain", requestDrainNative, 0);
    exportFunction(vm, exports, "drainDone", drainDoneNative, 0);
    exportFunction(vm, exports, "takeAsyncYield", takeAsyncYieldNative, 1);
    exportFunction(vm, exports, "holdRejection", holdRejectionNative, 1);
    return keep.value;
}

bool ensurePromiseRuntime(VM& vm) {
    if (vm.promiseClass) return true;
    if (vm.promiseRuntimeLoading) {
        vm.throwError(vm.errorClass, "internal/promise used while it loads");
        return false;
    }
    vm.promiseRuntimeLoading = true;
    Value exports = vm.requireCoreModule("internal/promise");
    vm.promiseRuntimeLoading = false;
    if (exports.isException()) return false;
    Root keep(vm.heap, exports);
    auto* r = as<Record>(exports);
    for (const char* name : kLazyGlobals)
        vm.defineGlobal(name, vm.recordGet(r, vm.intern(name)));
    auto* hooks = as<Record>(vm.recordGet(r, vm.intern("hooks")));
    vm.scheduler().setDrainFunction(vm.recordGet(hooks, vm.intern("drain")));
    vm.asyncStartPin = vm.scheduler().pin(vm.recordGet(hooks, vm.intern("asyncStart")));
    vm.asyncGeneratorStartPin =
        vm.scheduler().pin(vm.recordGet(hooks, vm.intern("asyncGeneratorStart")));
    vm.promiseClass = as<Class>(vm.recordGet(r, vm.intern("Promise")));
    return true;
}

bool loadLazyGlobal(VM& vm, String* name) {
    for (const char* lazy : kFetchGlobals)
        if (name->view() == lazy) return ensureFetchRuntime(vm);
    if (vm.promiseClass) return true;
    for (const char* lazy : kLazyGlobals)
        if (name->view() == lazy) return ensurePromiseRuntime(vm);
    return true;
}

} // namespace molt
