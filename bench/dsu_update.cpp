// dsu_update — what a live update costs the running program, per kind of change.
//
// A program holds N instances of the class the update changes (Target) and 1M unaffected
// heap objects. One green thread ticks and records its longest gap between ticks; another
// does steady work (method calls over the instances) and counts iterations. For each kind
// of change and each N the benchmark measures the program's throughput before, applies the
// update at a safe point, reads the update report and the ticker's longest gap (the pause
// the program saw), and measures throughput after. Each cell is run `--reps` times in a
// fresh VM; the medians are reported.
//
// The physical floor of a migration is copying the affected bytes once: the benchmark
// times `memcpy` of N instances' worth of bytes in the same run and reports the pause's
// ratio to it. Peak extra memory is the heap's footprint growth over the commit
// (collection is deferred for its whole length, so nothing it made is freed before the end).
//
// Changes named "version: ..." are made the way `molt run --then` and the IDE make them: a
// new version of the program's source is diffed and staged (timed as stage_ms; the heap
// walk staging did before the allocation log is timed beside it, former_stage_walk_ms),
// then committed.
//
//   build/default/bench/dsu_update [--quick] [--reps N] [--only CHANGE] [--sizes 10000,100000]
// Prints a table on stderr and JSON on stdout. "path" says how the instances were migrated:
// in-cell (in their own cells, no heap walk), copy (new objects and a swap), or none.
#include "dsu/commit/transaction.h"
#include "dsu/commit/version.h"
#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
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
  get total() { return this.a + this.b + 1; }
  static make(i) { return new Target(i); }
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

const std::vector<std::string> kChanges = {
    "method body",  "getter",       "static method",     "constructor",  "add field",
    "remove field", "rename field", "change superclass", "hosted policy",
    // Changes made by an update to a new version of the source (what `molt run --then`
    // and the IDE do): diffed, staged, then committed with the generated patch (a new
    // field gets its declared initializer).
    "version: method body", "version: getter", "version: static method",
    "version: constructor", "version: add field", "version: remove field"};

// The new version's source for a "version: ..." change: one edit to kProgram.
std::string editedProgram(const std::string& change) {
    std::string text = kProgram;
    auto edit = [&](const std::string& from, const std::string& to) {
        size_t at = text.find(from);
        if (at == std::string::npos) {
            std::fprintf(stderr, "dsu_update: no '%s' in the program\n", from.c_str());
            std::exit(2);
        }
        text.replace(at, from.size(), to);
    };
    if (change == "version: method body")
        edit("sum() { return this.a + this.b; }", "sum() { return this.b + this.a; }");
    else if (change == "version: getter")
        edit("return this.a + this.b + 1;", "return this.a + this.b + 2;");
    else if (change == "version: static method")
        edit("static make(i) { return new Target(i); }", "static make(i) { return i; }");
    else if (change == "version: constructor")
        edit("this.b = i * 2;", "this.b = i * 3;");
    else if (change == "version: add field")
        edit("class Target extends Base {\n", "class Target extends Base {\n  d = 0;\n");
    else if (change == "version: remove field")
        edit(" this.c = null;", "");
    return text;
}

double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double number(VM& vm, const std::string& expr) {
    Result<Value> v = vm.evaluate(vm.mainModule(), expr);
    return v && v.value().isNumber() ? v.value().asNumber() : -1;
}

Value function(VM& vm, const std::string& expr) {
    Result<Value> v = vm.evaluate(vm.mainModule(), expr);
    if (!v) std::fprintf(stderr, "dsu_update: %s\n", v.error().format().c_str());
    return v ? v.value() : Value::exception();
}

void runFor(VM& vm, double ms) {
    double until = nowMs() + ms;
    vm.scheduler().runUntil([&] { return nowMs() >= until; });
}

struct Measurement {
    bool committed = false;
    std::string reason;
    double pauseMs = 0, totalMs = 0, observedGapMs = 0, throughputRatio = 0;
    double prepareMs = 0, migrateMs = 0, validateMs = 0;
    double stageMs = 0;      // version updates: diff, staging and patch loading (program paused
                             // between slices, but outside the commit's pause)
    double formerWalkMs = 0; // the heap walk staging did before the allocation log, timed here
    size_t migrated = 0, extraBytes = 0;
    std::string path; // how the instances were migrated (UpdateReport::path)
};

