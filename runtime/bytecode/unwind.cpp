// Leaving frames other than by returning: catching an exception (or handing it to the
// caller of the interpreter's run), closing the for-of loops it leaves, and the return barriers
// that let the DSU take a frame over when its callee returns.
#include "runtime/bytecode/opcodes.h"
#include "runtime/bytecode/operations.h"
#include "runtime/bytecode/upvalues.h"
#include "runtime/core/vm.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/scheduler.h"

#include <algorithm>

namespace molt {

// ---------------------------------------------------------------- catching

bool VM::catchInRun(Thread* t, size_t entryDepth) {
    bool caught = !t->handlers.empty() && t->handlers.back().frameIndex >= entryDepth &&
                  t->handlers.back().frameIndex < t->frames.size();
    // No handler on the whole thread: with the host's policy the thread stops here, every
    // frame kept as the throw left it (no loop closed, no upvalue closed), for the host to
    // restart a frame or terminate it. Only the outermost loop may do this: a nested run's
    // caller is C++, which cannot be suspended.
    if (!caught && hasPending_ && entryDepth == 0 && nestedDepth == 0 &&
        scheduler_->suspendsOnUncaught(t)) {
        t->suspendedException = takePendingException();
        t->state = ThreadState::Suspended;
        return false;
    }
    if (hasPending_) closeLoopsOnThrow(t, entryDepth);
    Value exception = takePendingException();
    // The innermost handler that belongs to this run of the loop catches it.
    if (caught) {
        Handler h = t->handlers.back();
        t->handlers.pop_back();
        while (t->frames.size() - 1 > h.frameIndex) {
            if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
            if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
            t->frames.pop_back();
        }
        if (!returnBarriers_.empty()) dropUnwoundBarriers(t);
        CallFrame& frame = t->frames.back();
        if (t->openUpvalues) closeUpvalues(t, frame.base + h.closeFromSlot);
        t->sp = frame.base + frame.closure->proto->maxLocals;
        *t->sp++ = exception;
        frame.ip = frame.closure->proto->code.data() + h.catchPc;
        return true;
    }
    // Uncaught in this run: unwind to the entry depth and hand it to the caller.
    unwindRun(t, entryDepth);
    if (!returnBarriers_.empty()) dropUnwoundBarriers(t);
    throwValue(exception);
    return false;
}

void VM::unwindRun(Thread* t, size_t entryDepth) {
    while (t->frames.size() > entryDepth) {
        if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
        if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
        t->sp = t->frames.back().resultSlot;
        t->frames.pop_back();
    }
}

// ---------------------------------------------------------------- closing for-of loops

// An exception is about to leave the bodies of some for-of loops (FunctionProto::
// forOfBodies): close their iterators, innermost first, as JavaScript does. The frames it
// leaves are those above the handler that will catch it (all of this run's, if none
// does), and in the handler's own frame the loops that do not contain the handler. Each
// return() runs in a nested loop while the exception stays pending (closeIterator), so
// the unwinding that follows sees the same exception and the same frames.
void VM::closeLoopsOnThrow(Thread* t, size_t entryDepth) {
    const Handler* h = nullptr;
    if (!t->handlers.empty() && t->handlers.back().frameIndex >= entryDepth &&
        t->handlers.back().frameIndex < t->frames.size())
        h = &t->handlers.back();
    bool caught = h != nullptr;
    size_t lowest = h ? h->frameIndex : entryDepth; // copied: nested calls may move handlers
    uint32_t catchPc = h ? h->catchPc : 0;
    for (size_t i = t->frames.size(); i > lowest; --i) {
        size_t index = i - 1;
        const FunctionProto* proto = t->frames[index].closure->proto;
        if (proto->forOfBodies.empty()) [[likely]]
            continue;
        uint32_t pc = uint32_t(resumeIp(t, index) - proto->code.data());
        for (size_t b = 0; b < proto->forOfBodies.size(); ++b) {
            ForOfBody body = proto->forOfBodies[b]; // the nested call may reallocate frames
            if (!(body.start < pc && pc <= body.end)) continue;
            if (caught && index == lowest && body.start < catchPc && catchPc <= body.end)
                continue; // caught inside this loop's body: the loop goes on
            Value iterator = t->frames[index].base[body.iterSlot];
            if (!iterator.isObject() || isKind(iterator, ObjKind::Iterator)) continue;
            closeIterator(*this, iterator);
            proto = t->frames[index].closure->proto;
        }
    }
}

// ---------------------------------------------------------------- return barriers

static const uint8_t kReturnBarrierCode[] = {uint8_t(Op::ReturnBarrier)};

bool VM::setReturnBarrier(Thread* t, size_t frameIndex) {
    if (frameIndex == 0 || frameIndex >= t->frames.size()) return false;
    if (t->frames[frameIndex].flags & kFrameBoundary) return false; // returns into C++
    CallFrame& caller = t->frames[frameIndex - 1];
    if (caller.ip == kReturnBarrierCode) return true; // already set
    returnBarriers_.push_back({t, frameIndex - 1, caller.ip, nullptr});
    caller.ip = kReturnBarrierCode;
    return true;
}

// An armed transfer stays: the update that armed it has committed.
void VM::clearReturnBarriers() {
    std::vector<ReturnBarrierEntry> armed;
    for (ReturnBarrierEntry& b : returnBarriers_) {
        if (b.transfer) {
            armed.push_back(std::move(b));
            continue;
        }
        if (b.callerIndex < b.thread->frames.size() &&
            b.thread->frames[b.callerIndex].ip == kReturnBarrierCode)
            b.thread->frames[b.callerIndex].ip = b.savedIp;
    }
    returnBarriers_ = std::move(armed);
}

// The callee has returned into frame `callerIndex`, its result on top of the stack.
const uint8_t* VM::takeReturnBarrier(Thread* t, size_t callerIndex) {
    for (size_t i = 0; i < returnBarriers_.size(); ++i) {
        if (returnBarriers_[i].thread != t || returnBarriers_[i].callerIndex != callerIndex)
            continue;
        const uint8_t* ip = returnBarriers_[i].savedIp;
        std::shared_ptr<FrameTransfer> transfer = std::move(returnBarriers_[i].transfer);
        returnBarriers_.erase(returnBarriers_.begin() + long(i));
        if (!transfer) return ip;
        // A statement-level call: below its result the operand stack is empty.
        Value result = t->sp[-1];
        transferFrame(t, callerIndex, *transfer);
        *t->sp++ = result;
        return t->frames[callerIndex].ip;
    }
    MOLT_ASSERT(false && "a return barrier fired without an entry");
    return nullptr;
}

// An exception unwound frames: a barrier whose frame is gone has fired (and one on a frame
// that now resumes at a catch handler is void: the handler's pc replaces the saved ip).
void VM::dropUnwoundBarriers(Thread* t) {
    bool fired = false;
    for (size_t i = 0; i < returnBarriers_.size();) {
        const ReturnBarrierEntry& b = returnBarriers_[i];
        if (b.thread == t && b.callerIndex + 1 >= t->frames.size()) {
            if (b.callerIndex < t->frames.size() &&
                t->frames[b.callerIndex].ip == kReturnBarrierCode)
                t->frames[b.callerIndex].ip = b.savedIp;
            returnBarriers_.erase(returnBarriers_.begin() + long(i));
            fired = true;
        } else {
            ++i;
        }
    }
    if (fired && onReturnBarrier_) onReturnBarrier_();
}

bool VM::armTransferOnReturn(Thread* t, size_t frameIndex, FrameTransfer to) {
    if (isArmed(t, frameIndex) || !setReturnBarrier(t, frameIndex + 1)) return false;
    for (ReturnBarrierEntry& b : returnBarriers_)
        if (b.thread == t && b.callerIndex == frameIndex)
            b.transfer = std::make_shared<FrameTransfer>(std::move(to));
    return true;
}

bool VM::isArmed(const Thread* t, size_t frameIndex) const {
    for (const ReturnBarrierEntry& b : returnBarriers_)
        if (b.thread == t && b.callerIndex == frameIndex && b.transfer) return true;
    return false;
}

void VM::transferFrame(Thread* t, size_t frameIndex, const FrameTransfer& to) {
    CallFrame& f = t->frames[frameIndex];
    Value* base = f.base;
    const FunctionProto* next = to.closure->proto;
    // Open upvalues of this frame follow their variable to its new slot, or close.
    for (Upvalue* u = t->openUpvalues; u; u = u->nextOpen) {
        if (u->location <= base || u->location >= base + to.oldLocals) continue;
        uint16_t slot = uint16_t(u->location - base);
        auto carried = std::find_if(to.carried.begin(), to.carried.end(),
                                    [&](const auto& c) { return c.first == slot; });
        if (carried != to.carried.end()) {
            u->location = base + carried->second;
        } else {
            u->closed = *u->location;
            u->location = &u->closed;
        }
    }
    // Keep the open list sorted by location, descending, without the closed ones.
    std::vector<Upvalue*> open;
    for (Upvalue* u = t->openUpvalues; u; u = u->nextOpen)
        if (u->location != &u->closed) open.push_back(u);
    std::sort(open.begin(), open.end(),
              [](Upvalue* a, Upvalue* b) { return a->location > b->location; });
    t->openUpvalues = nullptr;
    for (size_t k = open.size(); k > 0; --k) {
        open[k - 1]->nextOpen = t->openUpvalues;
        t->openUpvalues = open[k - 1];
    }
    std::vector<Value> carriedValues;
    for (const auto& [from, into] : to.carried)
        carriedValues.push_back(base[from]);
    for (Value* p = base + 1; p < base + next->maxLocals; ++p)
        *p = Value::undefined();
    for (size_t k = 0; k < to.carried.size(); ++k)
        base[to.carried[k].second] = carriedValues[k];
    for (const auto& [slot, value] : to.given)
        base[slot] = value;
    f.closure = to.closure;
    f.ip = next->code.data() + to.pc;
    t->sp = base + next->maxLocals;
}

const uint8_t* VM::resumeIp(const Thread* t, size_t frameIndex) const {
    const uint8_t* ip = t->frames[frameIndex].ip;
    if (ip != kReturnBarrierCode) return ip;
    for (const ReturnBarrierEntry& b : returnBarriers_)
        if (b.thread == t && b.callerIndex == frameIndex) return b.savedIp;
    return ip;
}

} // namespace molt
