// dispatch.h — the macros the interpreter's loop (VM::runFrame, interpreter.cpp) is written
// in: its registers, operand decoding, the preemption point, and the handler templates of
// the arithmetic, bitwise and comparison opcodes. Included by interpreter.cpp only, inside
// the loop's function, so everything stays inline (as ljumptab.h is for Lua's lvm.c).
//
// Registers: `frame`, `ip`, `base`, `sp`, `k` (constants) and `caches` are locals of the
// loop. The thread's copies (frame->ip, t->sp) are stale while the loop runs: SYNC() writes
// them back before anything that can look at the stack (an allocation, a call, a throw),
// RELOAD() reads them after anything that may have pushed or popped frames.
//
// Handlers reached by DISPATCH (a computed goto) must not own objects with destructors:
// the goto does not run them. Work that needs a std::string or a Root goes in a helper.
#pragma once

// clang-format off
#define RELOAD()                                                                                   \
    do {                                                                                           \
        frame = &t->frames.back();                                                                 \
        ip = frame->ip;                                                                            \
        base = frame->base;                                                                        \
        sp = t->sp;                                                                                \
        k = frame->closure->proto->constants.data();                                               \
        caches = frame->closure->proto->caches.data();                                             \
    } while (0)
#define SYNC()                                                                                     \
    do {                                                                                           \
        frame->ip = ip;                                                                            \
        t->sp = sp;                                                                                \
    } while (0)
#define READ_BYTE() (*ip++)
#define READ_SHORT() (ip += 2, uint16_t(ip[-2] | (ip[-1] << 8)))
#define READ_JUMP()                                                                                \
    (ip += 4, uint32_t(ip[-4] | (ip[-3] << 8) | (ip[-2] << 16) | (uint32_t(ip[-1]) << 24)))
#define CODE() (frame->closure->proto->code.data())
// The running method's home class and whether it is static (super.x looks above it).
#define HOME() frame->closure->homeClass, frame->closure->proto->has(FunctionFlag::Static)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-1 - (n)])
#define THROW() goto handle_exception
#define CHECK(v)                                                                                   \
    do {                                                                                           \
        if ((v).isException()) [[unlikely]]                                                        \
            THROW();                                                                               \
    } while (0)
#define PREEMPT_POINT()                                                                            \
    do {                                                                                           \
        if (--preemptCounter == 0) [[unlikely]] {                                                  \
            preemptCounter = onUpdatePoint_ ? 1 : kPreemptSlice;                                   \
            SYNC();                                                                                \
            if (scheduler_->onPreemptionPoint(entryDepth == 0 && nestedDepth == 0)) {              \
                if (exitRequested_) goto exit_requested;                                           \
                return Value::empty();                                                             \
            }                                                                                      \
            if (exitRequested_) goto exit_requested;                                               \
        }                                                                                          \
    } while (0)

// After a call instruction pushed a frame or ran a native: a native (Thread.sleep,
// Thread.yield) may have asked to give up the processor; else go on in the callee (or
// after the native's result), counting the call against the preemption budget.
#define AFTER_CALL()                                                                               \
    do {                                                                                           \
        if (preemptRequested) [[unlikely]]                                                         \
            goto native_requested_yield;                                                           \
        RELOAD();                                                                                  \
        PREEMPT_POINT();                                                                           \
        DISPATCH();                                                                                \
    } while (0)
// After `new` or `super(...)` (calls.h): a native constructor left its result on the stack;
// a pushed frame runs next (`pushed` is what else to do then: a preemption point or nothing).
#define AFTER_CONSTRUCT(result, pushed)                                                            \
    do {                                                                                           \
        switch (result) {                                                                          \
        case CallResult::Failed: goto call_failed;                                                 \
        case CallResult::Done: sp = t->sp; DISPATCH();                                             \
        case CallResult::Pushed: RELOAD(); pushed; DISPATCH();                                     \
        }                                                                                          \
        DISPATCH();                                                                                \
    } while (0)

// An iteration step of IterNext (its jump operand read into `target`): at the end the
// iterator is popped and the loop exits; otherwise the value replaces it.
#define ITER_STEP(v, done)                                                                         \
    do {                                                                                           \
        if (done) {                                                                                \
            sp--;                                                                                  \
            ip = CODE() + target;                                                                  \
        } else {                                                                                   \
            sp[-1] = v;                                                                            \
        }                                                                                          \
        DISPATCH();                                                                                \
    } while (0)