// Records the change on `tx`. Values handed to the transaction are its roots from then on.
void record(VM& vm, dsu::Transaction& tx, const std::string& change) {
    if (change == "method body")
        tx.replaceMethod("Target", "sum",
                         function(vm, "(function () { return this.b + this.a; })"));
    else if (change == "getter")
        tx.replaceMethod("Target", "total",
                         function(vm, "(function () { return this.a + this.b + 2; })"),
                         MemberKind::Getter);
    else if (change == "static method")
        tx.replaceMethod("Target", "make", function(vm, "(function (i) { return i; })"),
                         MemberKind::StaticMethod);
    else if (change == "constructor")
        tx.replaceMethod(
            "Target", "constructor",
            function(vm,
                     "(function (i) { this.k = 1; this.a = i; this.b = i * 3; this.c = null; })"));
    else if (change == "add field")
        tx.addInstanceVariable("Target", "d", dsu::FieldPolicy::constant(Value::integer(0)));
    else if (change == "remove field")
        tx.removeInstanceVariable("Target", "c");
    else if (change == "rename field")
        tx.renameInstanceVariable("Target", "c", "link");
    else if (change == "change superclass")
        tx.changeSuperclass("Target", "Other");
    else if (change == "hosted policy") {
        tx.addInstanceVariable("Target", "d");
        tx.migrateInstances("Target", function(vm, "((o, n) => { n.d = o.a + 1; })"), "d = a + 1");
    }
}

Measurement measure(const std::string& programPath, int n, int fill, const std::string& change,
                    double windowMs) {
    Measurement r;
    VM vm;
    vm.writeOut = [](std::string_view) {};
    vm.runTopLevel(programPath, {std::to_string(n), std::to_string(fill)});
    vm.runUntilTopLevelDone();
    runFor(vm, windowMs / 4); // warm up the inline caches
    double i0 = number(vm, "stats.iterations");
    runFor(vm, windowMs);
    double before = (number(vm, "stats.iterations") - i0) / windowMs;
    number(vm, "stats.maxGap = 0");

    dsu::Transaction tx(vm);
    std::unique_ptr<dsu::VersionUpdate> version;
    bool done = false;
    size_t footprint = 0;
    auto onDone = [&](const dsu::UpdateReport& report) {
        r.committed = report.committed();
        r.reason = report.rollbackReason;
        r.pauseMs = report.pauseMs;
        r.totalMs = report.totalMs;
        r.prepareMs = report.prepareMs;
        r.migrateMs = report.migrateMs;
        r.validateMs = report.validateMs;
        r.migrated = report.instancesMigrated;
        r.path = report.path;
        size_t now = vm.heap.footprint();
        // The heap's growth, or the report's peak when more (it counts the in-cell undo
        // log, which lives outside the heap).
        r.extraBytes = std::max(now > footprint ? now - footprint : 0, report.extraBytes);
        done = true;
    };
    if (change.rfind("version: ", 0) == 0) {
        // What adoptVersion used to do for the changed module: visit every object of the heap.
        double w0 = nowMs();
        size_t found = 0;
        vm.heap.forEachObject([&](Obj* o) { found += retargetTypedEdges<Module>(o, vm.mainModule()); });
        r.formerWalkMs = nowMs() - w0;
        version = std::make_unique<dsu::VersionUpdate>(vm);
        dsu::NewVersion next;
        next.files.push_back({std::filesystem::path(programPath).filename().string(),
                              editedProgram(change)});
        double s0 = nowMs();
        Result<void> prepared = version->prepare(next, {});
        r.stageMs = nowMs() - s0;
        if (!prepared) {
            r.reason = prepared.error().message();
            return r;
        }
        footprint = vm.heap.footprint();
        version->commitAsync(onDone);
    } else {
        record(vm, tx, change);
        footprint = vm.heap.footprint();
        tx.commitAsync(onDone);
    }
    vm.scheduler().runUntil([&] { return done; });
    runFor(vm, 20); // let the ticker run once more to record the gap
    r.observedGapMs = number(vm, "stats.maxGap");
    runFor(vm, windowMs / 4);
    double i1 = number(vm, "stats.iterations");
    runFor(vm, windowMs);
    double after = (number(vm, "stats.iterations") - i1) / windowMs;
    r.throughputRatio = before > 0 ? after / before : 0;
    return r;
}

// Milliseconds to copy `bytes` once (the best of five, after a warm-up copy).
double memcpyFloorMs(size_t bytes) {
    std::vector<char> from(bytes, 1), to(bytes, 0);
    std::memcpy(to.data(), from.data(), bytes);
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        from[i] = char(i);
        double t0 = nowMs();
        std::memcpy(to.data(), from.data(), bytes);
        best = std::min(best, nowMs() - t0);
    }
    volatile char sink = to[bytes / 2];
    (void)sink;
    return best;
}

template<typename T, typename F> double median(const std::vector<T>& xs, F field) {
    std::vector<double> v;
    for (const T& x : xs)
        v.push_back(double(field(x)));
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Cell {
    std::string change;
    int instances;
    std::vector<Measurement> runs;
    double floorMs;
};

} // namespace

