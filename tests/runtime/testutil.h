// Helpers for runtime unit tests: run hosted source in a fresh VM and capture its output.
#pragma once

#include "runtime/core/vm.h"

#include <string>

// Fails the current Qt test with the heap checker's first violation (object identity, kind
// and the bad edge). Tests call it after every DSU commit and rollback; needs <QtTest>.
#define QVERIFY_HEAP(vm)                                                                           \
    do {                                                                                           \
        const std::string heapProblem_ = (vm).heap.verify();                                       \
        QVERIFY2(heapProblem_.empty(), ("heap check failed: " + heapProblem_).c_str());            \
    } while (0)

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
