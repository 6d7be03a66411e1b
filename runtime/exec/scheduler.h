// scheduler.h — green threads and timers on the VM's one OS thread.
//
// Invariants:
//   * Exactly one green thread runs at a time; switches happen only at preemption points
//     (backward jumps and calls, every kPreemptSlice of them) or when a thread sleeps or
//     yields, and only when no C++ code is between the interpreter loop and the thread's
//     frames (VM::nestedDepth == 0). So a switch never has to save C++ state.
//   * A timer callback runs on a fresh green thread when it fires; timers fire in order of
//     their due time, ties in order of creation (as node orders them).
//   * A turn (one run of a thread until it finishes, suspends or is preempted) is never
//     preempted for a timer it created itself: node runs synchronous code to its end before
//     any timer, so `setTimeout(f, 0); work(); log()` logs before f however slow `work` is.
//     Timers from earlier turns may still preempt a busy thread, as runnable threads do.
//   * A timer fires only once the callback fired before it has started, so a callback that
//     clears a timer due at the same moment keeps it from running (as in node).
//   * The program is done when no thread is runnable or sleeping and no timer is pending.
#pragma once

#include "runtime/core/vm.h"

#include <deque>
#include <functional>
#include <map>
#include <vector>

namespace molt {

class Scheduler {
    friend class VM;

public:
    explicit Scheduler(VM& vm) : vm_(vm) {}
    ~Scheduler();

    Thread* spawn(Value entry, Value thisValue = Value::undefined(), const Value* args = nullptr,
                  int argc = 0);
    // Runs threads and timers until everything is done. Returns 0, or 1 after printing an
    // uncaught exception (which ends the program, as in node).
    int run();
    // Runs until `stop` returns true (checked between slices) or everything is done.
    int runUntil(const std::function<bool()>& stop);
    // Runs threads and timers for about `budgetMs` (at least one thread slice when one is
    // runnable), then returns so that a host can service its own messages between slices,
    // where no hosted code is running. Never sleeps: when every thread waits for a timer
    // or a wake-up it returns Waiting with the time until the next one is due.
    struct Slice {
        enum class Outcome { BudgetUsed, Waiting, Done, Exited };
        Outcome outcome = Outcome::BudgetUsed;
        double waitMs = 0; // Waiting: ms until the next timer or sleeper is due
        int exitCode = 0;  // Done: 0; Exited: 1 after an uncaught exception, or process.exit's
    };
    Slice runFor(double budgetMs);
    // Called by the interpreter every preemption slice; true means "suspend now".
    bool onPreemptionPoint(bool canYield);
    void sleep(Thread* t, double ms);
    uint32_t addTimer(Value fn, double delayMs, bool repeat, Value args);
    void clearTimer(uint32_t id);
    bool idle() const { return runQueue_.empty() && sleepers_.empty() && timers_.empty(); }
    const std::vector<Thread*>& threads() const { return all_; }
    // A hook run between thread slices (every thread is suspended at a preemption point),
    // until it returns true. The DSU waits for safe points this way.
    void addSafePointHook(std::function<bool()> hook) { hooks_.push_back(std::move(hook)); }
    bool runHooks();
    void markRoots(Tracer& t);
    void visitRoots(EdgeVisitor& v);
    uint64_t steps = 0; // preemption slices executed (the fuzzer's step budget counts them)

private:
    struct Timer {
        uint32_t id;
        double dueAt;
        double interval;
        bool repeat;
        Value fn;
        Value args;    // an Array of extra arguments
        uint64_t turn; // the turn that created it (0: created outside hosted code)
    };
    void fireDueTimers();
    void wakeSleepers();
    bool runOne(Thread* t, int& exitCode);
    void releaseStack(Thread* t);

    VM& vm_;
    std::deque<Thread*> runQueue_;
    std::vector<Thread*> sleepers_;
    std::multimap<std::pair<double, uint64_t>, Timer> timers_;
    std::vector<Thread*> all_; // live threads (stacks to scan)
    std::vector<std::function<bool()>> hooks_;
    uint32_t nextTimerId_ = 1;
    uint64_t timerSeq_ = 0;
    uint32_t nextThreadId_ = 1;
    uint64_t turn_ = 0; // the running turn, counted from 1; 0 outside runOne
    uint64_t turnsStarted_ = 0;
    Thread* firedNotStarted_ = nullptr; // the last timer's callback, until its first turn
    double sliceDeadline_ = 0;          // runFor's deadline (VM clock ms); 0 outside runFor
};

} // namespace molt