int main(int argc, char** argv) {
    bool quick = false;
    int reps = 5;
    std::string only;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--reps" && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--only" && i + 1 < argc)
            only = argv[++i];
        else if (a == "--sizes" && i + 1 < argc) {
            std::stringstream list(argv[++i]);
            for (std::string s; std::getline(list, s, ',');)
                sizes.push_back(std::atoi(s.c_str()));
        } else {
            std::fprintf(stderr,
                         "usage: dsu_update [--quick] [--reps N] [--only CHANGE] [--sizes A,B]\n");
            return 2;
        }
    }
    const int unaffected = quick ? 100000 : 1000000;
    if (sizes.empty())
        sizes = quick ? std::vector<int>{10000, 100000} : std::vector<int>{10000, 100000, 1000000};
    if (quick) reps = std::min(reps, 1);
    double window = quick ? 100 : 200;
    std::string path =
        (std::filesystem::temp_directory_path() / "molt_dsu_update_bench.js").string();
    std::ofstream(path) << kProgram;

    // Target's instances: a header and four slots (k, a, b, c).
    const size_t instanceBytes = sizeof(Instance) + 3 * sizeof(Value);
    std::vector<Cell> cells;
    for (const std::string& change : kChanges) {
        if (!only.empty() && change != only) continue;
        for (int n : sizes) {
            Cell cell{change, n, {}, memcpyFloorMs(size_t(n) * instanceBytes)};
            for (int k = 0; k < reps; ++k)
                cell.runs.push_back(measure(path, n, unaffected, change, window));
            const Measurement& last = cell.runs.back();
            std::fprintf(stderr,
                         "%-18s %8d: %s %-12s pause %8.2f ms (seen %8.2f), total %8.2f, "
                         "migrated %8zu, "
                         "extra %6.1f MB, after/before %.3f, pause/memcpy %.0f, stage %.2f ms "
                         "(former walk %.2f)\n",
                         change.c_str(), n, last.committed ? "ok" : "ROLLED BACK",
                         last.path.c_str(),
                         median(cell.runs, [](auto& m) { return m.pauseMs; }),
                         median(cell.runs, [](auto& m) { return m.observedGapMs; }),
                         median(cell.runs, [](auto& m) { return m.totalMs; }),
                         size_t(median(cell.runs, [](auto& m) { return m.migrated; })),
                         median(cell.runs, [](auto& m) { return m.extraBytes; }) / 1048576.0,
                         median(cell.runs, [](auto& m) { return m.throughputRatio; }),
                         median(cell.runs, [](auto& m) { return m.pauseMs; }) /
                             std::max(cell.floorMs, 1e-6),
                         median(cell.runs, [](auto& m) { return m.stageMs; }),
                         median(cell.runs, [](auto& m) { return m.formerWalkMs; }));
            if (!last.committed) std::fprintf(stderr, "  rolled back: %s\n", last.reason.c_str());
            cells.push_back(std::move(cell));
        }
    }
    std::printf("{\n  \"unaffected_objects\": %d,\n  \"reps\": %d,\n  \"results\": [\n", unaffected,
                reps);
    for (size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        auto med = [&](auto f) { return median(c.runs, f); };
        double pause = med([](auto& m) { return m.pauseMs; });
        double migrated = med([](auto& m) { return m.migrated; });
        bool committed = std::all_of(c.runs.begin(), c.runs.end(),
                                     [](const Measurement& m) { return m.committed; });
        std::printf(
            "    {\"change\": \"%s\", \"instances\": %d, \"outcome\": \"%s\", \"path\": \"%s\", "
            "\"pause_ms\": %.3f, "
            "\"observed_gap_ms\": %.3f, \"total_ms\": %.3f, \"prepare_ms\": %.3f, "
            "\"migrate_ms\": %.3f, \"validate_ms\": %.3f, \"instances_migrated\": %.0f, "
            "\"ns_per_migrated\": %.1f, \"peak_extra_bytes\": %.0f, \"throughput_ratio\": %.4f, "
            "\"memcpy_floor_ms\": %.4f, \"pause_over_memcpy\": %.1f, \"stage_ms\": %.3f, "
            "\"former_stage_walk_ms\": %.3f}%s\n",
            c.change.c_str(), c.instances, committed ? "committed" : "rolled_back",
            c.runs.back().path.c_str(), pause,
            med([](auto& m) { return m.observedGapMs; }), med([](auto& m) { return m.totalMs; }),
            med([](auto& m) { return m.prepareMs; }), med([](auto& m) { return m.migrateMs; }),
            med([](auto& m) { return m.validateMs; }), migrated,
            migrated > 0 ? pause * 1e6 / migrated : 0.0, med([](auto& m) { return m.extraBytes; }),
            med([](auto& m) { return m.throughputRatio; }), c.floorMs,
            pause / std::max(c.floorMs, 1e-6), med([](auto& m) { return m.stageMs; }),
            med([](auto& m) { return m.formerWalkMs; }), i + 1 < cells.size() ? "," : "");
    }
    std::printf("  ]\n}\n");
    std::filesystem::remove(path);
    return 0;
}
