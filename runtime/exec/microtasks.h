// microtasks.h — the native half of Promise and async functions (docs/decisions/0013).
//
// Promise, the job queue and the async-function driver are hosted JavaScript
// (runtime/lib/node/internal/promise.js), loaded the first time a program names `Promise`,
// `AggregateError` or `queueMicrotask`, or calls an async function, so a program that uses
// none of them pays nothing. The scheduler runs the hosted drain (scheduler.h).
#pragma once

#include "runtime/core/value.h"

namespace molt {

class VM;
struct String;

// The exports of "internal/microtask": requestDrain() and drainDone(), the hosted queue's
// calls into the scheduler.
Value installInternalMicrotaskModule(VM& vm);

// Loads internal/promise once and defines its globals. False with an exception pending
// when loading failed.
bool ensurePromiseRuntime(VM& vm);

// A global that exists only once the promise runtime (or internal/fetch, for fetch, Headers
// and Response) is loaded: loads it and returns true
// (false with an exception pending on failure); not such a name: returns true and does
// nothing, so the caller's lookup fails as before.
bool loadLazyGlobal(VM& vm, String* name);

} // namespace molt
