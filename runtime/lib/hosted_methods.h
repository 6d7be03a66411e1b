// hosted_methods.h — built-in methods whose callback-calling part is hosted code.
//
// Array forEach/map/sort-with-a-comparator and their kin, Array.from with a map function,
// Map and Set forEach and String replace/replaceAll with a function call back into the
// program. Their loops live in runtime/lib/node/internal/builtins_*.js, so every callback is
// an ordinary frame of the calling thread's interpreter loop: it can Thread.sleep, yield,
// await, be preempted and reach DSU safe points, and recursion through it is as deep as
// a direct call (decision 0019).
//
// The method itself stays a Native (its name, length and `function forEach() { [native
// code] }` text are node's), flagged kNativeForwards so that VM::pushCall hands every call
// to forwardCall (function_values.h), which calls callHostedMethod. Its `fn` is the method's
// native half: it checks `this` and the arguments with the messages node gives, may rewrite
// the arguments in place (a thisArg is bound into the callback), and either finishes the
// call itself (sort without a comparator; a leaf callback, isLeafFunction, which it calls in
// a short nested loop) or returns Value::empty() to hand it to the hosted body. The hosted body is loaded on the first such call (an empty program compiles
// nothing; each group of methods is a module of its own, so a program that maps pays only
// for compiling the array methods) and kept in the Native's `data`, which holds
// [module, export name] until then.
#pragma once

#include "runtime/core/vm.h"

#include <string_view>

namespace molt {

// Defines cls's method `name` as a hosted method whose native half is `native` and whose
// body is core module `module`'s export named as node names the frame, with `$` for `.`:
// "Array$forEach" for a method, "Function$from" for a static one (Array.from). A static
// method when `isStatic`.
void defineHostedMethod(VM& vm, Class* cls, std::string_view name, NativeFn native, int arity,
                        std::string_view module, bool isStatic = false);
// The call of hosted method `n` whose receiver and `argc` arguments are on top of `t`'s
// stack (as pushCall finds them); missing arguments up to the method's length are added as
// undefined first, so the native half may rewrite any of them. Returns pushCall's result.
bool callHostedMethod(VM& vm, Thread* t, Native* n, int argc, Value* resultSlot, uint8_t flags);

// Whether `fn` is a closure whose body can neither call, loop, suspend nor create anything
// that could (`(a, b) => a - b`, `(p) => p.price > 10`): called from a native's nested loop it
// ends quickly and never wants to block or switch, so a native may call it directly, as the
// comparator sort does for a few thousand elements. Property reads may still run a getter,
// which then cannot block (decision 0003's nesting).
bool isLeafFunction(Value fn);
// A leaf function that writes nothing but its own locals (no upvalue): calling it twice is
// the same as calling it once, so a native may call it and then still hand the whole call
// to the hosted body, which calls it again (JSON.stringify does, decision 0019).
bool isPureLeafFunction(Value fn);

// Function `name` of core module `module` (loaded once per VM), or an exception.
Value hostedHelper(VM& vm, std::string_view module, std::string_view name);
// For a native constructor: leaves helper `name` of `module` in vm.constructBody and `self`
// in vm.constructThis and returns Value::empty(), so the construction ends in that hosted
// function (called with the constructor's arguments; it returns the new object). Used when
// the argument is an iterable only hosted code can walk without nesting (a generator, a
// user iterable).
Value handConstructionTo(VM& vm, Value self, std::string_view module, std::string_view name);
// Whether a native should leave walking `v` to a hosted for-of, whose generator steps are
// frames: 1 for a generator or an object whose [Symbol.iterator] is a generator method
// (`*[Symbol.iterator]() {}`); 0 otherwise (the built-in iterables, a hand-written
// iterator); -1 with an exception pending (reading it threw).
int hostedIterable(VM& vm, Value v);

// internal/builtins_support: the natives the hosted bodies use.
Value installInternalBuiltinsSupportModule(VM& vm);

// Whether frames of `file` are a hosted built-in's (internal/builtins_*): captureStack shows
// their `Owner$method` functions as node's built-ins, formatStackTrace leaves out the rest.
inline bool isHostedBuiltinsFile(std::string_view file) {
    return file.starts_with("node:internal/builtins_");
}

} // namespace molt
