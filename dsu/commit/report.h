// report.h — what an update did, as data and as JSON.
//
// Phases follow DESIGN.md §5: prepare (copy and build the new classes), migrate (run the
// policies), validate, wait (for a safe point), pause (the uninterrupted swap). Times are
// wall-clock milliseconds.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace molt::dsu {

// One migrated instance as plain data, for the IDE's Before/After view: the same identity
// before and after the swap, with each side's fields rendered as console.log would.
struct MigratedInstance {
    uint32_t identity = 0;
    std::string oldClass, newClass;
    std::vector<std::pair<std::string, std::string>> before, after; // field -> rendered value
};

// A blocking frame that the update moved to the new code at an update point (docs/dsu.md
// "Update points"), for views that mark it: the thread, the function as stacks name it, the
// loop path and where that loop is in the new source.
struct FrameTransfer {
    uint32_t thread = 0;
    std::string function, loop, file;
    uint32_t line = 0, column = 0;
};

struct UpdateReport {
    // Validated: a dry run that would commit (Transaction::dryRun); nothing was swapped.
    enum class Outcome { Committed, RolledBack, Validated };
    Outcome outcome = Outcome::RolledBack;
    double prepareMs = 0, migrateMs = 0, validateMs = 0, waitMs = 0, pauseMs = 0, totalMs = 0;
    size_t instancesMigrated = 0;
    // How the instances were migrated (decision 0004): "in-cell" (each in its own cell, the
    // class object kept: no heap walk), "copy" (new objects and a swapObjects walk),
    // "in-cell+copy" (some classes each way), or "none" (no instance was touched).
    // copyReason says why a copy was made where one was.
    std::string path = "none";
    size_t instancesInCell = 0;
    std::string copyReason;
    std::vector<std::string> classesChanged; // new names, in build order
    // Those of classesChanged whose layout stayed: their class object was updated in place
    // and no instance of theirs was touched (a code-only change).
    std::vector<std::string> classesUpdatedInPlace;
    // How much the heap's footprint grew over the commit (collection is deferred for its
    // whole length, so this is its peak): the copies, the new classes and what policies made.
    size_t extraBytes = 0;
    std::vector<std::string> policiesRun;    // "Product.currency: constant 'EUR'"
    std::vector<std::string> validationsRun; // system and application, in order
    std::string rollbackReason;              // empty when committed
    std::vector<std::string> blockers;       // threads/frames that kept the safe point away
    // Each blocking frame's fate: "transferred at loop 1 ...", "waits: <why not>".
    std::vector<std::string> frames;
    std::vector<FrameTransfer> transferred; // the frames moved, when committed
    // The first Transaction::sampleLimit migrated instances (taken just before the swap).
    std::vector<MigratedInstance> samples;

    bool committed() const { return outcome == Outcome::Committed; }
    // {"outcome": "committed"|"rolled_back"|"validated", "pause_ms", "total_ms",
    //  "instances_migrated", "path", "instances_in_cell", "copy_reason", "extra_bytes",
    //  "phases": {...}, "classes_changed", "classes_updated_in_place", "policies",
    //  "validations", "rollback_reason", "blockers", "frames",
    //  "transferred": [{"thread", "function", "loop", "file", "line", "column"}]}
    std::string toJson() const;
};

// The clock the report's phase times are read on (steady, in milliseconds).
double nowMs();

} // namespace molt::dsu
