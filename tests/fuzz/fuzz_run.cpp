// Feeds arbitrary bytes to parse + compile + run. Any input must end in exit code 0, 1, 2
// or the step-budget stop, with a consistent heap; crashes and sanitizer reports are bugs.
#include "runtime/core/vm.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024) return 0;
    std::string source(reinterpret_cast<const char*>(data), size);
    molt::VM vm;
    vm.writeOut = [](std::string_view) {};
    vm.writeErr = [](std::string_view) {};
    vm.stepLimit = 2'000'000; // backward jumps + calls, counted in preemption slices
    vm.timeLimitMs = 1000;    // timers can keep a program alive without running code
    vm.runSource("fuzz.js", source);
    std::string problem = vm.heap.verify();
    if (!problem.empty()) std::abort();
    return 0;
}