// A unary numeric operator on `a`: when `fast` holds, the int result `intResult`; otherwise
// `a` converted (ToPrimitive, ToNumber) to `n` and the result `slowResult`.
#define NUMERIC_UNARY(opname, fast, intResult, slowResult)                                         \
    CASE(opname) {                                                                                 \
        Value a = sp[-1];                                                                          \
        if (fast) {                                                                                \
            sp[-1] = Value::integer(intResult);                                                    \
            DISPATCH();                                                                            \
        }                                                                                          \
        SYNC();                                                                                    \
        Value n = toPrimitiveNumber(a);                                                            \
        CHECK(n);                                                                                  \
        sp[-1] = slowResult;                                                                       \
        DISPATCH();                                                                                \
    }

// Two small integers take the int path (falling back on overflow); two numbers compute in
// doubles inline; anything else (strings, objects) goes to arithmeticSlow.
#define INT_BINARY(opname, op, expr)                                                           \
    CASE(opname) {                                                                             \
        Value a = sp[-2], b = sp[-1];                                                          \
        if (a.isInt() && b.isInt()) [[likely]] {                                               \
            int32_t x = a.asInt(), y = b.asInt(), r;                                           \
            if (!expr) {                                                                       \
                sp[-2] = Value::integer(r);                                                    \
                sp--;                                                                          \
                DISPATCH();                                                                    \
            }                                                                                  \
        }                                                                                      \
        if (a.isNumber() && b.isNumber()) {                                                    \
            sp[-2] = Value::number(a.asNumber() op b.asNumber());                              \
            sp--;                                                                              \
            DISPATCH();                                                                        \
        }                                                                                      \
        SYNC();                                                                                \
        Value r2 = arithmeticSlow(*this, Op::opname, a, b);                                    \
        CHECK(r2);                                                                             \
        sp[-2] = r2;                                                                           \
        sp--;                                                                                  \
        DISPATCH();                                                                            \
    }
#define GENERIC_BINARY(opname)                                                                 \
    CASE(opname) {                                                                             \
        SYNC();                                                                                \
        Value r = arithmeticSlow(*this, Op::opname, sp[-2], sp[-1]);                           \
        CHECK(r);                                                                              \
        sp[-2] = r;                                                                            \
        sp--;                                                                                  \
        DISPATCH();                                                                            \
    }
#define BITWISE(opname, op)                                                                    \
    CASE(opname) {                                                                             \
        Value a = sp[-2], b = sp[-1];                                                          \
        if (a.isInt() && b.isInt()) [[likely]] {                                               \
            sp[-2] = Value::integer(a.asInt() op b.asInt());                                   \
            sp--;                                                                              \
            DISPATCH();                                                                        \
        }                                                                                      \
        SYNC();                                                                                \
        Value r = arithmeticSlow(*this, Op::opname, a, b);                                     \
        CHECK(r);                                                                              \
        sp[-2] = r;                                                                            \
        sp--;                                                                                  \
        DISPATCH();                                                                            \
    }
#define COMPARE(opname, op)                                                                    \
    CASE(opname) {                                                                             \
        Value a = sp[-2], b = sp[-1];                                                          \
        if (a.isInt() && b.isInt()) [[likely]] {                                               \
            sp[-2] = Value::boolean(a.asInt() op b.asInt());                                   \
            sp--;                                                                              \
            DISPATCH();                                                                        \
        }                                                                                      \
        if (a.isNumber() && b.isNumber()) {                                                    \
            sp[-2] = Value::boolean(a.asNumber() op b.asNumber());                             \
            sp--;                                                                              \
            DISPATCH();                                                                        \
        }                                                                                      \
        SYNC();                                                                                \
        Value r = compareSlow(*this, Op::opname, a, b);                                        \
        CHECK(r);                                                                              \
        sp[-2] = r;                                                                            \
        sp--;                                                                                  \
        DISPATCH();                                                                            \
    }
// A comparison fused with the JumpIfFalse that tests it (the compiler's peephole).
#define COMPARE_JUMP(opname, compared, op)                                                     \
    CASE(opname) {                                                                             \
        uint32_t target = READ_JUMP();                                                         \
        Value a = sp[-2], b = sp[-1];                                                          \
        bool r;                                                                                \
        if (a.isInt() && b.isInt()) [[likely]] {                                               \
            r = a.asInt() op b.asInt();                                                        \
        } else if (a.isNumber() && b.isNumber()) {                                             \
            r = a.asNumber() op b.asNumber();                                                  \
        } else {                                                                               \
            SYNC();                                                                            \
            Value v = compareSlow(*this, Op::compared, a, b);                                  \
            CHECK(v);                                                                          \
            r = v.isTrue();                                                                    \
        }                                                                                      \
        sp -= 2;                                                                               \
        if (!r) ip = CODE() + target;                                                          \
        DISPATCH();                                                                            \
    }
// clang-format on
