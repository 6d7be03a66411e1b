// handlers.h — the out-of-line halves of interpreter handlers (interpreter.cpp).
//
// The loop keeps each opcode's fast path inline (an inline-cache hit, an int operation, an
// array element in range) and calls out for the rest: here is the rest where it is more
// than a call, work whose cost is a hash lookup, an allocation or a std::string anyway.
// Moving it out keeps the loop's function small (it is one function: the dispatch is a
// computed goto) and lets these use Roots and strings, which a handler cannot (a goto does
// not run destructors). Each returns Value::exception() with a pending exception on failure
// and never touches the loop's registers: the caller has SYNC()ed.
#pragma once

#include "runtime/core/member_kind.h"
#include "runtime/core/vm.h"

namespace molt {

// Resolves `name` on an instance's class into `ic` (a field's slot, a getter or setter, a
// method); false when the class has none of them.
bool fillInstanceCache(Class* k, String* name, InlineCache& ic, bool forSet);

// The index (an int) of the global `name`, loading a lazy one (Promise and its kin,
// microtasks.h) on first use; when there is none, a ReferenceError if `mustExist`, else
// undefined. Loading runs hosted code: the caller reloads its registers after.
Value findGlobal(VM& vm, String* name, bool mustExist);

// Throws the ReferenceError for a module binding read or written before its declaration ran.
void throwBeforeInitialization(VM& vm, const Module* m, uint16_t slot);

// What `recv.name(...)` calls when the inline cache missed: a record's or class's own
// property, or the method of the receiver's class; a TypeError for a nullish receiver or a
// value that is not callable (named as `frame`'s source writes the callee).
Value invokeTarget(VM& vm, const CallFrame* frame, Value recv, String* name);

// What `super.name(...)` calls in `frame`'s method; a TypeError when it is not callable.
Value superMethod(VM& vm, const CallFrame* frame, String* name);

// The string of a template literal's n parts (on the VM stack, so rooted). A leading
// string part is appended to rather than copied, so `s = `${s}...`` builds in amortized
// linear time like `s += ...`.
Value concatenate(VM& vm, const Value* parts, int n);

// `const {a, ...rest} = src`: copies src's own keys other than `exclude` into `rest`.
Value copyRecordRest(VM& vm, Value src, const Array* exclude, Record* rest);

// `{[key]: v}`, `{get [key]() {}}`, `{set [key](v) {}}`: at[0] is the record, at[1] the key
// (replaced by its property key, so it stays rooted), at[2] the value or accessor.
enum class ComputedKind { Value, Getter, Setter };
Value defineComputedKey(VM& vm, Value* at, ComputedKind kind);

// `#name in obj`: true or false, or a TypeError when obj is not an object.
Value hasPrivate(VM& vm, Value obj, String* name);

// `v instanceof c` for a class with a static [Symbol.hasInstance] (its own or inherited):
// what the hook says, as a boolean.
Value instanceOfHook(VM& vm, Value c, Value v);

// `[a, ...rest] = iterable`: the rest of the iterator at *iterSlot appended to `rest`; the
// slot is undefined after (nothing left to close).
Value collectRest(VM& vm, Value* iterSlot, Array* rest);

// Puts a class body's member `fn` into the table of its kind.
void defineMember(Class* c, String* name, MemberKind kind, Value fn);

} // namespace molt
