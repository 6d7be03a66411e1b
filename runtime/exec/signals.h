// signals.h — POSIX signals delivered to the VM thread (process.on('SIGINT', ...)).
//
// The C signal handler only sets a bit and calls the waker (the scheduler's uv_async_send,
// which is async-signal-safe); everything else happens on the VM thread. The scheduler
// looks at the bits between thread slices, a running thread yields at its next preemption
// point when one is set, and the waker ends the event loop's idle wait at once.
#pragma once

#include <cstdint>

namespace molt::signals {

using Waker = void (*)(void* context);
// Who to wake when a signal arrives (null: nobody). The context must outlive the watch.
void setWaker(Waker wake, void* context);
// Routes `signo` to the VM (its default action no longer runs); `restoreDefault` undoes it.
void watch(int signo);
void restoreDefault(int signo);
// Whether a watched signal arrived and has not been taken yet (cheap: one relaxed load).
bool pending();
// The signals that arrived since the last call, as a bit set (1u << signo).
uint32_t take();
// SIGPIPE is ignored for the whole process, as node does, so that a peer that goes away
// (an HTTP client, a control client that detached) costs an EPIPE on that write and never
// the process. Called when an event loop is made; a process that watches SIGPIPE itself
// (process.on('SIGPIPE')) keeps its watch.
void ignoreBrokenPipes();

} // namespace molt::signals
