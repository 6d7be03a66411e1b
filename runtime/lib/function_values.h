// function_values.h — functions as values: Function.prototype.call, apply, bind and
// toString, bound functions, and the forwarding that runs them.
//
// `f.call(t, a)`, `f.apply(t, [a])` and a bound function `g = f.bind(t, a)` are natives
// flagged kNativeForwards (object.h). They never compute a result in C++: VM::pushCall
// hands them to forwardCall, which rewrites the arguments on the thread's stack in place
// ([this: f][t][a] becomes [this: t][a]) and calls the target as the original call would
// have. The target's frame is therefore an ordinary frame of the same interpreter loop:
// it can yield, sleep, be preempted, be updated by the DSU and recurse as deep as a direct
// call, and no C++ frame is left waiting under it.
//
// Every other forwarding native is a hosted built-in method (hosted_methods.h), whose call
// forwardCall hands to callHostedMethod.
//
// A bound function's data is an Array [target, boundThis, boundArgs...]; `new` of a bound
// class constructs the class with the bound arguments first (boundThis is ignored, as in
// JavaScript).
#pragma once

#include "runtime/core/vm.h"

namespace molt {

// Performs the call of forwarding native `n` whose receiver and `argc` arguments are on
// top of `t`'s stack (as pushCall finds them). Returns pushCall's result.
bool forwardCall(VM& vm, Thread* t, Native* n, int argc, Value* resultSlot, uint8_t flags);
// For `new` of a bound function: if `*clsSlot` is one, replaces it by its target and
// inserts the bound arguments after the placeholder at clsSlot[1]. Returns false with a
// RangeError pending when the stack has no room.
bool unwrapBoundConstructor(VM& vm, Thread* t, Value* clsSlot);
// `target.bind(thisArg)` without bind's name and length lookups, for the natives that bind
// a callback's thisArg (hosted_methods.h): its name and length are never seen.
Value bindThis(VM& vm, Value target, Value thisArg);
// A callback argument at `slot` (on the thread's stack, so rooted) replaced by it bound to
// `thisArg`, unless thisArg is undefined: the hosted bodies then just call it.
void bindThisInto(VM& vm, Value* slot, Value thisArg);
// The hosted built-ins' callWith(fn, thisValue, ...args): fn called with that `this`, as a
// frame of the caller's loop, like `fn.call(thisValue, ...args)` without reading `call`.
Value newCallWith(VM& vm);
// Whether `v` is a bound function (a Native made by bind).
bool isBoundFunction(Value v);
// String(fn): the exact source text of a hosted function or method, and node's
// `function name() { [native code] }` for natives and bound functions.
Value functionSourceText(VM& vm, Value fn);

void installFunctionBuiltins(VM& vm);

} // namespace molt
