// Setting up calls for the interpreter: the frame layout a call leaves on a thread's
// stack, and the variants of `new` and `super(...)` that decide between running a native
// to completion and pushing a frame for the loop to continue in.
//
// The layout is the one VM::pushCall documents: [resultSlot ...][this][args...], sp just
// past the last argument. A call that pushes a frame leaves the loop to RELOAD; one that
// completes leaves its result in the result slot and sp just past it. A failed call has a
// pending exception and leaves the stack for the unwinder. Only the interpreter and the
// code that resumes frames (generators, forwarding natives) use these.
#pragma once

#include "runtime/core/vm.h"

#include <string>

namespace molt {

enum class CallResult { Pushed, Done, Failed };

// Pushes an array's elements as call arguments; false (RangeError pending) when they do
// not fit on the thread's stack.
bool spreadArguments(VM& vm, Thread* t, Value*& sp, const Array* a);

// new C(args): the stack holds [clsSlot: C][placeholder][args...] up to t->sp.
CallResult constructCall(VM& vm, Thread* t, Value* clsSlot);

// super(...args) on `frame`'s `this`: the stack holds [slot: placeholder][this][args...].
CallResult superCall(VM& vm, Thread* t, CallFrame* frame, Value* slot);

// An async function's (or async generator's) frame on top of `t`, at its GeneratorStart
// (`ip` just past it, operand `slot`): its body is suspended into a generator and handed to
// the driver (microtasks.h), whose call takes the frame's place and result slot, put in
// *resultSlot. False when that call failed (pending exception); the frame is gone either way.
bool startAsync(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip, Value** resultSlot);

// Throws "<callee> is not a function", naming the callee as the source writes it when the
// compiler recorded its text for the call instruction `frame` has just read.
void throwNotAFunction(VM& vm, const CallFrame* frame, const std::string& fallback);

} // namespace molt
