#include "runtime/exec/signals.h"

#include <atomic>
#include <cerrno>
#include <csignal>

namespace molt::signals {

namespace {

std::atomic<uint32_t> gArrived{0};
std::atomic<Waker> gWake{nullptr};
std::atomic<void*> gWakeContext{nullptr};

void onSignal(int signo) {
    int saved = errno;
    gArrived.fetch_or(1u << signo, std::memory_order_relaxed);
    Waker wake = gWake.load(std::memory_order_acquire);
    if (wake) wake(gWakeContext.load(std::memory_order_acquire));
    errno = saved;
}

} // namespace

void setWaker(Waker wake, void* context) {
    gWake.store(nullptr, std::memory_order_release);
    gWakeContext.store(context, std::memory_order_release);
    gWake.store(wake, std::memory_order_release);
}

void watch(int signo) {
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(signo, &action, nullptr);
}

void restoreDefault(int signo) {
    signal(signo, signo == SIGPIPE ? SIG_IGN : SIG_DFL); // see ignoreBrokenPipes
}

void ignoreBrokenPipes() {
    struct sigaction now {};
    if (sigaction(SIGPIPE, nullptr, &now) == 0 && now.sa_handler == SIG_DFL)
        signal(SIGPIPE, SIG_IGN);
}

bool pending() {
    return gArrived.load(std::memory_order_relaxed) != 0;
}

uint32_t take() {
    return gArrived.exchange(0, std::memory_order_relaxed);
}

} // namespace molt::signals
