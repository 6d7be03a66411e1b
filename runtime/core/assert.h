// assert.h — invariant checks. MOLT_ASSERT is compiled in when MOLT_ASSERTIONS is set
// (the default and sanitizer presets); MOLT_CHECK is always on, for conditions whose
// failure would corrupt the heap (out of memory, impossible states).
#pragma once

namespace molt {
[[noreturn]] void assertionFailed(const char* expr, const char* message, const char* file,
                                  int line);
}

#define MOLT_CHECK(cond, message)                                                                  \
    do {                                                                                           \
        if (!(cond)) [[unlikely]]                                                                  \
            ::molt::assertionFailed(#cond, message, __FILE__, __LINE__);                           \
    } while (0)

#if defined(MOLT_ASSERTIONS)
#define MOLT_ASSERT(cond) MOLT_CHECK(cond, "assertion failed")
#else
#define MOLT_ASSERT(cond) ((void)0)
#endif
