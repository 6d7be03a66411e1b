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
//   * The program is done when no thread is runnable or sleeping, no timer is pending and
//     the libuv loop has no active, referenced handle or request (as in node). A thread
//     waiting for I/O (ThreadState::Waiting) does not by itself keep the program alive:
//     the handle it waits on does.
//   * The event loop is libuv's. The scheduler owns the one uv_loop_t of its VM; natives add
//     their handles to it (loop()). Its callbacks run only where no hosted code is running:
//     when every thread sleeps, waits or has ended (the idle wait blocks in uv_run with a
//     timer for the next hosted timer or sleeper), and between thread turns (a non-blocking
//     poll, so a busy program still serves I/O). A callback that needs hosted code never
//     calls it from the uv callback: it resumes a waiting thread (resume) or starts the
//     hosted callback on a fresh green thread (callback), as a timer does.
//   * Microtasks (docs/decisions/0013-promises.md) run on a drain thread that starts right
//     after the turn that queued them (requestDrain), before any other thread, timer,
//     immediate or I/O callback, and is preempted only for a host's slice deadline: as in
//     node, microtasks are drained after the main module, each timer, each immediate and
//     each I/O callback. The queue itself is hosted (internal/promise.js).
//   * Immediates run in a check phase: once no thread is runnable, the ones queued before
//     the phase started run one per turn, in order; after I/O callbacks the check phase
//     comes before the next timers, as node's loop goes poll -> check -> timers.
//   * Hosted values that a native keeps across uv callbacks are pinned (pin/unpin): pins
//     are roots, and swapObjects rewrites them like any other root.
#pragma once

#include "runtime/core/result.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <typeindex>
#include <unordered_map>
#include <vector>

struct uv_loop_s;
struct uv_timer_s;
struct uv_async_s;

namespace molt {

class Scheduler {
    friend class VM;

public:
    explicit Scheduler(VM& vm);
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
    uint32_t addImmediate(Value fn, Value args);
    void clearImmediate(uint32_t id);
    // The hosted job queue has work (or an unhandled rejection to report): drain it after
    // the current turn. `drain` is the hosted function that empties it; drainDone() is its
    // last call.
    void requestDrain() { drainRequested_ = true; }
    void drainDone() { drainRequested_ = false; }
    void setDrainFunction(Value drain) { drainFn_ = pin(drain); }
    // No runnable or sleeping thread, no timer, and no live I/O handle or request.
    bool idle() const;

