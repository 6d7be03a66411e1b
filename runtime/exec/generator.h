// generator.h — suspending and resuming a hosted frame (function*, docs/decisions/0008).
//
// Invariants:
//   * A generator's frame is on exactly one of two places: the top of the thread that
//     resumed it (state Running, an ordinary CallFrame flagged kFrameGenerator) or its own
//     Generator object (state Suspended*: slots, pc, handlers, open upvalues). Moving it is
//     a copy of its slots; nothing points into a thread stack once it has left.
//   * Resuming pushes the frame as a call would, on the resumer's stack, so the generator's
//     body can call, throw, be preempted, sleep and meet a DSU safe point like any frame.
//     No C++ frame is ever suspended: a yield only pops the generator's hosted frame.
//   * A suspended frame keeps the closure (and so the bytecode) it entered; the DSU's safe
//     point counts it as an active frame of its function (dsu/commit/safe_point.cpp).
#pragma once

#include "runtime/core/vm.h"

namespace molt {

// What a resumption asks the frame to do at its yield (Op::ResumeMode's operand values).
enum class ResumeMode : int32_t { Next = 0, Throw = 1, Return = 2 };

// Resumes `self` (next/throw/return with `sent`): pushes its frame at `base` (the first slot
// the caller gives up: the receiver's), to return into `resultSlot`, or completes at once
// when it is finished or has not started. False with an exception pending on failure
// (a throw into a generator that is not suspended at a yield, or not a generator).
bool resumeGenerator(VM& vm, Thread* t, Value self, ResumeMode mode, Value sent, Value* base,
                     Value* resultSlot, uint8_t flags);

// Op::GeneratorStart: the running frame becomes a new, not yet started Generator, stored in
// local `slot` and returned. The caller pops the frame.
Value startGenerator(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip);

// Op::Yield: moves the running generator frame (operand stack minus the yielded value at
// t->sp[-1]) into its Generator, to resume at `ip`. Returns what the resumer receives:
// { value, done: false }, or the Generator itself for a for-of step. The caller pops the
// frame.
Value suspendGenerator(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip);

// Op::GeneratorReturn: what the resumer receives when the frame completes with `value`
// (the caller closes the frame's upvalues and pops it).
Value completeGenerator(VM& vm, Thread* t, uint16_t slot, Value value);

// Whether a native is one of Generator's next/throw/return, and which.
bool nativeResumesGenerator(const Native* n);
ResumeMode nativeResumeMode(const Native* n);

// An exception unwinds a generator frame: it is finished.
void generatorUnwound(const CallFrame& frame);

} // namespace molt
