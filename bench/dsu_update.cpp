// dsu_update — how long a live update stops a running program.
//
// A program holds 1M heap objects, N of them instances of the class the update changes.
// One green thread ticks and records its longest gap between ticks; another does steady
// work (method calls over the instances) and counts iterations. For each N and each kind of
// change (add a field, rename one, change the superclass) the benchmark measures the
// program's throughput before, applies the update at a safe point, reads the ticker's
// longest gap (the pause the program saw) and the update report, and measures throughput
// after. Prints a table on stderr and JSON on stdout.
//
//   build/default/bench/dsu_update [--quick]
#include "runtime/exec/scheduler.h"
#include "dsu/commit/transaction.h"
#include "runtime/core/vm.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace molt;

namespace {

const char* kProgram = R"(
class Base { constructor() { this.k = 1; } }
class Other { constructor() { this.k = 2; this.extra = 0; } }
class Target extends Base {
  constructor(i) { super(); this.a = i; this.b = i * 2; this.c = null; }
  sum() { return this.a + this.b; }
}
const N = Number(process.argv[2]);
const FILL = Number(process.argv[3]);
const targets = new Array(N);
for (let i = 0; i < N; i++) targets[i] = new Target(i);
const filler = new Array(FILL);
for (let i = 0; i < FILL; i++) filler[i] = { v: i };
const stats = { maxGap: 0, iterations: 0 };
let last = performance.now();
Thread.spawn(() => {
  for (;;) {
    const now = performance.now();
    if (now - last > stats.maxGap) stats.maxGap = now - last;
    last = now;
    Thread.yield();
  }
});
Thread.spawn(() => {
  let i = 0, acc = 0;
  for (;;) {
    acc += targets[i].sum();
    i = i + 1 === N ? 0 : i + 1;
    stats.iterations++;
  }
});
)";

double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double number(VM& vm, const std::string& expr) {
    std::string error;
    Value v = vm.evaluate(vm.mainModule(), expr, error);
    return v.isNumber() ? v.asNumber() : -1;
}

void runFor(VM& vm, double ms) {
    double until = nowMs() + ms;
    vm.scheduler().runUntil([&] { return nowMs() >= until; });
}

struct Measurement {
    std::string change;
    int instances = 0;
    dsu::UpdateReport report;
    double observedGapMs = 0, throughputBefore = 0, throughputAfter = 0;
};

Measurement measure(const std::string& programPath, int n, int fill, const std::string& change,
               double windowMs) {
    Measurement r;
    r.change = change;
    r.instances = n;
    VM vm;
    vm.writeOut = [](std::string_view) {};
    vm.runTopLevel(programPath, {std::to_string(n), std::to_string(fill)});
    vm.runUntilTopLevelDone();
    runFor(vm, windowMs / 4); // warm up the inline caches
    double i0 = number(vm, "stats.iterations");
    runFor(vm, windowMs);
    r.throughputBefore = (number(vm, "stats.iterations") - i0) / windowMs;
    number(vm, "stats.maxGap = 0");

    dsu::Transaction tx(vm);
    if (change == "add field")
        tx.addInstanceVariable("Target", "d", dsu::FieldPolicy::constant(Value::integer(0)));
    else if (change == "rename field")
        tx.renameInstanceVariable("Target", "c", "link");
    else
        tx.changeSuperclass("Target", "Other");
    bool done = false;
    tx.commitAsync([&](const dsu::UpdateReport& report) {
        r.report = report;
        done = true;
    });
    vm.scheduler().runUntil([&] { return done; });
    runFor(vm, 20); // let the ticker run once more to record the gap
    r.observedGapMs = number(vm, "stats.maxGap");
    runFor(vm, windowMs / 4);
    double i1 = number(vm, "stats.iterations");
    runFor(vm, windowMs);
    r.throughputAfter = (number(vm, "stats.iterations") - i1) / windowMs;
    return r;
}

} // namespace

int main(int argc, char** argv) {
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int heapObjects = quick ? 100000 : 1000000;
    std::vector<int> sizes =
        quick ? std::vector<int>{10000, 100000} : std::vector<int>{10000, 100000, 1000000};
    double window = quick ? 100 : 300;
    std::string path =
        (std::filesystem::temp_directory_path() / "molt_dsu_update_bench.js").string();
    std::ofstream(path) << kProgram;

    std::vector<Measurement> results;
    for (int n : sizes)
        for (const char* change : {"add field", "rename field", "change superclass"}) {
            results.push_back(measure(path, n, heapObjects - n, change, window));
            const Measurement& r = results.back();
            std::fprintf(stderr,
                         "%-18s %8d instances: %s pause %.2f ms (seen by the program %.2f ms), "
                         "total %.2f ms, "
                         "throughput after/before %.3f\n",
                         r.change.c_str(), r.instances,
                         r.report.committed() ? "committed" : "ROLLED BACK", r.report.pauseMs,
                         r.observedGapMs, r.report.totalMs,
                         r.throughputBefore > 0 ? r.throughputAfter / r.throughputBefore : 0);
        }
    std::printf("{\n  \"heap_objects\": %d,\n  \"results\": [\n", heapObjects);
    for (size_t i = 0; i < results.size(); ++i) {
        const Measurement& r = results[i];
        std::printf(
            "    {\"change\": \"%s\", \"instances\": %d, \"outcome\": \"%s\", \"pause_ms\": %.3f, "
            "\"observed_gap_ms\": %.3f, \"total_ms\": %.3f, \"prepare_ms\": %.3f, \"migrate_ms\": "
            "%.3f, "
            "\"validate_ms\": %.3f, \"wait_ms\": %.3f, \"throughput_before_per_ms\": %.1f, "
            "\"throughput_after_per_ms\": %.1f, \"throughput_ratio\": %.4f}%s\n",
            r.change.c_str(), r.instances, r.report.committed() ? "committed" : "rolled_back",
            r.report.pauseMs, r.observedGapMs, r.report.totalMs, r.report.prepareMs,
            r.report.migrateMs, r.report.validateMs, r.report.waitMs, r.throughputBefore,
            r.throughputAfter, r.throughputBefore > 0 ? r.throughputAfter / r.throughputBefore : 0,
            i + 1 < results.size() ? "," : "");
    }
    std::printf("  ]\n}\n");
    std::filesystem::remove(path);
    return 0;
}