    // ---- the event loop (libuv), for natives that do I/O
    // The VM's loop: add handles to it; their callbacks run as the invariants above say.
    uv_loop_s* loop() { return loop_; }
    // Parks the running thread `t` until resume(t): call from a native, then return; the
    // interpreter suspends the thread when the native returns (as Thread.sleep does). Only
    // at the outermost level (VM::nestedDepth == 0); returns false (and does nothing)
    // elsewhere, where the native must throw or complete synchronously.
    bool block(Thread* t);
    // Makes a thread parked by block() runnable again; `result` replaces the value the
    // blocking native returned. Call from a uv callback or between turns.
    void resume(Thread* t, Value result);
    // Puts a Runnable thread that was held Waiting (the DSU parks one at an update point)
    // back on the run queue, its stack untouched.
    void requeue(Thread* t) { runQueue_.push_back(t); }
    // Calls `fn(args...)` with `thisValue` on a fresh green thread, after the threads already
    // runnable (a uv callback's way to run hosted code). `done`, when given, runs once that
    // thread ends (with its result, or Value::exception() when it threw: the exception is
    // then already reported as uncaught and the program ends).
    Thread* callback(Value fn, Value thisValue, const Value* args, int argc,
                     std::function<void(Value)> done = {});
    // Pins a hosted value as a root until unpin; the id reads it back (pinned) after a
    // collection or a swap. Ids are reused after unpin.
    uint32_t pin(Value v);
    Value pinned(uint32_t id) const { return pins_[id]; }
    void unpin(uint32_t id);
    // Thread-safe: runs `fn` on the VM's thread at the next loop iteration (waking an idle
    // wait). The only Scheduler function another OS thread may call, with wake().
    void post(std::function<void()> fn);
    // Runs when the VM is destroyed, before the loop is closed: a native closes its open
    // handles there (uv_close with the callback that frees them). No hosted code may run.
    void addShutdownHook(std::function<void()> hook) { shutdownHooks_.push_back(std::move(hook)); }
    // The per-VM state of a native I/O area (its handles and ids), made on first use. It is
    // destroyed after the loop is closed, so the close callbacks of its handles can use it.
    template<typename T> T& extension() {
        auto& slot = extensions_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>(vm_);
        return *static_cast<T*>(slot.get());
    }
    // Thread-safe: interrupts an idle wait so that the loop re-checks its stop condition.
    void wake();
    const std::vector<Thread*>& threads() const { return all_; }
    // A hook run between thread slices (every thread is suspended at a preemption point),
    // until it returns true. The DSU waits for safe points this way.
    void addSafePointHook(std::function<bool()> hook) { hooks_.push_back(std::move(hook)); }
    bool runHooks();
    // Called between slices with the signals that arrived (signals.h bit set); the process
    // built-ins set it to run the program's listeners.
    std::function<void(uint32_t)> onSignals;
    // Set by process (builtins_process.cpp): hands an exception no frame caught to the
    // program's process.on('uncaughtException') listeners, each on a thread of its own, and
    // returns those threads (none: no listener, the program ends as before). A listener's
    // own uncaught exception ends the program with node's exit code 7.
    std::function<std::vector<Thread*>(Value)> onUncaught;
    // ---- suspending on an uncaught exception (the IDE's "a crash is not the end")
    // Off by default: an exception no frame catches ends the program, as in node (`molt run`).
    // On, it suspends the throwing thread instead (ThreadState::Suspended, frames kept at the
    // throw) and calls onSuspended; other threads, timers and I/O go on, and the program
    // stays alive while a thread is suspended. Not for process.on('uncaughtException')
    // listeners (they still get the exception first), nor for the microtask drain thread.
    void setSuspendOnUncaught(bool on) { suspendOnUncaught_ = on; }
    bool suspendsOnUncaught(const Thread* t) const;
    std::function<void(Thread*)> onSuspended;
    struct Suspension {
        uint32_t threadId = 0;
        Value exception;
        std::string message;               // "TypeError: x is not a function"
        std::vector<StackFrameInfo> stack; // innermost first, every frame
    };
    // What stopped a Suspended thread (may run the exception's getters: call between slices).
    Suspension suspension(Thread* t);
    std::vector<Thread*> suspendedThreads() const;
    // Ends a Suspended thread as the exception would have: its for-of loops close, its frames
    // unwind, the thread finishes; the program goes on if anything else is pending.
    Result<void> terminate(Thread* t);
    // Ends a thread that was preempted or sleeps (between slices), as an exception no code
    // can catch would: its frames unwind without running catch or finally blocks or
    // closing its for-of loops, and its `done` learns that it threw. The host's way to stop
    // an endless evaluation. A suspended thread is terminated; one that waits (on a lock,
    // a promise, an update) is refused, since what it waits for would resume it.
    Result<void> cancel(Thread* t);
    // ---- holding an unhandled promise rejection (the same policy, for async failures)
    // With setSuspendOnUncaught on, the microtask drain hands a rejection no handler and no
    // listener took (`error`: the reason, or node's UnhandledPromiseRejection wrapping it)
    // to holdRejection instead of throwing it: it is held, onRejectionHeld is called, and
    // the program goes on and stays alive while a rejection is held, as for a suspended
    // thread. The frames that made it have ended (an async function's frame unwinds into its
    // promise), so there is nothing to restart: the host releases it (the program goes on as
    // if a handler had taken it) or ends the program. Returns false, holding nothing, with
    // the policy off: the drain throws it and the program ends, as in node.
    bool holdRejection(Value error);
    std::function<void(uint32_t)> onRejectionHeld;
    struct HeldRejection {
        uint32_t id = 0;
        Value error;
        std::string message;               // "TypeError: x is not a function"
        std::vector<StackFrameInfo> stack; // the error's own stack (where it was made), no
                                           // runtime-internal frames; none for a non-Error
    };
    // What a held rejection holds (may run the error's getters: call between slices);
    // nullopt for an id not held.
    std::optional<HeldRejection> heldRejection(uint32_t id);
    std::vector<uint32_t> heldRejections() const;
    // Lets the program go on without it, as if a handler had taken it.
    Result<void> releaseRejection(uint32_t id);
    // Runs frame `depth` (0: the innermost, as captureStack lists them) of a Suspended thread
    // again from its start, with the same receiver and arguments and the function's current
    // code (after an update, the new code): the frames above it are dropped and the thread is
    // runnable. Refused for a module's top level, a generator's frame, and a frame above one
    // an update made stale (Thread::staleFrom): restart that one or a lower one instead.
    Result<void> restartFrame(Thread* t, size_t depth);
    // Called by the DSU's commit: frame `frameIndex` (from the bottom) of the suspended
    // thread `t` ran code the update changed.
    void markStale(Thread* t, size_t frameIndex) { t->staleFrom = std::min(t->staleFrom, frameIndex); }
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
    // Starts the drain thread after a turn when jobs wait.
    void scheduleDrain();
    // The check phase: spawns the next immediate when no thread is runnable. True when it
    // did (or the phase is running), so the caller does not fire timers before it.
    bool runCheckPhase();
    void wakeSleepers();
    // Runs the loop's due callbacks without blocking, or blocks up to `waitMs` (< 0: until
    // an event) when nothing else can run.
    void pollIo(double waitMs);
    bool ioPending() const;
    void runPosted();
    static void onAsync(uv_async_s* handle);
    bool runOne(Thread* t, int& exitCode);
    // The threads that onUncaught started for `t`'s exception run next.
    void runListeners(Thread* t, const std::vector<Thread*>& started);
    // Pops every frame of `t`, closing upvalues, generators and return barriers.
    void unwindThread(Thread* t);
    // A thread is suspended or a rejection held: the host decides what happens next.
    bool hasSuspended() const;
    struct Held {
        uint32_t id;
        uint32_t pin; // the error
    };
    std::vector<Held> heldRejections_;
    std::vector<Held>::iterator findHeld(uint32_t id);
    // describeUncaught's header line without "Uncaught ": what the Suspended panel shows.
    std::string uncaughtHeadline(Value error);
    uint32_t nextRejectionId_ = 1;
    static constexpr double kSuspendedPollMs = 50; // runFor's wait while only a suspended thread is left
    bool suspendOnUncaught_ = false;
    void finishThread(Thread* t, Value result);
    static constexpr double kIoPollMs = 2; // runFor's wait while only I/O is pending
    void releaseStack(Thread* t);
    // A finished thread's stack mapping and reserved frame storage, kept for the next thread
    // (each I/O callback runs on a fresh one: mapping 2 MiB and reserving kMaxFrames frames
    // per request cost page faults and unmaps). At most kSpareThreads of each.
    static constexpr size_t kSpareThreads = 8;
    std::vector<Value*> spareStacks_;
    std::vector<std::vector<CallFrame>> spareFrames_;

