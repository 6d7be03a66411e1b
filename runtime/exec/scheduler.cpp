#include "runtime/exec/scheduler.h"

#include "runtime/bytecode/upvalues.h"
#include "runtime/core/assert.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/signals.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <sys/mman.h>
#include <uv.h>

namespace molt {

static constexpr size_t kStackValues = 256 * 1024; // 2 MiB of address space per thread

Thread* VM::newThread(Value entry) {
    Root keep(heap, entry);
    auto* t = heap.allocate<Thread>(ObjKind::Thread, threadClass);
    Scheduler& s = *scheduler_;
    if (!s.spareStacks_.empty()) {
        t->stack = s.spareStacks_.back();
        s.spareStacks_.pop_back();
    } else {
        void* mem = mmap(nullptr, kStackValues * sizeof(Value), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        MOLT_CHECK(mem != MAP_FAILED, "cannot allocate a thread stack");
        t->stack = static_cast<Value*>(mem);
    }
    t->stackEnd = t->stack + kStackValues;
    t->sp = t->stack;
    t->entry = entry;
    if (!s.spareFrames_.empty()) {
        t->frames = std::move(s.spareFrames_.back()); // empty, capacity kMaxFrames
        s.spareFrames_.pop_back();
    } else {
        t->frames.reserve(kMaxFrames); // frame pointers stay valid: see Thread::frames
    }
    scheduler_->all_.push_back(t);
    return t;
}

Scheduler::Scheduler(VM& vm) : vm_(vm) {
    signals::ignoreBrokenPipes();
    loop_ = new uv_loop_t;
    MOLT_CHECK(uv_loop_init(loop_) == 0, "cannot start the event loop");
    loop_->data = this;
    idleTimer_ = new uv_timer_t;
    uv_timer_init(loop_, idleTimer_);
    uv_unref(reinterpret_cast<uv_handle_t*>(idleTimer_));
    async_ = new uv_async_t;
    uv_async_init(loop_, async_, onAsync);
    async_->data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(async_));
}

Scheduler::~Scheduler() {
    for (Thread* t : all_)
        releaseStack(t);
    for (Value* stack : spareStacks_)
        munmap(stack, kStackValues * sizeof(Value));
    spareStacks_.clear();
    // Natives close their handles (with close callbacks that free them) first; whatever is
    // still open is closed without one. No hosted code runs from here on.
    for (auto& hook : shutdownHooks_)
        hook();
    uv_walk(
        loop_,
        [](uv_handle_t* h, void*) {
            if (!uv_is_closing(h)) uv_close(h, nullptr);
        },
        nullptr);
    uv_run(loop_, UV_RUN_DEFAULT);
    uv_loop_close(loop_);
    delete idleTimer_;
    delete async_;
    delete loop_;
}

bool Scheduler::idle() const {
    return runQueue_.empty() && sleepers_.empty() && timers_.empty() && immediates_.empty() &&
           !drainRequested_ && !ioPending();
}

bool Scheduler::ioPending() const {
    return uv_loop_alive(loop_) != 0;
}

void Scheduler::pollIo(double waitMs) {
    runPosted();
    if (waitMs == 0) {
        uv_run(loop_, UV_RUN_NOWAIT);
        return;
    }
    if (vm_.flushOutput) vm_.flushOutput();
    if (waitMs > 0) {
        // Referenced while we block, so uv_run returns at the next hosted timer at the latest.
        // uv_stop: should the timer fire before the poll phase, the poll must not block.
        uv_update_time(loop_);
        uv_timer_start(
            idleTimer_, [](uv_timer_t* h) { uv_stop(h->loop); }, uint64_t(std::ceil(waitMs)), 0);
        uv_ref(reinterpret_cast<uv_handle_t*>(idleTimer_));
    }
    uv_run(loop_, UV_RUN_ONCE);
    uv_timer_stop(idleTimer_);
    uv_unref(reinterpret_cast<uv_handle_t*>(idleTimer_));
}

void Scheduler::onAsync(uv_async_t* handle) {
    static_cast<Scheduler*>(handle->data)->runPosted();
}

void Scheduler::runPosted() {
    std::vector<std::function<void()>> work;
    {
        std::lock_guard<std::mutex> lock(postedMutex_);
        work.swap(posted_);
    }
    for (auto& fn : work)
        fn();
}

void Scheduler::post(std::function<void()> fn) {
    {
        std::lock_guard<std::mutex> lock(postedMutex_);
        posted_.push_back(std::move(fn));
    }
    uv_async_send(async_);
}

void Scheduler::wake() {
    uv_async_send(async_);
}

bool Scheduler::block(Thread* t) {
    if (vm_.nestedDepth > 0 || !t || t != vm_.currentThread()) return false;
    t->state = ThreadState::Waiting;
    vm_.preemptRequested = true;
    return true;
}

void Scheduler::resume(Thread* t, Value result) {
    MOLT_ASSERT(t->state == ThreadState::Waiting);
    if (t->sp > t->stack) t->sp[-1] = result;
    t->state = ThreadState::Runnable;
    runQueue_.push_back(t);
    ioDelivered_ = true;
}

Thread* Scheduler::callback(Value fn, Value thisValue, const Value* args, int argc,
                            std::function<void(Value)> done) {
    Root keepFn(vm_.heap, fn), keepThis(vm_.heap, thisValue);
    // The arguments are copied onto the new stack only after the thread is allocated.
    std::vector<uint32_t> argPins;
    for (int i = 0; i < argc; ++i)
        argPins.push_back(pin(args[i]));
    Thread* t = vm_.newThread(fn);
    t->threadId = nextThreadId_++;
    *t->sp++ = keepFn.value;
    *t->sp++ = keepThis.value;
    for (uint32_t id : argPins) {
        *t->sp++ = pins_[id];
        unpin(id);
    }
    t->state = ThreadState::Runnable;
    t->result = Value::fromBits(uint64_t(argc));
    runQueue_.push_back(t);
    ioDelivered_ = true;
    if (done) onThreadDone_[t] = std::move(done);
    return t;
}

uint32_t Scheduler::pin(Value v) {
    if (!freePins_.empty()) {
        uint32_t id = freePins_.back();
        freePins_.pop_back();
        pins_[id] = v;
        return id;
    }
    pins_.push_back(v);
    return uint32_t(pins_.size() - 1);
}

void Scheduler::unpin(uint32_t id) {
    pins_[id] = Value::undefined();
    freePins_.push_back(id);
}

void Scheduler::releaseStack(Thread* t) {
    if (t->stack) {
        if (spareStacks_.size() < kSpareThreads) spareStacks_.push_back(t->stack);
        else munmap(t->stack, kStackValues * sizeof(Value));
    }
    t->stack = t->stackEnd = t->sp = nullptr;
    // A finished thread's frames are gone (its loop has returned); its storage moves on.
    if (t->frames.capacity() == kMaxFrames && spareFrames_.size() < kSpareThreads) {
        t->frames.clear();
        spareFrames_.push_back(std::move(t->frames));
        t->frames = {};
    }
}

Thread* Scheduler::spawn(Value entry, Value thisValue, const Value* args, int argc) {
    Thread* t = vm_.newThread(entry);
    t->threadId = nextThreadId_++;
    *t->sp++ = entry;
    *t->sp++ = thisValue;
    for (int i = 0; i < argc; ++i)
        *t->sp++ = args[i];
    t->state = ThreadState::Runnable;
    t->result = Value::fromBits(uint64_t(argc)); // argc until the first run
    runQueue_.push_back(t);
    return t;
}

void Scheduler::markRoots(Tracer& tr) {
    for (Thread* t : all_)
        tr.mark(t); // its stack, frames and open upvalues are its edges (Thread::visitEdges)
    for (auto& [key, timer] : timers_) {
        tr.mark(timer.fn);
        tr.mark(timer.args);
    }
    for (const Immediate& im : immediates_) {
        tr.mark(im.fn);
        tr.mark(im.args);
    }
    for (Value v : pins_)
        tr.mark(v);
}

void Scheduler::visitRoots(EdgeVisitor& v) {
    // Threads are heap objects: swapObjects forwards their stacks with every other object.
    for (auto& [key, timer] : timers_) {
        v.visit(timer.fn);
        v.visit(timer.args);
    }
    for (Immediate& im : immediates_) {
        v.visit(im.fn);
        v.visit(im.args);
    }
    for (Value& p : pins_)
        v.visit(p);
}

uint32_t Scheduler::addTimer(Value fn, double delayMs, bool repeat, Value args) {
    if (!(delayMs >= 1)) delayMs = 1; // node clamps to 1 ms
    uint32_t id = nextTimerId_++;
    double due = vm_.now() + delayMs;
    timers_.emplace(std::make_pair(due, timerSeq_++),
                    Timer{id, due, delayMs, repeat, fn, args, turn_});
    return id;
}

void Scheduler::clearTimer(uint32_t id) {
    for (auto it = timers_.begin(); it != timers_.end(); ++it)
        if (it->second.id == id) {
            timers_.erase(it);
            return;
        }
}

uint32_t Scheduler::addImmediate(Value fn, Value args) {
    uint32_t id = nextImmediateId_++;
    immediates_.push_back({id, fn, args});
    return id;
}

void Scheduler::clearImmediate(uint32_t id) {
    for (size_t i = 0; i < immediates_.size(); ++i)
        if (immediates_[i].id == id) {
            immediates_.erase(immediates_.begin() + long(i));
            if (i < checkRemaining_) checkRemaining_--;
            return;
        }
}

bool Scheduler::runCheckPhase() {
    // After I/O callbacks with immediates waiting, the check phase comes next: neither timers
    // nor newly polled I/O go before it (node's poll -> check -> timers).
    if (!runQueue_.empty()) return checkRemaining_ > 0 || (ioDelivered_ && !immediates_.empty());
    if (checkRemaining_ == 0 && ioDelivered_) checkRemaining_ = immediates_.size();
    ioDelivered_ = false;
    if (checkRemaining_ == 0) return false;
    Immediate im = immediates_.front();
    immediates_.pop_front();
    checkRemaining_--;
    Root keepFn(vm_.heap, im.fn), keepArgs(vm_.heap, im.args);
    auto* args = as<Array>(im.args);
    spawn(im.fn, Value::undefined(), args->elements, int(args->length));
    return true;
}

void Scheduler::scheduleDrain() {
    if (!drainRequested_ || drainThread_ || drainFn_ == UINT32_MAX) return;
    drainThread_ = spawn(pins_[drainFn_]);
    runQueue_.pop_back();
    runQueue_.push_front(drainThread_);
}

void Scheduler::sleep(Thread* t, double ms) {
    t->state = ThreadState::Sleeping;
    t->wakeAt = vm_.now() + std::max(0.0, ms);
}

void Scheduler::wakeSleepers() {
    double now = vm_.now();
    std::stable_sort(sleepers_.begin(), sleepers_.end(),
                     [](Thread* a, Thread* b) { return a->wakeAt < b->wakeAt; });
    size_t woke = 0;
    while (woke < sleepers_.size() && sleepers_[woke]->wakeAt <= now) {
        sleepers_[woke]->state = ThreadState::Runnable;
        runQueue_.push_back(sleepers_[woke]);
        woke++;
    }
    sleepers_.erase(sleepers_.begin(), sleepers_.begin() + long(woke));
}

void Scheduler::fireDueTimers() {
    double now = vm_.now();
    if (!timers_.empty() && timers_.begin()->first.first <= now && !firedNotStarted_) {
        Timer timer = timers_.begin()->second;
        timers_.erase(timers_.begin());
        Root keepFn(vm_.heap, timer.fn), keepArgs(vm_.heap, timer.args);
        if (timer.repeat) {
            // As node does: the next period starts when this one fires, so a late tick
            // delays the following ones instead of letting them catch up in a burst.
            double due = now + timer.interval;
            Timer next = timer;
            next.dueAt = due;
            timers_.emplace(std::make_pair(due, timerSeq_++), next);
        }
        auto* args = as<Array>(timer.args);
        firedNotStarted_ = spawn(timer.fn, Value::undefined(), args->elements, int(args->length));
    }
}

bool Scheduler::onPreemptionPoint(bool canYield) {
    steps++;
    if (vm_.stepLimit && steps * 4096 > vm_.stepLimit) {
        vm_.requestExit(124);
        return true;
    }
    if (!canYield) return false;
    if (drainThread_ && vm_.currentThread() == drainThread_) // microtasks run to the end
        return sliceDeadline_ > 0 && vm_.now() >= sliceDeadline_;
    if (!runQueue_.empty() || signals::pending()) return true;
    if (sliceDeadline_ > 0 && vm_.now() >= sliceDeadline_) return true;
    if (!sleepers_.empty() || !timers_.empty()) {
        double now = vm_.now();
        for (auto it = timers_.begin(); it != timers_.end() && it->first.first <= now; ++it)
            if (it->second.turn != turn_) return true;
        for (Thread* s : sleepers_)
            if (s->wakeAt <= now) return true;
    }
    return false;
}

// Runs `t` until it finishes, suspends or throws. Returns false when the program must end.
bool Scheduler::runOne(Thread* t, int& exitCode) {
    struct TurnScope {
        uint64_t& slot;
        uint64_t saved;
        ~TurnScope() { slot = saved; }
    } turn{turn_, turn_};
    turn_ = ++turnsStarted_;
    if (t == firedNotStarted_) firedNotStarted_ = nullptr;
    vm_.setCurrentThread(t);
    Value result;
    if (t->frames.empty()) {
        // First run: [entry][this][args] are on the stack.
        int argc = int(t->result.bits());
        t->result = Value::undefined();
        if (!vm_.pushCall(t, t->entry, argc, t->stack, 0)) {
            result = Value::exception();
        } else if (t->frames.empty()) {
            result = t->stack[0]; // a native entry completed at once
        } else {
            result = vm_.runFrame(t, 0);
        }
    } else {
        result = vm_.runFrame(t, 0);
    }
    vm_.setCurrentThread(nullptr);
    if (vm_.exitRequested()) return false;
    if (result.isException() && t->state == ThreadState::Suspended) {
        // Stopped at the throw (catchInRun). The program's own listeners come first.
        Value exc = t->suspendedException;
        Root keep(vm_.heap, exc);
        std::vector<Thread*> started = onUncaught ? onUncaught(exc) : std::vector<Thread*>{};
        if (!started.empty()) {
            unwindThread(t);
            t->suspendedException = Value::undefined();
            runListeners(t, started);
            return true;
        }
        if (onSuspended) onSuspended(t);
        scheduleDrain();
        return true;
    }
    if (result.isException()) {
        Value exc = vm_.takePendingException();
        Root keep(vm_.heap, exc);
        auto listener = std::find(uncaughtListeners_.begin(), uncaughtListeners_.end(), t);
        bool fromListener = listener != uncaughtListeners_.end();
        if (!fromListener && onUncaught) {
            std::vector<Thread*> started = onUncaught(exc);
            if (!started.empty()) { // handled: the program goes on, as in node
                runListeners(t, started);
                return true;
            }
        }
        vm_.writeErr(vm_.describeUncaught(exc));
        exitCode = fromListener ? 7 : 1;
        auto done = onThreadDone_.find(t);
        if (done != onThreadDone_.end()) {
            auto fn = std::move(done->second);
            onThreadDone_.erase(done);
            fn(Value::exception());
        }
        return false;
    }
    if (result.isEmpty()) {
        // Suspended: preempted, yielded, asleep, or waiting for I/O (resume requeues it).
        if (t->state == ThreadState::Sleeping)
            sleepers_.push_back(t);
        else if (t->state != ThreadState::Waiting)
            runQueue_.push_back(t);
        scheduleDrain();
        return true;
    }
    finishThread(t, result);
    scheduleDrain();
    return true;
}

void Scheduler::runListeners(Thread* t, const std::vector<Thread*>& started) {
    // The listeners run next, before the microtasks left in the queue (node calls them at
    // once).
    for (Thread* l : started)
        std::erase(runQueue_, l);
    for (size_t i = started.size(); i > 0; --i)
        runQueue_.push_front(started[i - 1]);
    uncaughtListeners_.insert(uncaughtListeners_.end(), started.begin(), started.end());
    if (t == drainThread_ && drainRequested_) {
        // The rest of the queue drains once the listeners are done.
        drainRequested_ = false;
        drainAfterListeners_ = true;
    }
    finishThread(t, Value::exception());
}

void Scheduler::finishThread(Thread* t, Value result) {
    t->state = ThreadState::Finished;
    t->result = result;
    if (t == drainThread_) drainThread_ = nullptr;
    if (!uncaughtListeners_.empty()) {
        std::erase(uncaughtListeners_, t);
        if (uncaughtListeners_.empty() && drainAfterListeners_) {
            drainAfterListeners_ = false;
            drainRequested_ = true;
        }
    }
    // The end of a job: nothing else to run and the microtasks drained. WeakRef targets
    // kept for the job may go now (only observable through a collection after this point).
    if (!drainThread_ && !drainRequested_ && runQueue_.empty()) vm_.clearKeptObjects();
    all_.erase(std::find(all_.begin(), all_.end(), t));
    releaseStack(t);
    auto done = onThreadDone_.find(t);
    if (done != onThreadDone_.end()) {
        auto fn = std::move(done->second);
        onThreadDone_.erase(done);
        Root keep(vm_.heap, result);
        fn(result);
    }
}

bool Scheduler::runHooks() {
    for (size_t i = 0; i < hooks_.size();) {
        auto hook = hooks_[i]; // a hook may add hooks
        if (hook())
            hooks_.erase(hooks_.begin() + long(i));
        else
            ++i;
    }
    return !hooks_.empty();
}

int Scheduler::run() {
    return runUntil(nullptr);
}

int Scheduler::runUntil(const std::function<bool()>& stop) {
    int exitCode = 0;
    for (;;) {
        if (vm_.timeLimitMs > 0 && vm_.now() > vm_.timeLimitMs) vm_.requestExit(124);
        if (vm_.exitRequested()) return vm_.exitCode();
        if (stop && stop()) return 0;
        if (!hooks_.empty()) runHooks();
        if (signals::pending() && onSignals) onSignals(signals::take());
        scheduleDrain();
        wakeSleepers();
        bool checking = runCheckPhase();
        if (!checking) fireDueTimers();
        if (runQueue_.empty()) {
            if (!immediates_.empty()) {
                checkRemaining_ = immediates_.size(); // nothing else to run: the check phase
                continue;
            }
            if (sleepers_.empty() && timers_.empty()) {
                if (!hooks_.empty() && runHooks()) continue;
                if (runQueue_.empty() && sleepers_.empty() && timers_.empty() && !ioPending() &&
                    (!stop || !hasSuspended()))
                    return exitCode;
            }
            double wait = -1; // only I/O is pending: block until it
            if (!sleepers_.empty() || !timers_.empty()) {
                double next = 1e300;
                if (!timers_.empty()) next = timers_.begin()->first.first;
                for (Thread* s : sleepers_)
                    next = std::min(next, s->wakeAt);
                wait = std::max(0.0, next - vm_.now());
            }
            if (!hooks_.empty()) wait = wait < 0 ? 5.0 : std::min(wait, 5.0); // safe-point timeouts
            if (vm_.timeLimitMs > 0) {
                double left = std::max(0.0, vm_.timeLimitMs - vm_.now() + 1);
                wait = wait < 0 ? left : std::min(wait, left);
            }
            if (stop) wait = wait < 0 ? 50.0 : std::min(wait, 50.0); // the stop condition polls
            pollIo(wait);
            continue;
        }
        if (!checking) pollIo(0);
        Thread* t = runQueue_.front();
        runQueue_.pop_front();
        if (!runOne(t, exitCode)) return vm_.exitRequested() ? vm_.exitCode() : exitCode;
    }
}

Scheduler::Slice Scheduler::runFor(double budgetMs) {
    using Outcome = Slice::Outcome;
    double deadline = vm_.now() + budgetMs;
    int exitCode = 0;
    bool ran = false;
    // A lone busy thread must give the host its turn too: preemption points see the deadline.
    struct DeadlineScope {
        double& slot;
        ~DeadlineScope() { slot = 0; }
    } scope{sliceDeadline_};
    sliceDeadline_ = deadline;
    auto topLevelDone = [this] {
        if (vm_.mainModule_ && vm_.mainThread_ && vm_.mainThread_->state == ThreadState::Finished)
            vm_.mainModule_->state = 2;
    };
    for (;;) {
        if (vm_.timeLimitMs > 0 && vm_.now() > vm_.timeLimitMs) vm_.requestExit(124);
        if (vm_.exitRequested()) return {Outcome::Exited, 0, vm_.exitCode()};
        if (ran && vm_.now() >= deadline) {
            topLevelDone();
            return {Outcome::BudgetUsed, 0, 0};
        }
        if (!hooks_.empty()) runHooks();
        scheduleDrain();
        wakeSleepers();
        if (!runCheckPhase()) {
            fireDueTimers();
            pollIo(0);
        }
        if (runQueue_.empty()) {
            topLevelDone();
            if (!immediates_.empty()) {
                checkRemaining_ = immediates_.size();
                continue;
            }
            if (sleepers_.empty() && timers_.empty() && !ioPending()) {
                // A suspended thread waits for the host to restart or terminate it.
                if (hooks_.empty() && hasSuspended())
                    return {Outcome::Waiting, kSuspendedPollMs, 0};
                if (hooks_.empty()) return {Outcome::Done, 0, exitCode};
                // A hook waits with nothing left to run: poll it again soon.
                if (runHooks()) return {Outcome::Waiting, 1, 0};
                continue;
            }
            if (!runQueue_.empty()) continue;
            double next = 1e300;
            if (!timers_.empty()) next = timers_.begin()->first.first;
            for (Thread* s : sleepers_)
                next = std::min(next, s->wakeAt);
            double wait = next - vm_.now();
            // The host polls the loop (UV_RUN_NOWAIT) each slice: I/O waits are short slices.
            if (ioPending()) wait = std::min(wait, kIoPollMs);
            if (!hooks_.empty()) wait = std::min(wait, 5.0); // hooks poll (safe-point timeouts)
            if (wait <= 0) continue;
            return {Outcome::Waiting, wait, 0};
        }
        Thread* t = runQueue_.front();
        runQueue_.pop_front();
        ran = true;
        if (!runOne(t, exitCode))
            return {Outcome::Exited, 0, vm_.exitRequested() ? vm_.exitCode() : exitCode};
    }
}

// ---------------------------------------------------------------- suspended threads

bool Scheduler::suspendsOnUncaught(const Thread* t) const {
    if (!suspendOnUncaught_ || t == drainThread_ || t->frames.empty()) return false;
    return std::find(uncaughtListeners_.begin(), uncaughtListeners_.end(), t) ==
           uncaughtListeners_.end();
}

bool Scheduler::hasSuspended() const {
    return !heldRejections_.empty() || std::any_of(all_.begin(), all_.end(), [](const Thread* t) {
        return t->state == ThreadState::Suspended;
    });
}

// ---------------------------------------------------------------- held rejections

bool Scheduler::holdRejection(Value error) {
    if (!suspendOnUncaught_) return false;
    uint32_t id = nextRejectionId_++;
    heldRejections_.push_back({id, pin(error)});
    if (onRejectionHeld) onRejectionHeld(id);
    return true;
}

std::vector<uint32_t> Scheduler::heldRejections() const {
    std::vector<uint32_t> out;
    for (const Held& h : heldRejections_)
        out.push_back(h.id);
    return out;
}

std::vector<Scheduler::Held>::iterator Scheduler::findHeld(uint32_t id) {
    return std::find_if(heldRejections_.begin(), heldRejections_.end(),
                        [id](const Held& h) { return h.id == id; });
}

std::string Scheduler::uncaughtHeadline(Value error) {
    Root keep(vm_.heap, error);
    std::string described = vm_.describeUncaught(error);
    std::string first = described.substr(0, described.find('\n'));
    constexpr std::string_view prefix = "Uncaught ";
    if (first.rfind(prefix, 0) == 0) first.erase(0, prefix.size());
    return first;
}

std::optional<Scheduler::HeldRejection> Scheduler::heldRejection(uint32_t id) {
    auto held = findHeld(id);
    if (held == heldRejections_.end()) return std::nullopt;
    HeldRejection r;
    r.id = id;
    r.error = pinned(held->pin);
    Root keep(vm_.heap, r.error);
    r.message = uncaughtHeadline(r.error);
    // The error's stack says where it was made. A non-Error reason has none of its own (its
    // wrapper's is the drain's), and the drain's frames are the runtime's, not the program's.
    if (vm_.instanceOf(r.error, vm_.errorClass)) {
        Value stack = vm_.getProperty(r.error, vm_.names.stack);
        if (stack.isException())
            vm_.takePendingException();
        else if (isString(stack))
            for (StackFrameInfo& f : VM::parseStackTrace(asString(stack)->view()))
                if (!f.file.starts_with("node:")) r.stack.push_back(std::move(f));
    }
    return r;
}

Result<void> Scheduler::releaseRejection(uint32_t id) {
    auto held = findHeld(id);
    if (held == heldRejections_.end()) return Error("no such rejection is held");
    unpin(held->pin);
    heldRejections_.erase(held);
    return {};
}

std::vector<Thread*> Scheduler::suspendedThreads() const {
    std::vector<Thread*> out;
    for (Thread* t : all_)
        if (t->state == ThreadState::Suspended) out.push_back(t);
    return out;
}

Scheduler::Suspension Scheduler::suspension(Thread* t) {
    Suspension s;
    s.threadId = t->threadId;
    s.exception = t->suspendedException;
    s.stack = vm_.captureStack(t);
    s.message = uncaughtHeadline(s.exception);
    return s;
}

void Scheduler::unwindThread(Thread* t) {
    vm_.unwindRun(t, 0);
    t->handlers.clear();
    if (!vm_.returnBarriers_.empty()) vm_.dropUnwoundBarriers(t);
}

Result<void> Scheduler::terminate(Thread* t) {
    if (!t || t->state != ThreadState::Suspended) return Error("the thread is not suspended");
    Value exc = t->suspendedException;
    Root keep(vm_.heap, exc);
    // The for-of loops the exception leaves close as they would have (their return() runs
    // on this thread, above its frames, while the exception is pending).
    vm_.setCurrentThread(t);
    vm_.throwValue(exc);
    vm_.closeLoopsOnThrow(t, 0);
    if (vm_.hasPendingException()) vm_.takePendingException();
    vm_.setCurrentThread(nullptr);
    unwindThread(t);
    t->suspendedException = Value::undefined();
    t->staleFrom = SIZE_MAX;
    finishThread(t, Value::exception()); // its `done` learns that it threw
    t->result = Value::undefined();      // the marker is no value to keep
    scheduleDrain();
    return {};
}

Result<void> Scheduler::cancel(Thread* t) {
    if (!t || t->state == ThreadState::Finished) return Error("the thread has ended");
    if (t->state == ThreadState::Suspended) return terminate(t);
    if (t->state == ThreadState::Waiting)
        return Error("the thread waits (for a lock, a promise or an update) and cannot be "
                     "cancelled");
    if (vm_.currentThread()) return Error("a thread is running: cancel between slices");
    if (t->state == ThreadState::Sleeping)
        std::erase(sleepers_, t);
    else
        std::erase(runQueue_, t);
    unwindThread(t);
    t->staleFrom = SIZE_MAX;
    finishThread(t, Value::exception()); // its `done` learns that it did not return
    t->result = Value::undefined();
    scheduleDrain();
    return {};
}

// The function a frame runs now: a method is looked up again on its class (an update may
// have given the class new closures); anything else is the frame's own closure, whose code
// an update changes in place.
static Closure* currentCode(const CallFrame& f) {
    Closure* c = f.closure;
    const FunctionProto* p = c->proto;
    Class* home = c->homeClass;
    if (!home || !p->name) return c;
    if (p->has(FunctionFlag::Constructor))
        return isKind(home->constructor, ObjKind::Closure) ? as<Closure>(home->constructor) : c;
    if (!p->has(FunctionFlag::Method)) return c;
    bool isStatic = p->has(FunctionFlag::Static);
    NameTable* tables[3] = {isStatic ? &home->staticMethods : &home->ownMethods,
                            isStatic ? &home->staticGetters : &home->ownGetters,
                            isStatic ? &home->staticSetters : &home->ownSetters};
    // The table that still holds this closure says which kind of member it is.
    for (NameTable* table : tables)
        for (auto& [name, v] : *table)
            if (v.isObject() && v.asObject() == c) return c;
    for (NameTable* table : tables) {
        auto it = table->find(p->name);
        if (it != table->end() && isKind(it->second, ObjKind::Closure)) return as<Closure>(it->second);
    }
    return c;
}

static bool ipInCode(const uint8_t* ip, const FunctionProto* p) {
    return ip >= p->code.data() && ip <= p->code.data() + p->code.size();
}

Result<void> Scheduler::restartFrame(Thread* t, size_t depth) {
    if (!t || t->state != ThreadState::Suspended) return Error("the thread is not suspended");
    if (depth >= t->frames.size())
        return Error("the thread has no frame " + std::to_string(depth));
    size_t index = t->frames.size() - 1 - depth;
    const CallFrame& f = t->frames[index];
    const FunctionProto* p = f.closure->proto;
    if (p->has(FunctionFlag::Module)) return Error("a module's top level cannot be restarted");
    if ((f.flags & (kFrameGenerator | kFrameBoundary)) || p->has(FunctionFlag::Generator) ||
        p->isAsync)
        return Error("a generator's or an async function's frame cannot be restarted");
    // The frames below keep running once this one returns: none may hold replaced code.
    size_t lowestStale = t->staleFrom;
    for (size_t j = 0; j < index && lowestStale == SIZE_MAX; ++j)
        if (!ipInCode(vm_.resumeIp(t, j), t->frames[j].closure->proto)) lowestStale = j;
    if (index > lowestStale)
        return Error("an update replaced the code of frame " +
                     std::to_string(t->frames.size() - 1 - lowestStale) +
                     " below it: restart that frame or a lower one");
    Closure* next = currentCode(f);
    Root keepNext(vm_.heap, Value::object(next)); // its frame, maybe its only root, goes
    // The receiver and arguments: as `arguments` saw them when the function has it (the
    // call's own values), otherwise the parameters as the frame holds them now.
    Value* base = f.base;
    Value* resultSlot = f.resultSlot;
    uint8_t flags = f.flags;
    std::vector<Value> args;
    if (p->argumentsSlot && isKind(base[p->argumentsSlot], ObjKind::Array)) {
        auto* a = as<Array>(base[p->argumentsSlot]);
        args.assign(a->elements, a->elements + a->length);
    } else {
        args.assign(base + 1, base + 1 + p->numParams);
        if (p->has(FunctionFlag::HasRest) && isKind(base[1 + p->numParams], ObjKind::Array)) {
            auto* rest = as<Array>(base[1 + p->numParams]);
            args.insert(args.end(), rest->elements, rest->elements + rest->length);
        }
    }
    for (Value& v : args)
        if (v.isEmpty()) v = Value::undefined();
    // Drop this frame and the ones above it (nothing here allocates), then call again in place.
    while (t->frames.size() > index) {
        if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
        if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
        t->frames.pop_back();
    }
    std::erase_if(t->handlers, [&](const Handler& h) { return h.frameIndex >= index; });
    if (!vm_.returnBarriers_.empty()) vm_.dropUnwoundBarriers(t);
    Value* sp = base + 1;
    for (Value v : args)
        *sp++ = v;
    t->sp = sp;
    vm_.setCurrentThread(t);
    bool pushed = vm_.pushCall(t, Value::object(next), int(args.size()), resultSlot, flags);
    vm_.setCurrentThread(nullptr);
    t->suspendedException = Value::undefined();
    t->staleFrom = SIZE_MAX;
    if (!pushed) { // no room for the new code's locals: the thread suspends on that error
        t->suspendedException = vm_.takePendingException();
        return Error("the frame cannot be restarted: no room on the thread's stack");
    }
    t->state = ThreadState::Runnable;
    runQueue_.push_back(t);
    return {};
}

// ---------------------------------------------------------------- hosted API

static Value threadSpawn(VM& vm, Value, Value* args, int argc) {
    Value fn = arg(args, argc, 0);
    if (!vm.isCallable(fn)) return vm.throwTypeError("Thread.spawn expects a function");
    Thread* t = vm.scheduler().spawn(fn, Value::undefined(), argc > 1 ? args + 1 : nullptr,
                                     argc > 1 ? argc - 1 : 0);
    return Value::object(t);
}

static Value threadSleep(VM& vm, Value, Value* args, int argc) {
    if (vm.nestedDepth > 0)
        return vm.throwTypeError(
            "Thread.sleep cannot block inside a callback called from native code");
    Thread* t = vm.currentThread();
    if (!t) return Value::undefined();
    vm.scheduler().sleep(t, VM::toNumber(arg(args, argc, 0)));
    vm.preemptRequested = true;
    return Value::undefined();
}

static Value threadYield(VM& vm, Value, Value*, int) {
    if (vm.nestedDepth == 0) vm.preemptRequested = true;
    return Value::undefined();
}

static Value threadCurrent(VM& vm, Value, Value*, int) {
    Thread* t = vm.currentThread();
    return t ? Value::object(t) : Value::undefined();
}

static Value threadId(VM& vm, Value self, Value*, int) {
    return isKind(self, ObjKind::Thread) ? Value::integer(int32_t(as<Thread>(self)->threadId))
                                         : Value::undefined();
}

static Value threadIsAlive(VM& vm, Value self, Value*, int) {
    return Value::boolean(isKind(self, ObjKind::Thread) &&
                          as<Thread>(self)->state != ThreadState::Finished);
}

static Value setTimer(VM& vm, Value* args, int argc, bool repeat) {
    Value fn = arg(args, argc, 0);
    if (!vm.isCallable(fn))
        return vm.throwTypeError("The \"callback\" argument must be of type function");
    Array* extra = vm.newArray();
    for (int i = 2; i < argc; ++i)
        vm.arrayPush(extra, args[i]);
    Root keep(vm.heap, Value::object(extra));
    uint32_t id =
        vm.scheduler().addTimer(fn, VM::toNumber(arg(args, argc, 1)), repeat, Value::object(extra));
    return Value::integer(int32_t(id));
}

static Value setTimeoutNative(VM& vm, Value, Value* args, int argc) {
    return setTimer(vm, args, argc, false);
}
static Value setIntervalNative(VM& vm, Value, Value* args, int argc) {
    return setTimer(vm, args, argc, true);
}
static Value clearTimerNative(VM& vm, Value, Value* args, int argc) {
    Value id = arg(args, argc, 0);
    if (id.isNumber()) vm.scheduler().clearTimer(uint32_t(id.asNumber()));
    return Value::undefined();
}

static Value setImmediateNative(VM& vm, Value, Value* args, int argc) {
    Value fn = arg(args, argc, 0);
    if (!vm.isCallable(fn))
        return vm.throwTypeError("The \"callback\" argument must be of type function. Received " +
                                 vm.inspect(fn));
    Array* extra = vm.newArray();
    Root keep(vm.heap, Value::object(extra));
    for (int i = 1; i < argc; ++i)
        vm.arrayPush(extra, args[i]);
    return Value::integer(int32_t(vm.scheduler().addImmediate(fn, Value::object(extra))));
}

static Value clearImmediateNative(VM& vm, Value, Value* args, int argc) {
    Value id = arg(args, argc, 0);
    if (id.isNumber()) vm.scheduler().clearImmediate(uint32_t(id.asNumber()));
    return Value::undefined();
}

void installThreadBuiltins(VM& vm) {
    vm.defineGlobal("setImmediate",
                    Value::object(vm.newNative("setImmediate", setImmediateNative, 1)));
    vm.defineGlobal("clearImmediate",
                    Value::object(vm.newNative("clearImmediate", clearImmediateNative, 1)));
    vm.defineStaticMethod(vm.threadClass, "spawn", threadSpawn, 1);
    vm.defineStaticMethod(vm.threadClass, "sleep", threadSleep, 1);
    vm.defineStaticMethod(vm.threadClass, "yield", threadYield, 0);
    vm.defineStaticMethod(vm.threadClass, "current", threadCurrent, 0);
    vm.defineGetter(vm.threadClass, "id", threadId);
    vm.defineGetter(vm.threadClass, "isAlive", threadIsAlive);
    vm.defineGlobal("Thread", Value::object(vm.threadClass));
    vm.defineGlobal("setTimeout", Value::object(vm.newNative("setTimeout", setTimeoutNative, 2)));
    vm.defineGlobal("setInterval",
                    Value::object(vm.newNative("setInterval", setIntervalNative, 2)));
    vm.defineGlobal("clearTimeout",
                    Value::object(vm.newNative("clearTimeout", clearTimerNative, 1)));
    vm.defineGlobal("clearInterval",
                    Value::object(vm.newNative("clearInterval", clearTimerNative, 1)));
}

} // namespace molt
