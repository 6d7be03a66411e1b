// upvalues.h — a thread's open upvalues: the variables of running frames that closures
// captured. Each open upvalue points into the thread's stack; the list is sorted by that
// location, highest first, so closing everything above a point (a frame returning, a
// block's scope ending) pops from the head, and capturing finds an existing upvalue or its
// place by one walk. A closed upvalue holds its value in `closed` and points at it.
// Inline: the interpreter's Return and Closure handlers use them on their fast paths. Also
// here: what a returning frame leaves behind (its upvalues, its try handlers), and making
// a closure, the one place upvalues are captured.
#pragma once

#include "runtime/core/vm.h"

namespace molt {

// The open upvalue of `local`, made (and linked in order) if there is none yet.
inline Upvalue* captureUpvalue(VM& vm, Thread* t, Value* local) {
    Upvalue* prev = nullptr;
    Upvalue* up = t->openUpvalues;
    while (up && up->location > local) {
        prev = up;
        up = up->nextOpen;
    }
    if (up && up->location == local) return up;
    auto* created = vm.heap.allocate<Upvalue>(ObjKind::Upvalue, vm.internalClass);
    created->location = local;
    created->closed = Value::undefined();
    created->nextOpen = up;
    if (prev)
        prev->nextOpen = created;
    else
        t->openUpvalues = created;
    return created;
}

// Closes every open upvalue at or above `last`: they keep the value they point at.
inline void closeUpvalues(Thread* t, Value* last) {
    while (t->openUpvalues && t->openUpvalues->location >= last) {
        Upvalue* up = t->openUpvalues;
        up->closed = *up->location;
        up->location = &up->closed;
        t->openUpvalues = up->nextOpen;
    }
}

// The top frame of `t` is about to be popped by a return: its open upvalues close, and its
// try handlers (and any left above it) are dropped.
inline void leaveTopFrame(Thread* t) {
    Value* base = t->frames.back().base;
    if (t->openUpvalues) closeUpvalues(t, base);
    size_t index = t->frames.size() - 1;
    while (!t->handlers.empty() && t->handlers.back().frameIndex >= index)
        t->handlers.pop_back();
}

// The Closure instruction: a closure of `proto` in the top frame of `t`, pushed (where it
// stays rooted while its upvalues are captured: the frame's locals it names, or the
// enclosing closure's upvalues). The caller has synced t->sp and reads it back.
inline void makeClosure(VM& vm, Thread* t, FunctionProto* proto) {
    CallFrame& frame = t->frames.back();
    size_t n = proto->upvalues.size();
    Closure* c = vm.newClosure(proto);
    c->homeClass = frame.closure->homeClass;
    *t->sp++ = Value::object(c);
    for (size_t i = 0; i < n; ++i) {
        const UpvalueDesc& d = proto->upvalues[i];
        c->upvalues[i] = d.fromParentLocal ? captureUpvalue(vm, t, frame.base + d.index)
                                           : frame.closure->upvalues[d.index];
    }
}

} // namespace molt
