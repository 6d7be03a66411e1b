// inspector_query — what the Inspector's questions cost the program, which waits for the
// answer between two slices: a page of a class's instances unfiltered, filtered by a
// field (equals, contains), sorted by a number and by a string field, and the referrers
// of one object, for N instances of the class beside 1M other heap objects.
//
//   build/default/bench/inspector_query [--reps N] [--sizes 100000,1000000]
// Prints a table on stderr and JSON on stdout (medians over the reps, in ms).
#include "control/snapshot.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace molt;

namespace {

const char* kProgram = R"(
class Item {
  constructor(i) { this.n = (i * 7919) % 1000003; this.label = 'item ' + (i % 5000); }
}
const N = Number(process.argv[2]);
const items = new Array(N);
for (let i = 0; i < N; i++) items[i] = new Item(i);
const filler = new Array(1000000);
for (let i = 0; i < filler.length; i++) filler[i] = { v: i };
)";

double msOf(const std::function<void()>& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    return xs[xs.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    int reps = 5;
    std::vector<long> sizes = {100000, 1000000};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::max(1, atoi(argv[++i]));
        if (!std::strcmp(argv[i], "--sizes") && i + 1 < argc) {
            sizes.clear();
            for (char* s = strtok(argv[++i], ","); s; s = strtok(nullptr, ","))
                sizes.push_back(atol(s));
        }
    }
    std::string path =
        (std::filesystem::temp_directory_path() / "molt_inspector_query_bench.js").string();
    std::ofstream(path) << kProgram;
    std::string root = std::filesystem::path(path).parent_path().string();
    std::string module = std::filesystem::path(path).filename().string();
    struct Case {
        const char* name;
        inspect::InstanceQuery query;
    };
    auto query = [&](std::string where, std::string value, bool contains, std::string sort,
                     bool descending) {
        inspect::InstanceQuery q;
        q.module = module;
        q.className = "Item";
        q.whereField = std::move(where);
        q.whereValue = std::move(value);
        q.contains = contains;
        q.sortField = std::move(sort);
        q.descending = descending;
        return q;
    };
    std::vector<Case> cases = {
        {"page", query("", "", false, "", false)},
        {"equals", query("n", "12345", false, "", false)},
        {"contains", query("label", "M 42", true, "", false)},
        {"sort number", query("", "", false, "n", false)},
        {"sort string", query("", "", false, "label", true)},
    };
    std::printf("{\"benchmarks\":[");
    std::fprintf(stderr, "%-12s %10s %10s %10s\n", "query", "instances", "matched", "ms");
    bool first = true;
    for (long n : sizes) {
        VM vm;
        vm.writeOut = [](std::string_view) {};
        if (vm.runTopLevel(path, {std::to_string(n)}) != 0) return 1;
        vm.runUntilTopLevelDone();
        auto report = [&](const char* name, long matched, double ms) {
            std::fprintf(stderr, "%-12s %10ld %10ld %10.2f\n", name, n, matched, ms);
            std::printf("%s{\"name\":\"%s\",\"instances\":%ld,\"matched\":%ld,\"ms\":%.3f}",
                        first ? "" : ",", name, n, matched, ms);
            first = false;
        };
        for (const Case& c : cases) {
            std::vector<double> times;
            long matched = 0;
            for (int r = 0; r < reps; ++r)
                times.push_back(
                    msOf([&] { matched = inspect::snapshotInstances(vm, root, c.query).matched; }));
            report(c.name, matched, median(times));
        }
        uint32_t one = inspect::snapshotInstances(vm, root, cases[0].query).rows.at(0).identity;
        std::vector<double> times;
        long total = 0;
        for (int r = 0; r < reps; ++r)
            times.push_back(msOf([&] {
                total = inspect::snapshotReferrers(vm, one, inspect::kReferrersShown).total;
            }));
        report("referrers", total, median(times));
    }
    std::printf("]}\n");
    return 0;
}
