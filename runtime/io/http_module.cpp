// require("http"): http.js (embedded at build time) evaluated once per VM as a module outside
// the program (so updates and the differ never see it), given the native wire.
#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"
#include "runtime/io/http_wire.h"

namespace molt {

namespace {

#include "http_js.inc" // kHttpJs: the text of runtime/io/http.js

struct HttpModule {
    explicit HttpModule(VM&) {}
    bool loaded = false;
    uint32_t exportsPin = 0;
    uint32_t modulePin = 0;
};

} // namespace

Value requireHttp(VM& vm) {
    Scheduler& sched = vm.scheduler();
    HttpModule& m = sched.extension<HttpModule>();
    if (m.loaded) return sched.pinned(m.exportsPin);
    Module* module = nullptr;
    Result<Value> loaded = vm.loadDetachedModule("node:http", kHttpJs, nullptr, &module);
    if (!loaded) return vm.throwError(vm.errorClass, "node:http: " + loaded.error().message());
    Value factory = loaded.value();
    Root keepFactory(vm.heap, factory), keepModule(vm.heap, Value::object(module));
    Value wire = newHttpWire(vm);
    Root keepWire(vm.heap, wire);
    Value exports = vm.call(factory, Value::undefined(), &wire, 1);
    if (exports.isException()) return exports;
    m.exportsPin = sched.pin(exports);
    m.modulePin = sched.pin(Value::object(module));
    m.loaded = true;
    return exports;
}

} // namespace molt
