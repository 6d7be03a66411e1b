// safe_point.cpp — when the swap may happen: no green thread has a frame in code the
// update affects (DESIGN.md §5, "Safe point").
//
// commit() checks once and rolls back naming the blockers. commitAsync() lets the program
// run: it sets a return barrier on each blocking frame and re-examines the stacks only when
// one fires (or polls, for a frame with no caller to return into), so waiting costs the
// program nothing between checks. The scheduler hook it installs may outlive the
// transaction; it holds only the `alive_` flag, never the transaction itself.
#include "dsu/commit/operations.h"
#include "runtime/exec/scheduler.h"

#include <unordered_set>

namespace molt::dsu {

// The methods an update affects: changed or removed members, and every member of a class
// that lost or renamed a field (its code may name the old field). A thread with a frame in
// one of them blocks the swap.
bool Transaction::safePoint(UpdateReport& report, bool final) {
    if (injectFailureAt == "wait") return fail("injected failure in wait");
    std::unordered_set<const FunctionProto*> affected;
    replacements_.clear();
    methodNames_.clear();
    // The new code of each affected function, where the new version has it (update points).
    // A live closure that took its new code in place (version mode) still stands for the
    // code its frames run: runningProto gives that, and the closure itself is the new code.
    auto addValue = [&](Value v, Value next = Value::undefined(), std::string name = "") {
        if (!isKind(v, ObjKind::Closure)) return;
        const FunctionProto* p = runningProto(as<Closure>(v));
        affected.insert(p);
        replacements_[p] = isKind(next, ObjKind::Closure) ? as<Closure>(next) : nullptr;
        methodNames_[p] = name;
    };
    for (auto& d : drafts_) {
        if (!d->old) continue;
        bool all = d->removed || d->fieldsDropped;
        // A class updated in place already holds the new members: the running code is
        // what its backup kept.
        ClassDefinition current = d->backup ? *d->backup : readClassDefinition(vm_, d->old);
        std::string cls(d->old->name->view());
        // In place, `d->old` already holds the new members; otherwise `d->def` does.
        ClassDefinition next = d->backup ? readClassDefinition(vm_, d->old) : d->def;
        NameTable ClassDefinition::*tables[] = {
            &ClassDefinition::methods,       &ClassDefinition::getters,
            &ClassDefinition::setters,       &ClassDefinition::staticMethods,
            &ClassDefinition::staticGetters, &ClassDefinition::staticSetters};
        for (auto table : tables)
            for (auto& [k, v] : current.*table)
                if (all || d->changedMembers.count(std::string(k->view()))) {
                    auto n = (next.*table).find(k);
                    Value nv = d->removed || n == (next.*table).end() ? Value::undefined()
                                                                      : n->second;
                    addValue(v, nv, cls + "." + std::string(k->view()));
                }
        if (all || d->changedMembers.count("constructor"))
            addValue(current.constructor, d->removed ? Value::undefined() : next.constructor,
                     cls + ".constructor");
        if (all) addValue(current.fieldInit);
    }
    for (auto& a : adoptions_) {
        for (auto& [old, replacement] : a->functions)
            if (!replacements_.count(old->proto)) // a class's method: named by its draft
                addValue(Value::object(old), Value::object(replacement),
                         old->proto->name ? std::string(old->proto->name->view()) : "<function>");
        for (auto& [old, replacement] : a->rewrittenFunctions)
            if (!replacements_.count(runningProto(old)))
                addValue(Value::object(old), Value::object(old),
                         old->proto->name ? std::string(old->proto->name->view()) : "<function>");
    }
    report.blockers.clear();
    report.frames.clear();
    blockingFrames_.clear();
    moves_.clear();
    allTransferable_ = true;
    staleSuspended_.clear();
    for (Thread* t : vm_.scheduler().threads()) {
        if (t->state == ThreadState::Suspended) {
            // Stopped by an uncaught exception, it runs nothing until the user restarts a
            // frame (with the new code) or ends it: it never blocks, its affected frames
            // become stale (Scheduler::restartFrame refuses to resume them).
            for (size_t i = 0; i < t->frames.size(); ++i)
                if (affected.count(runningProto(t->frames[i].closure)))
                    staleSuspended_.emplace_back(t, i);
            continue;
        }
        for (size_t i = 0; i < t->frames.size(); ++i) {
            bool armed = vm_.isArmed(t, i);
            if (!armed && !affected.count(runningProto(t->frames[i].closure))) continue;
            std::vector<StackFrameInfo> stack = vm_.captureStack(t);
            const StackFrameInfo& f = stack[t->frames.size() - 1 - i];
            std::string key = "thread " + std::to_string(t->threadId) + ": " + f.function;
            if (armed) {
                // An earlier update committed and moves this frame when its call returns:
                // this one waits for that (its callee's return fires the barrier).
                std::string why = "armed by an earlier update, it moves to that update's code "
                                  "when its call returns";
                allTransferable_ = false;
                frameStatus_[key] = why;
                report.blockers.push_back(key + " (" + f.file + ":" + std::to_string(f.line) +
                                          ":" + std::to_string(f.column) + "), " + why);
                report.frames.push_back(key + ": waits, " + why);
                continue;
            }
            const UpdatePoint *from = nullptr, *to = nullptr;
            Closure* replacement = nullptr;
            std::string refusal = transferRefusal(t, i, &from, &to, &replacement);
            bool parked = std::find(parked_.begin(), parked_.end(), t) != parked_.end();
            bool inCall = i + 1 < t->frames.size();
            if (refusal.empty() && (parked || inCall) && from && to) {
                moves_.push_back(std::make_unique<FrameMove>(
                    FrameMove{t, i, replacement, from, to, {}, "", inCall, {}}));
                frameStatus_.erase(key);
                continue;
            }
            if (!refusal.empty()) allTransferable_ = false;
            std::string why = refusal.empty()
                                  ? "not yet at a back-edge of a mapped loop (it transfers there)"
                                  : "not transferable: " + refusal;
            frameStatus_[key] = why;
            blockingFrames_.emplace_back(t, i);
            report.blockers.push_back(key + " (" + f.file + ":" + std::to_string(f.line) + ":" +
                                      std::to_string(f.column) + "), " + why);
            report.frames.push_back(key + ": waits, " + why);
        }
    }
    // A suspended generator's frame is on no thread's stack, but it is an active frame of its
    // function all the same: resuming it would run its saved pc, so it blocks like one. It
    // has no caller to return into, so the wait polls (blockingFrames_ lists thread frames).
    suspendedBlockers_ = 0;
    for (Generator* g : vm_.generators()) {
        if (!g->suspended() || !affected.count(runningProto(g->closure))) continue;
        suspendedBlockers_++;
        // A suspended frame cannot move where it is (a yield is no loop header): it moves at
        // its next back-edge once a thread resumes it, as a frame on that thread.
        std::string refusal = suspendedRefusal(g);
        if (!refusal.empty()) allTransferable_ = false;
        std::string why = refusal.empty() ? "not yet at a back-edge of a mapped loop (it "
                                            "transfers there when resumed)"
                                          : "not transferable: " + refusal;
        const FunctionProto* p = runningProto(g->closure);
        uint32_t line = p->defLine, column = p->defColumn;
        for (const LineEntry& e : p->lines) {
            if (e.pc + 1 > g->pc) break;
            line = e.line;
            column = e.column;
        }
        std::string name = p->name ? std::string(p->name->view()) : "<anonymous>";
        if (g->closure->homeClass)
            name = std::string(g->closure->homeClass->name->view()) + "." + name;
        // An async function's frame is a generator too (it waits at an await); an async
        // generator's waits at an await or at a yield nobody has asked past yet.
        const char* kind = "suspended generator ";
        if (p->isAsyncGenerator)
            kind = g->state == GeneratorState::SuspendedStart ? "async generator not started in "
                   : g->atYield                               ? "async generator suspended at yield in "
                                                              : "async generator awaiting in ";
        else if (p->isAsync)
            kind = "async function awaiting in ";
        std::string key = kind + name;
        report.blockers.push_back(key + " (" + (p->file ? std::string(p->file->view()) : "?") +
                                  ":" + std::to_string(line) + ":" + std::to_string(column) +
                                  "), " + why);
        report.frames.push_back(key + ": waits, " + why);
    }
    if (report.blockers.empty()) return true;
    if (final) {
        std::string list;
        for (auto& b : report.blockers)
            list += (list.empty() ? "" : "; ") + b;
        return fail("no safe point: " + list);
    }
    return false;
}

void Transaction::commitAsync(std::function<void(const UpdateReport&)> done) {
    // Wait first, then build and swap in one step at the safe point: migrating earlier would
    // let the program change old objects after they were copied.
    //
    // While the program runs, a return barrier on every blocking frame says when it leaves
    // the affected code; only then (or when a blocker could not get a barrier: a thread's
    // first frame, a frame entered from C++) are the threads' stacks searched again.
    waitStart_ = nowMs();
    pendingDone_ = std::move(done);
    struct Waiting {
        bool recheck = true;
        bool polling = false;
    };
    auto waiting = std::make_shared<Waiting>();
    std::shared_ptr<bool> alive = alive_;
    // Update points: once every blocker can move to the new code, each is parked at its
    // next back-edge; the recheck then finds them parked and commits.
    vm_.setUpdatePointHook([this, alive, waiting](Thread* t) {
        if (!*alive || !waiting_ || !allTransferable_ || !parkAtUpdatePoint(t)) return false;
        waiting->recheck = true;
        return true;
    });
    auto attempt = [this, waiting](bool timedOut) -> bool {
        if (!waiting->recheck && !waiting->polling && !timedOut) return false;
        waiting->recheck = false;
        vm_.clearReturnBarriers();
        UpdateReport r;
        if (!safePoint(r, false)) {
            if (!error_.empty() || timedOut) {
                if (error_.empty()) {
                    std::string list;
                    for (auto& b : r.blockers)
                        list += (list.empty() ? "" : "; ") + b;
                    fail("no safe point within " + std::to_string(int(safePointTimeoutMs)) +
                         " ms: " + list);
                }
                r.outcome = UpdateReport::Outcome::RolledBack;
                r.rollbackReason = error_;
                if (timedOut)
                    for (std::string& f : r.frames)
                        if (size_t at = f.find(": waits, "); at != std::string::npos)
                            f.replace(at, 9, ": timed out, ");
                finishWaiting(r);
                return true;
            }
            waiting->polling = false;
            vm_.setReturnBarrierHook([waiting] { waiting->recheck = true; });
            for (auto& [thread, frame] : blockingFrames_)
                if (!vm_.setReturnBarrier(thread, frame)) waiting->polling = true;
            if (suspendedBlockers_ > 0) waiting->polling = true;
            return false;
        }
        stopWaiting(false);
        double waited = nowMs() - waitStart_;
        UpdateReport r2 = commit();
        releaseParked(); // moved to the new code, or (rolled back) still in the old
        r2.waitMs += waited;
        r2.totalMs += waited;
        auto done = std::move(pendingDone_);
        pendingDone_ = nullptr;
        done(r2);
        return true;
    };
    waiting_ = true;
    if (attempt(false)) return;
    // The hook may outlive the transaction (a host drops an update it cancelled): it holds
    // only a flag that says whether the transaction still exists.
    vm_.scheduler().addSafePointHook([this, alive, attempt]() {
        if (!*alive || !waiting_) return true;
        return attempt(nowMs() - waitStart_ > safePointTimeoutMs);
    });
}

void Transaction::stopWaiting(bool release) {
    if (!waiting_) return;
    waiting_ = false;
    vm_.clearReturnBarriers();
    vm_.setReturnBarrierHook(nullptr);
    vm_.setUpdatePointHook(nullptr);
    if (release) releaseParked();
}

void Transaction::finishWaiting(UpdateReport report) {
    stopWaiting();
    finished_ = true;
    report.outcome = UpdateReport::Outcome::RolledBack;
    report.waitMs = report.totalMs = nowMs() - waitStart_;
    if (report.rollbackReason.empty()) report.rollbackReason = error_;
    vm_.heap.verifyAfterUpdate("a rollback");
    auto done = std::move(pendingDone_);
    pendingDone_ = nullptr;
    if (done) done(report);
}

bool Transaction::cancel() {
    if (!waiting_) return false;
    fail("cancelled while waiting for a safe point");
    UpdateReport r;
    r.rollbackReason = error_;
    finishWaiting(r);
    return true;
}

} // namespace molt::dsu