    VM& vm_;
    std::deque<Thread*> runQueue_;
    std::vector<Thread*> sleepers_;
    std::multimap<std::pair<double, uint64_t>, Timer> timers_;
    struct Immediate {
        uint32_t id;
        Value fn;
        Value args; // an Array of extra arguments
    };
    std::deque<Immediate> immediates_;
    size_t checkRemaining_ = 0; // immediates left in the running check phase
    bool ioDelivered_ = false;  // an I/O callback was queued since the last check phase
    uint32_t nextImmediateId_ = 1;
    bool drainRequested_ = false;
    uint32_t drainFn_ = UINT32_MAX; // pin of the hosted drain function
    Thread* drainThread_ = nullptr;
    std::vector<Thread*> all_; // live threads (stacks to scan)
    std::vector<std::function<bool()>> hooks_;
    uint32_t nextTimerId_ = 1;
    uint64_t timerSeq_ = 0;
    uint32_t nextThreadId_ = 1;
    uint64_t turn_ = 0; // the running turn, counted from 1; 0 outside runOne
    uint64_t turnsStarted_ = 0;
    Thread* firedNotStarted_ = nullptr; // the last timer's callback, until its first turn
    double sliceDeadline_ = 0;          // runFor's deadline (VM clock ms); 0 outside runFor

    uv_loop_s* loop_ = nullptr;
    uv_timer_s* idleTimer_ = nullptr; // bounds a blocking uv_run by the next hosted timer
    uv_async_s* async_ = nullptr;     // wake()/post(); unreferenced, so it keeps nothing alive
    std::mutex postedMutex_;
    std::vector<std::function<void()>> posted_;
    std::vector<Value> pins_;
    std::vector<uint32_t> freePins_;
    std::map<Thread*, std::function<void(Value)>> onThreadDone_;
    std::vector<Thread*> uncaughtListeners_; // threads onUncaught started, still running
    bool drainAfterListeners_ = false;       // a microtask threw: drain again after them
    std::vector<std::function<void()>> shutdownHooks_;
    std::unordered_map<std::type_index, std::shared_ptr<void>> extensions_;
};

} // namespace molt
