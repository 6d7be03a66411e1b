// Helpers for runtime unit tests: run hosted source in a fresh VM and capture its output.
#pragma once

#include "runtime/core/vm.h"

#include <string>

namespace molt::test {

struct RunResult {
    int exitCode = 0;
    std::string out;
    std::string err;
};

inline void capture(VM& vm, RunResult& r) {
    vm.writeOut = [&r](std::string_view s) { r.out.append(s); };
    vm.writeErr = [&r](std::string_view s) { r.err.append(s); };
}

inline RunResult run(const std::string& source, bool stress = false) {
    VM vm;
    RunResult r;
    capture(vm, r);
    vm.heap.setStressMode(stress);
    r.exitCode = vm.runSource("test.js", source);
    return r;
}

} // namespace molt::test
