// Leaving frames other than by returning: catching an exception (or handing it to the
// caller of the interpreter's run), closing the for-of loops it leaves, and the return barriers
// that let the DSU take a frame over when its callee returns.
#include "runtime/bytecode/opcodes.h"
#include "runtime/bytecode/operations.h"
#include "runtime/bytecode/upvalues.h"
#include "runtime/core/vm.h"
#include "runtime/exec/generator.h"

namespace molt {

// ---------------------------------------------------------------- catching

bool VM::catchInRun(Thread* t, size_t entryDepth) {
    if (hasPending_) closeLoopsOnThrow(t, entryDepth);
    Value exception = takePendingException();
    // The innermost handler that belongs to this run of the loop catches it.
    if (!t->handlers.empty() && t->handlers.back().frameIndex >= entryDepth &&
        t->handlers.back().frameIndex < t->frames.size()) {
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
    returnBarriers_.push_back({t, frameIndex - 1, caller.ip});
    caller.ip = kReturnBarrierCode;
    return true;
}

void VM::clearReturnBarriers() {
    for (const ReturnBarrierEntry& b : returnBarriers_)
        if (b.callerIndex < b.thread->frames.size() &&
            b.thread->frames[b.callerIndex].ip == kReturnBarrierCode)
            b.thread->frames[b.callerIndex].ip = b.savedIp;
    returnBarriers_.clear();
}

const uint8_t* VM::takeReturnBarrier(Thread* t, size_t callerIndex) {
    for (size_t i = 0; i < returnBarriers_.size(); ++i) {
        if (returnBarriers_[i].thread != t || returnBarriers_[i].callerIndex != callerIndex)
            continue;
        const uint8_t* ip = returnBarriers_[i].savedIp;
        returnBarriers_.erase(returnBarriers_.begin() + long(i));
        return ip;
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
    if (fired && onReturnBarrier) onReturnBarrier();
}

const uint8_t* VM::resumeIp(const Thread* t, size_t frameIndex) const {
    const uint8_t* ip = t->frames[frameIndex].ip;
    if (ip != kReturnBarrierCode) return ip;
    for (const ReturnBarrierEntry& b : returnBarriers_)
        if (b.thread == t && b.callerIndex == frameIndex) return b.savedIp;
    return ip;
}

} // namespace molt
