// The bytecode interpreter: one loop, computed-goto dispatch (a switch when the compiler
// lacks labels-as-values), registers for ip/sp/base, inline caches for fields and sends.
//
// Hot-path rules: nothing here knows about the DSU. A class replaced by an update is a new
// Class object, so every inline cache keyed on the old one misses and refills. The only
// per-instruction bookkeeping is the preemption budget, decremented at calls and backward
// jumps. Around the loop: dispatch.h (its macros), handlers.cpp (the out-of-line halves of
// handlers), calls.cpp (call setup), unwind.cpp (catching), upvalues.h, operations.cpp.
#include "runtime/bytecode/calls.h"
#include "runtime/bytecode/dispatch.h"
#include "runtime/bytecode/handlers.h"
#include "runtime/bytecode/opcodes.h"
#include "runtime/bytecode/operations.h"
#include "runtime/bytecode/upvalues.h"
#include "runtime/core/assert.h"
#include "runtime/core/vm.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/microtasks.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

namespace molt {

// Whether a property read on `obj` can reach a hosted getter that getProperty would call
// nested (a record's, an instance's, a static one): only those reads take
// getPropertyOrGetter/getIndexOrGetter, so the others pay nothing for it.
static inline bool mayHaveHostedGetter(Value obj) {
    if (!obj.isObject()) return false;
    ObjKind k = obj.asObject()->kind;
    return k == ObjKind::Record || k == ObjKind::Instance || k == ObjKind::Class;
}

static constexpr uint32_t kPreemptSlice = 4096;

// Whether a === b is a === on the bits: two small integers, or one side undefined, null or
// a boolean (the loop test `v !== undefined`). Doubles (NaN, -0) and strings need more.
static bool identityDecides(Value a, Value b) {
    return (a.isInt() && b.isInt()) || b.isUndefined() || b.isNull() || b.isBool() ||
           a.isUndefined() || a.isNull() || a.isBool();
}

static bool isCallableKind(Value v) {
    if (!v.isObject()) return false;
    ObjKind k = v.asObject()->kind;
    return k == ObjKind::Closure || k == ObjKind::Native || k == ObjKind::Class;
}

Value VM::runFrame(Thread* t, size_t entryDepth) {
    CallFrame* frame;
    const uint8_t* ip;
    Value* base;
    Value* sp;
    const Value* k;
    InlineCache* caches;

    RELOAD();

    // The handlers below are kept one-per-line where they fit; formatting them would
    // hide the table-like shape of the loop.
    // clang-format off
#if defined(__GNUC__)
    static void* const dispatch[] = {
#define MOLT_OP_LABEL(name, operands, desc) &&op_##name,
        MOLT_OPCODES(MOLT_OP_LABEL)
#undef MOLT_OP_LABEL
    };
#define DISPATCH() goto* dispatch[*ip++]
#define CASE(name) op_##name:
    DISPATCH();
#else
#define DISPATCH() goto loop
#define CASE(name) case Op::name:
loop:
    switch (Op(*ip++)) {
#endif

    CASE(Const) PUSH(k[READ_SHORT()]); DISPATCH();
    CASE(Int) PUSH(Value::integer(int16_t(READ_SHORT()))); DISPATCH();
    CASE(Undefined) PUSH(Value::undefined()); DISPATCH();
    CASE(Null) PUSH(Value::null()); DISPATCH();
    CASE(True) PUSH(Value::boolean(true)); DISPATCH();
    CASE(False) PUSH(Value::boolean(false)); DISPATCH();
    CASE(Pop) sp--; DISPATCH();
    CASE(Dup) { Value v = sp[-1]; PUSH(v); DISPATCH(); }
    CASE(Dup2) { Value a = sp[-2], b = sp[-1]; PUSH(a); PUSH(b); DISPATCH(); }
    CASE(Swap) { Value a = sp[-2]; sp[-2] = sp[-1]; sp[-1] = a; DISPATCH(); }
    CASE(Rot3) { Value c = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = c; DISPATCH(); }
    CASE(GetLocal) PUSH(base[READ_SHORT()]); DISPATCH();
    CASE(SetLocal) base[READ_SHORT()] = sp[-1]; DISPATCH();
    CASE(StoreLocal) base[READ_SHORT()] = *--sp; DISPATCH();
    CASE(GetUpvalue) PUSH(*frame->closure->upvalues[READ_SHORT()]->location); DISPATCH();
    CASE(SetUpvalue) *frame->closure->upvalues[READ_SHORT()]->location = sp[-1]; DISPATCH();
    CASE(CloseUpvalues) {
        uint16_t slot = READ_SHORT();
        if (t->openUpvalues) closeUpvalues(t, base + slot);
        DISPATCH();
    }
    CASE(GetModule) {
        uint16_t slot = READ_SHORT();
        Module* m = frame->closure->proto->module;
        Value v = m->slots[slot];
        if (v.isEmpty()) [[unlikely]] {
            SYNC();
            throwBeforeInitialization(*this, m, slot);
            THROW();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(SetModule) {
        uint16_t slot = READ_SHORT();
        Module* m = frame->closure->proto->module;
        if (m->slots[slot].isEmpty()) [[unlikely]] {
            SYNC();
            throwBeforeInitialization(*this, m, slot);
            THROW();
        }
        m->slots[slot] = sp[-1];
        DISPATCH();
    }
    CASE(InitModule) frame->closure->proto->module->slots[READ_SHORT()] = sp[-1]; DISPATCH();
    CASE(GetGlobal) {
        uint16_t nameK = READ_SHORT();
        InlineCache& ic = caches[READ_SHORT()];
        if (ic.slot) [[likely]] {
            PUSH(globals[ic.slot - 1].value);
            DISPATCH();
        }
        SYNC();
        Value at = findGlobal(*this, asString(k[nameK]), true);
        RELOAD();
        CHECK(at);
        ic.slot = uint32_t(at.asInt()) + 1;
        PUSH(globals[size_t(at.asInt())].value);
        DISPATCH();
    }
    CASE(TypeofGlobal) {
        uint16_t nameK = READ_SHORT();
        READ_SHORT();
        SYNC();
        Value at = findGlobal(*this, asString(k[nameK]), false);
        RELOAD();
        CHECK(at);
        PUSH(at.isUndefined() ? Value::object(names.undefinedStr) : typeOf(globals[size_t(at.asInt())].value));
        DISPATCH();
    }
    CASE(SetGlobal) {
        uint16_t nameK = READ_SHORT();
        READ_SHORT();
        auto it = globalIndex.find(asString(k[nameK]));
        if (it == globalIndex.end()) {
            SYNC();
            throwReferenceError(std::string(asString(k[nameK])->view()) + " is not defined");
            THROW();
        }
        globals[it->second].value = sp[-1];
        DISPATCH();
    }
    CASE(GetProp) {
        String* name = asString(k[READ_SHORT()]);
        InlineCache& ic = caches[READ_SHORT()];
        Value obj = sp[-1];
        if (obj.isObject()) [[likely]] {
            Obj* o = obj.asObject();
            if (o->klass != ic.klass && o->kind == ObjKind::Instance) fillInstanceCache(o->klass, name, ic, false);
            if (o->klass == ic.klass) [[likely]] {
                if (ic.kind == InlineCache::Field) {
                    // An unassigned slot is no property yet: getProperty finds the method.
                    Value v = static_cast<Instance*>(o)->slots[ic.slot];
                    if (!v.isEmpty()) [[likely]] {
                        sp[-1] = v;
                        DISPATCH();
                    }
                }
                if (ic.kind == InlineCache::Method) {
                    sp[-1] = ic.value;
                    DISPATCH();
                }
                if (ic.kind == InlineCache::Getter) {
                    // [obj] -> [result][this = obj]: the getter runs as an ordinary frame.
                    sp[-1] = ic.value;
                    *sp++ = obj;
                    SYNC();
                    if (!pushCall(t, ic.value, 0, sp - 2, 0)) goto call_failed;
                    RELOAD();
                    DISPATCH();
                }
            }
            if (o->kind == ObjKind::Array && name == names.length) {
                sp[-1] = Value::number(double(static_cast<Array*>(o)->length));
                DISPATCH();
            }
        }
        SYNC();
        Value getter;
        Value v = mayHaveHostedGetter(obj) ? getPropertyOrGetter(obj, name, &getter)
                                           : getProperty(obj, name);
        CHECK(v);
        if (v.isEmpty()) [[unlikely]] { // a record's or static getter: an ordinary frame too
            sp[-1] = getter;
            *sp++ = obj;
            SYNC();
            if (!pushCall(t, getter, 0, sp - 2, 0)) goto call_failed;
            RELOAD();
            DISPATCH();
        }
        sp[-1] = v;
        DISPATCH();
    }
    CASE(SetProp) {
        String* name = asString(k[READ_SHORT()]);
        InlineCache& ic = caches[READ_SHORT()];
        Value obj = sp[-2];
        Value v = sp[-1];
        if (obj.isObject()) [[likely]] {
            Obj* o = obj.asObject();
            if (o->klass != ic.klass && o->kind == ObjKind::Instance) fillInstanceCache(o->klass, name, ic, true);
            if (o->klass == ic.klass && ic.kind == InlineCache::Field &&
                !(o->flags & kIntegrityMask)) [[likely]] {
                static_cast<Instance*>(o)->slots[ic.slot] = v;
                sp[-2] = v;
                sp--;
                DISPATCH();
            }
            if (o->klass == ic.klass && ic.kind == InlineCache::Setter) {
                // [obj][v] -> [v: the expression's value, kept][this = obj][v]
                sp[-2] = v;
                sp[-1] = obj;
                *sp++ = v;
                SYNC();
                if (!pushCall(t, ic.value, 1, sp - 3, kFrameDiscard)) goto call_failed;
                RELOAD();
                DISPATCH();
            }
        }
        SYNC();
        Value r = setProperty(obj, name, v);
        CHECK(r);
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(GetIndex) {
        Value obj = sp[-2], key = sp[-1];
        if (obj.isObject() && key.isInt() && obj.asObject()->kind == ObjKind::Array) [[likely]] {
            auto* a = static_cast<Array*>(obj.asObject());
            int32_t i = key.asInt();
            if (i >= 0 && uint32_t(i) < a->length) {
                Value v = a->elements[i];
                sp[-2] = v.isEmpty() ? Value::undefined() : v;
                sp--;
                DISPATCH();
            }
        }
        SYNC();
        Value getter;
        Value v = mayHaveHostedGetter(obj) ? getIndexOrGetter(obj, key, &getter) : getIndex(obj, key);
        CHECK(v);
        if (v.isEmpty()) [[unlikely]] { // [obj][key] -> [result][this = obj]: a frame
            sp[-2] = getter;
            sp[-1] = obj;
            if (!pushCall(t, getter, 0, sp - 2, 0)) goto call_failed;
            RELOAD();
            DISPATCH();
        }
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(SetIndex) {
        Value obj = sp[-3], key = sp[-2], v = sp[-1];
        if (obj.isObject() && key.isInt() && obj.asObject()->kind == ObjKind::Array &&
            !(obj.asObject()->flags & kIntegrityMask)) [[likely]] {
            auto* a = static_cast<Array*>(obj.asObject());
            int32_t i = key.asInt();
            if (i >= 0 && uint32_t(i) < a->length) {
                a->elements[i] = v;
                sp[-3] = v;
                sp -= 2;
                DISPATCH();
            }
        }
        SYNC();
        Value r = setIndex(obj, key, v);
        CHECK(r);
        sp[-3] = v;
        sp -= 2;
        DISPATCH();
    }
    CASE(DeleteProp) {
        Value key = k[READ_SHORT()];
        SYNC();
        Value r = deleteKey(*this, sp[-1], key);
        CHECK(r);
        sp[-1] = r;
        DISPATCH();
    }
    CASE(DeleteIndex) {
        SYNC();
        Value r = deleteKey(*this, sp[-2], sp[-1]);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(GetSuper) {
        String* name = asString(k[READ_SHORT()]);
        SYNC();
        Value v = superGet(*this, HOME(), sp[-1], name);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(GetSuperIndex) {
        SYNC();
        Value key = toPropertyKey(sp[-1]);
        CHECK(key);
        sp[-1] = key;
        Value v = superGet(*this, HOME(), sp[-2], asString(key));
        CHECK(v);
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(SetSuper) {
        String* name = asString(k[READ_SHORT()]);
        SYNC();
        Value v = superSet(*this, HOME(), sp[-2], name, sp[-1]);
        CHECK(v);
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(SetSuperIndex) {
        SYNC();
        Value key = toPropertyKey(sp[-2]);
        CHECK(key);
        sp[-2] = key;
        Value v = superSet(*this, HOME(), sp[-3], asString(key), sp[-1]);
        CHECK(v);
        sp[-3] = v;
        sp -= 2;
        DISPATCH();
    }
    CASE(Call) {
        int argc = READ_BYTE();
        Value* fnSlot = sp - argc - 2;
        SYNC();
        if (!isCallableKind(*fnSlot)) [[unlikely]] {
            throwNotAFunction(*this, frame, toStdString(*fnSlot));
            THROW();
        }
        if (!pushCall(t, *fnSlot, argc, fnSlot, 0)) goto call_failed;
        AFTER_CALL();
    }
    CASE(CallSpread) {
        auto* a = as<Array>(POP());
        Value* fnSlot = sp - 2;
        SYNC();
        if (!spreadArguments(*this, t, sp, a)) THROW();
        SYNC();
        if (!isCallableKind(*fnSlot)) [[unlikely]] {
            throwNotAFunction(*this, frame, toStdString(*fnSlot));
            THROW();
        }
        if (!pushCall(t, *fnSlot, int(a->length), fnSlot, 0)) goto call_failed;
        AFTER_CALL();
    }
    CASE(Invoke) {
        String* name = asString(k[READ_SHORT()]);
        int argc = READ_BYTE();
        InlineCache& ic = caches[READ_SHORT()];
        Value* recvSlot = sp - argc - 1;
        Value recv = *recvSlot;
        Value fn;
        if (recv.isObject()) [[likely]] {
            Obj* o = recv.asObject();
            if (o->klass == ic.klass && ic.kind == InlineCache::Method) [[likely]] {
                fn = ic.value;
                goto invoke_call;
            }
            if (o->kind == ObjKind::Instance) {
                if (ic.klass != o->klass) fillInstanceCache(o->klass, name, ic, false);
                if (ic.klass == o->klass && ic.kind == InlineCache::Method) {
                    fn = ic.value;
                    goto invoke_call;
                }
            }
        }
        SYNC();
        fn = invokeTarget(*this, frame, recv, name);
        CHECK(fn);
    invoke_call:
        // Stack: [recv][args]: the receiver slot doubles as `this` and as the result slot.
        // pushCall wants [result][this][args]; shift the arguments up by one.
        for (Value* p = sp; p > recvSlot; --p) *p = p[-1];
        sp++;
        SYNC();
        if (!pushCall(t, fn, argc, recvSlot, 0)) goto call_failed;
        AFTER_CALL();
    }
    CASE(SuperInvoke) {
        String* name = asString(k[READ_SHORT()]);
        int argc = READ_BYTE();
        Value* recvSlot = sp - argc - 1;
        SYNC();
        Value fn = superMethod(*this, frame, name);
        CHECK(fn);
        for (Value* p = sp; p > recvSlot; --p) *p = p[-1];
        sp++;
        SYNC();
        if (!pushCall(t, fn, argc, recvSlot, 0)) goto call_failed;
        if (preemptRequested) [[unlikely]] goto native_requested_yield;
        RELOAD();
        DISPATCH();
    }
    CASE(New) {
        int argc = READ_BYTE();
        SYNC();
        AFTER_CONSTRUCT(constructCall(*this, t, sp - argc - 2), PREEMPT_POINT());
    }
    CASE(NewSpread) {
        auto* a = as<Array>(POP());
        Value* clsSlot = sp - 2;
        SYNC();
        if (!spreadArguments(*this, t, sp, a)) THROW();
        SYNC();
        AFTER_CONSTRUCT(constructCall(*this, t, clsSlot), (void)0);
    }
    CASE(SuperCall) {
        int argc = READ_BYTE();
        SYNC();
        AFTER_CONSTRUCT(superCall(*this, t, frame, sp - argc - 2), (void)0);
    }
    CASE(SuperCallSpread) {
        auto* a = as<Array>(POP());
        Value* slot = sp - 2;
        SYNC();
        if (!spreadArguments(*this, t, sp, a)) THROW();
        SYNC();
        AFTER_CONSTRUCT(superCall(*this, t, frame, slot), (void)0);
    }
    CASE(InitFields) {
        Class* home = frame->closure->homeClass;
        if (!home || home->fieldInit.isUndefined()) {
            PUSH(Value::undefined());
            DISPATCH();
        }
        Value* slot = sp;
        PUSH(home->fieldInit);
        PUSH(base[0]);
        SYNC();
        if (!pushCall(t, home->fieldInit, 0, slot, 0)) goto call_failed;
        RELOAD();
        DISPATCH();
    }
    CASE(Return) {
        Value result = sp[-1];
        uint8_t flags = frame->flags;
        if ((flags & kFrameConstruct) && !result.isObject()) result = base[0];
        leaveTopFrame(t);
        Value* slot = frame->resultSlot;
        t->frames.pop_back();
        if (!(flags & kFrameDiscard)) *slot = result;
        sp = slot + 1;
        t->sp = sp;
        if (t->frames.size() <= entryDepth) return result;
        RELOAD();
        DISPATCH();
    }
    CASE(ReturnBarrier) {
        // A frame the DSU waited for has returned into this one: resume where it would
        // have, tell the DSU, and end the slice soon so its safe-point check runs.
        // An armed transfer moves the frame to new code here (VM::armTransferOnReturn).
        t->sp = sp;
        frame->ip = takeReturnBarrier(t, t->frames.size() - 1);
        RELOAD();
        if (onReturnBarrier_) onReturnBarrier_();
        preemptCounter = 1;
        DISPATCH();
    }
    CASE(Closure) {
        auto* proto = as<FunctionProto>(k[READ_SHORT()]);
        SYNC();
        makeClosure(*this, t, proto);
        sp = t->sp;
        DISPATCH();
    }
    CASE(Jump) {
        uint32_t target = READ_JUMP();
        ip = CODE() + target;
        DISPATCH();
    }
    CASE(Loop) {
        uint32_t target = READ_JUMP();
        ip = CODE() + target;
        // While an update waits, every back-edge is a slow-path check (PREEMPT_POINT keeps
        // the counter at 1), and the DSU may park the thread at this loop header.
        if (--preemptCounter == 0) [[unlikely]] {
            SYNC();
            if (onUpdatePoint_ && entryDepth == 0 && nestedDepth == 0 && onUpdatePoint_(t)) {
                preemptCounter = 1;
                return Value::empty();
            }
            preemptCounter = 1; // the preemption point below takes the slow path
        }
        PREEMPT_POINT();
        DISPATCH();
    }
    COMPARE_JUMP(JumpIfNotLt, Lt, <)
    COMPARE_JUMP(JumpIfNotLe, Le, <=)
    COMPARE_JUMP(JumpIfNotGt, Gt, >)
    COMPARE_JUMP(JumpIfNotGe, Ge, >=)
    CASE(JumpIfFalse) {
        uint32_t target = READ_JUMP();
        Value v = POP();
        if (v.bits() == Value::kFalseBits || (v.bits() != Value::kTrueBits && !truthy(v))) ip = CODE() + target;
        DISPATCH();
    }
    CASE(JumpIfTrue) {
        uint32_t target = READ_JUMP();
        Value v = POP();
        if (v.bits() == Value::kTrueBits || (v.bits() != Value::kFalseBits && truthy(v))) ip = CODE() + target;
        DISPATCH();
    }
    CASE(JumpIfFalseKeep) {
        uint32_t target = READ_JUMP();
        if (!truthy(sp[-1])) ip = CODE() + target;
        else sp--;
        DISPATCH();
    }
    CASE(JumpIfTrueKeep) {
        uint32_t target = READ_JUMP();
        if (truthy(sp[-1])) ip = CODE() + target;
        else sp--;
        DISPATCH();
    }
    CASE(JumpIfNotNullishKeep) {
        uint32_t target = READ_JUMP();
        if (!sp[-1].isNullish()) ip = CODE() + target;
        else sp--;
        DISPATCH();
    }
    CASE(JumpIfNullish) {
        uint32_t target = READ_JUMP();
        if (sp[-1].isNullish()) {
            sp[-1] = Value::undefined();
            ip = CODE() + target;
        }
        DISPATCH();
    }
    CASE(JumpIfNotUndefined) {
        uint32_t target = READ_JUMP();
        if (!sp[-1].isUndefined()) ip = CODE() + target;
        else sp--;
        DISPATCH();
    }
    INT_BINARY(Add, +, __builtin_add_overflow(x, y, &r))
    INT_BINARY(Sub, -, __builtin_sub_overflow(x, y, &r))
    INT_BINARY(Mul, *, (__builtin_mul_overflow(x, y, &r) || (r == 0 && (x < 0 || y < 0))))
    CASE(Div) {
        Value a = sp[-2], b = sp[-1];
        if (a.isNumber() && b.isNumber()) [[likely]] {
            sp[-2] = Value::number(a.asNumber() / b.asNumber());
            sp--;
            DISPATCH();
        }
        SYNC();
        Value r = arithmeticSlow(*this, Op::Div, a, b);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(Mod) {
        Value a = sp[-2], b = sp[-1];
        if (a.isInt() && b.isInt() && a.asInt() >= 0 && b.asInt() > 0) [[likely]] {
            sp[-2] = Value::integer(a.asInt() % b.asInt());
            sp--;
            DISPATCH();
        }
        SYNC();
        Value r = arithmeticSlow(*this, Op::Mod, a, b);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    GENERIC_BINARY(Pow)
    GENERIC_BINARY(Shl)
    GENERIC_BINARY(Shr)
    GENERIC_BINARY(UShr)
    BITWISE(BitAnd, &)
    BITWISE(BitOr, |)
    BITWISE(BitXor, ^)
    NUMERIC_UNARY(Neg, a.isInt() && a.asInt() != 0 && a.asInt() != INT32_MIN, -a.asInt(),
                  Value::number(-n.asNumber())) // -0 stays a double, 0 becomes an int
    CASE(ToNumber) {
        if (sp[-1].isNumber()) DISPATCH();
        SYNC();
        Value n = toPrimitiveNumber(sp[-1]);
        CHECK(n);
        sp[-1] = n;
        DISPATCH();
    }
    CASE(IncLocal) {
        Value* local = base + READ_SHORT();
        if (local->isInt() && local->asInt() != INT32_MAX) [[likely]] {
            *local = Value::integer(local->asInt() + 1);
            DISPATCH();
        }
        SYNC();
        Value n = local->isNumber() ? *local : toPrimitiveNumber(*local);
        CHECK(n);
        *local = Value::number(n.asNumber() + 1);
        DISPATCH();
    }
    CASE(DecLocal) {
        Value* local = base + READ_SHORT();
        if (local->isInt() && local->asInt() != INT32_MIN) [[likely]] {
            *local = Value::integer(local->asInt() - 1);
            DISPATCH();
        }
        SYNC();
        Value n = local->isNumber() ? *local : toPrimitiveNumber(*local);
        CHECK(n);
        *local = Value::number(n.asNumber() - 1);
        DISPATCH();
    }
    NUMERIC_UNARY(Inc, a.isInt() && a.asInt() != INT32_MAX, a.asInt() + 1, Value::number(n.asNumber() + 1))
    NUMERIC_UNARY(Dec, a.isInt() && a.asInt() != INT32_MIN, a.asInt() - 1, Value::number(n.asNumber() - 1))
    NUMERIC_UNARY(BitNot, a.isInt(), ~a.asInt(), Value::integer(~toInt32(n.asNumber())))
    CASE(Eq) {
        SYNC();
        sp[-2] = Value::boolean(looseEquals(sp[-2], sp[-1]));
        sp--;
        if (hasPending_) THROW();
        DISPATCH();
    }
    CASE(Ne) {
        SYNC();
        sp[-2] = Value::boolean(!looseEquals(sp[-2], sp[-1]));
        sp--;
        if (hasPending_) THROW();
        DISPATCH();
    }
    CASE(StrictEq) {
        Value a = sp[-2], b = sp[-1];
        bool r = identityDecides(a, b) ? a == b : strictEquals(a, b);
        sp[-2] = Value::boolean(r);
        sp--;
        DISPATCH();
    }
    CASE(StrictNe) {
        Value a = sp[-2], b = sp[-1];
        bool r = identityDecides(a, b) ? a == b : strictEquals(a, b);
        sp[-2] = Value::boolean(!r);
        sp--;
        DISPATCH();
    }
    COMPARE(Lt, <)
    COMPARE(Le, <=)
    COMPARE(Gt, >)
    COMPARE(Ge, >=)
    CASE(Not) sp[-1] = Value::boolean(!truthy(sp[-1])); DISPATCH();
    CASE(Typeof) sp[-1] = typeOf(sp[-1]); DISPATCH();
    CASE(InstanceOf) {
        Value v = sp[-2], c = sp[-1];
        if (!isKind(c, ObjKind::Class)) {
            SYNC();
            throwTypeError("Right-hand side of 'instanceof' is not callable");
            THROW();
        }
        if (as<Class>(c)->flags & uint8_t(ClassFlag::HasInstance)) [[unlikely]] {
            SYNC();
            Value r = instanceOfHook(*this, c, v);
            CHECK(r);
            sp[-2] = r;
            sp--;
            DISPATCH();
        }
        sp[-2] = Value::boolean(instanceOf(v, as<Class>(c)));
        sp--;
        DISPATCH();
    }
    CASE(In) {
        SYNC();
        Value r = inOperator(*this, sp[-2], sp[-1]);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(HasPrivate) {
        String* name = asString(k[READ_SHORT()]);
        SYNC();
        Value r = hasPrivate(*this, sp[-1], name);
        CHECK(r);
        sp[-1] = r;
        DISPATCH();
    }
    CASE(Throw) {
        SYNC();
        throwValue(sp[-1]);
        THROW();
    }
    CASE(TryBegin) {
        uint32_t target = READ_JUMP();
        uint16_t closeFrom = READ_SHORT();
        t->handlers.push_back({uint32_t(t->frames.size() - 1), target, closeFrom});
        DISPATCH();
    }
    CASE(TryEnd) t->handlers.pop_back(); DISPATCH();
    CASE(Array) {
        int n = READ_BYTE();
        SYNC();
        Array* a = newArray(uint32_t(n));
        for (int i = 0; i < n; ++i) a->elements[i] = sp[i - n];
        a->length = uint32_t(n);
        sp -= n;
        PUSH(Value::object(a));
        DISPATCH();
    }
    CASE(ArrayPush) {
        SYNC();
        arrayPush(as<Array>(sp[-2]), sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(ArraySpread) {
        SYNC();
        if (int hosted = hostedIterable(*this, sp[-1]); hosted != 0) [[unlikely]] {
            // A generator's or user iterable's code runs as frames under the hosted
            // spreadInto: [target][iterable] -> [spreadInto][this][target][iterable], whose
            // result (the target) lands where the target was.
            if (hosted < 0) THROW();
            Value fn = hostedHelper(*this, "internal/builtins_array", "spreadInto");
            CHECK(fn);
            sp[0] = sp[-2];
            sp[1] = sp[-1];
            sp[-2] = fn;
            sp[-1] = Value::undefined();
            sp += 2;
            SYNC();
            if (!pushCall(t, fn, 2, sp - 4, 0)) goto call_failed;
            RELOAD();
            DISPATCH();
        }
        Value r = spreadInto(*this, as<Array>(sp[-2]), sp[-1]);
        CHECK(r);
        sp--;
        DISPATCH();
    }
    CASE(ArrayHole) {
        SYNC();
        arrayPush(as<Array>(sp[-1]), Value::empty());
        DISPATCH();
    }
    CASE(Record) {
        SYNC();
        PUSH(Value::object(newRecord()));
        DISPATCH();
    }
    CASE(RecordSet) {
        String* key = asString(k[READ_SHORT()]);
        SYNC();
        recordSet(as<Record>(sp[-2]), key, sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(RecordSetComputed) {
        SYNC();
        Value r = defineComputedKey(*this, sp - 3, ComputedKind::Value);
        CHECK(r);
        sp -= 2;
        DISPATCH();
    }
    CASE(RecordAccessor) {
        ComputedKind kind = READ_BYTE() != 0 ? ComputedKind::Setter : ComputedKind::Getter;
        SYNC();
        Value r = defineComputedKey(*this, sp - 3, kind);
        CHECK(r);
        sp -= 2;
        DISPATCH();
    }
    CASE(RecordSpread) {
        SYNC();
        Value r = recordSpread(*this, as<Record>(sp[-2]), sp[-1]);
        CHECK(r);
        sp--;
        DISPATCH();
    }
    CASE(RecordRest) {
        auto* exclude = as<Array>(k[READ_SHORT()]);
        SYNC();
        Record* rest = newRecord();
        PUSH(Value::object(rest));
        t->sp = sp;
        Value r = copyRecordRest(*this, sp[-2], exclude, rest);
        CHECK(r);
        DISPATCH();
    }
    CASE(Template) {
        int n = READ_BYTE();
        SYNC();
        Value r = concatenate(*this, sp - n, n);
        CHECK(r);
        sp -= n;
        PUSH(r);
        DISPATCH();
    }
    CASE(Iter) {
        SYNC();
        Value it = iterate(*this, sp[-1]);
        CHECK(it);
        sp[-1] = it;
        DISPATCH();
    }
    CASE(IterNext) {
        uint32_t target = READ_JUMP();
        SYNC();
        bool done;
        if (!isKind(sp[-1], ObjKind::Iterator)) [[unlikely]] {
            if (isKind(sp[-1], ObjKind::Generator)) {
                // The generator's frame runs on this stack and hands itself back with the
                // step in it; this instruction then runs again and takes the step.
                auto* g = as<Generator>(sp[-1]);
                if (!g->stepReady) {
                    frame->ip = ip - opLength(Op::IterNext);
                    if (!resumeGenerator(*this, t, sp[-1], ResumeMode::Next, Value::undefined(), sp - 1, sp - 1, kFrameIterStep)) goto call_failed;
                    RELOAD();
                    DISPATCH();
                }
                g->stepReady = false;
                Value v = g->stepValue;
                g->stepValue = Value::undefined();
                ITER_STEP(v, g->stepDone);
            }
            Value v = stepIterator(*this, sp[-1], done);
            CHECK(v);
            ITER_STEP(v, done);
        }
        Value v = iteratorNext(*this, as<Iterator>(sp[-1]), done);
        CHECK(v);
        ITER_STEP(v, done);
    }
    CASE(IterNextOrUndefined) {
        // Once the iterator is done, undefined takes its place: later elements read
        // undefined without calling next() again, and IterClose has nothing to close.
        if (sp[-1].isUndefined()) {
            PUSH(Value::undefined());
            DISPATCH();
        }
        SYNC();
        bool done;
        Value v = stepIterator(*this, sp[-1], done);
        CHECK(v);
        if (done) sp[-1] = Value::undefined();
        PUSH(done ? Value::undefined() : v);
        DISPATCH();
    }
    CASE(IterRest) {
        SYNC();
        Array* rest = newArray();
        PUSH(Value::object(rest));
        t->sp = sp;
        Value r = collectRest(*this, sp - 2, rest);
        CHECK(r);
        DISPATCH();
    }
    CASE(IterClose) {
        // Leaving a for-of early: a generator runs its finally blocks in an ordinary frame.
        if (isKind(sp[-1], ObjKind::Iterator) || sp[-1].isUndefined()) [[likely]] {
            sp[-1] = Value::undefined();
            DISPATCH();
        }
        SYNC();
        Value fn = getProperty(sp[-1], intern("return"));
        CHECK(fn);
        if (fn.isNullish()) {
            sp[-1] = Value::undefined();
            DISPATCH();
        }
        if (!pushCall(t, fn, 0, sp - 1, 0)) goto call_failed;
        RELOAD();
        DISPATCH();
    }
    CASE(ForInKeys) {
        SYNC();
        Value it = forInKeys(*this, sp[-1]);
        CHECK(it);
        sp[-1] = it;
        DISPATCH();
    }
    CASE(Class) {
        auto* shape = as<Array>(k[READ_SHORT()]);
        SYNC();
        Class* c = defineClass(shape, sp[-1], frame->closure->proto->module);
        if (!c) THROW();
        sp[-1] = Value::object(c);
        DISPATCH();
    }
    CASE(Method) {
        String* name = asString(k[READ_SHORT()]);
        auto kind = MemberKind(READ_BYTE());
        auto* c = as<Class>(sp[-2]);
        as<Closure>(sp[-1])->homeClass = c;
        defineMember(c, name, kind, sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(SetConstructor) {
        auto* c = as<Class>(sp[-2]);
        as<Closure>(sp[-1])->homeClass = c;
        c->constructor = sp[-1];
        sp--;
        DISPATCH();
    }
    CASE(SetFieldInit) {
        auto* c = as<Class>(sp[-2]);
        as<Closure>(sp[-1])->homeClass = c;
        c->fieldInit = sp[-1];
        sp--;
        DISPATCH();
    }
    CASE(FinishClass) {
        finishClass(as<Class>(sp[-1]));
        DISPATCH();
    }
    CASE(RunStaticInit) {
        // [cls][closure] -> [cls][result]: calls the closure with this = cls; the compiler
        // pops the result.
        auto* c = as<Class>(sp[-2]);
        as<Closure>(sp[-1])->homeClass = c;
        Value* slot = sp - 1;
        PUSH(Value::object(c));
        SYNC();
        if (!pushCall(t, *slot, 0, slot, 0)) goto call_failed;
        RELOAD();
        DISPATCH();
    }
    CASE(DefineStatic) {
        String* name = asString(k[READ_SHORT()]);
        SYNC();
        defineStaticValue(as<Class>(sp[-2]), name, sp[-1]);
        sp -= 2;
        DISPATCH();
    }
    CASE(Callee) PUSH(Value::object(frame->closure)); DISPATCH();
    CASE(GeneratorStart) {
        uint16_t slot = READ_SHORT();
        SYNC();
        if (frame->closure->proto->isAsync) [[unlikely]] {
            // An async function: the suspended body goes to the driver, whose call takes the
            // frame's place and returns the function's promise (microtasks.h).
            // An async generator's goes to its own driver, which returns the AsyncGenerator.
            if (asyncStartPin == UINT32_MAX) {
                bool loaded = ensurePromiseRuntime(*this);
                RELOAD();
                if (!loaded) THROW();
            }
            Value* resultSlot;
            bool started = startAsync(*this, t, slot, ip, &resultSlot);
            if (t->frames.size() <= entryDepth) return started ? *resultSlot : Value::exception();
            if (!started) goto call_failed;
            RELOAD();
            DISPATCH();
        }
        Value g = startGenerator(*this, t, slot, ip);
        PUSH(g);
        goto generator_leave;
    }
    CASE(Yield) {
        uint16_t slot = READ_SHORT();
        SYNC();
        Value r = suspendGenerator(*this, t, slot, ip);
        sp[-1] = r;
        goto generator_leave;
    }
    CASE(AsyncYield) {
        uint16_t slot = READ_SHORT();
        SYNC();
        as<Generator>(base[slot])->asyncYield = true;
        Value r = suspendGenerator(*this, t, slot, ip);
        sp[-1] = r;
        goto generator_leave;
    }
    CASE(ResumeMode) {
        uint32_t target = READ_JUMP();
        auto mode = ResumeMode(POP().asInt());
        if (mode == ResumeMode::Next) {
            ip = CODE() + target;
            DISPATCH();
        }
        if (mode == ResumeMode::Throw) {
            SYNC();
            throwValue(sp[-1]);
            THROW();
        }
        DISPATCH(); // return: the return path follows, the sent value on the stack
    }
    CASE(GeneratorReturn) {
        uint16_t slot = READ_SHORT();
        SYNC();
        Value r = completeGenerator(*this, t, slot, sp[-1]);
        sp[-1] = r;
        leaveTopFrame(t);
        goto generator_leave;
    }
    CASE(Nop) DISPATCH();
#if !defined(__GNUC__)
    default: MOLT_CHECK(false, "unknown opcode");
    }
#endif

native_requested_yield:
    // A native (Thread.sleep, Thread.yield) asked to give up the processor.
    preemptRequested = false;
    if (!t->frames.empty() && t->frames.size() > entryDepth) RELOAD();
    if (entryDepth == 0 && nestedDepth == 0) {
        SYNC();
        return Value::empty();
    }
    DISPATCH();

generator_leave: {
    // The generator's frame has been saved or finished: return sp[-1] to the resumer.
    Value result = sp[-1];
    Value* slot = frame->resultSlot;
    uint8_t flags = frame->flags;
    t->frames.pop_back();
    if (!(flags & kFrameDiscard)) *slot = result;
    sp = slot + 1;
    t->sp = sp;
    if (t->frames.size() <= entryDepth) return result;
    RELOAD();
    DISPATCH();
}

call_failed:
    if (exitRequested_) goto exit_requested;
    RELOAD();
    goto handle_exception;

handle_exception:
    if (exitRequested_ && !hasPending_) goto exit_requested;
    // The outermost loop may suspend the thread at the throw (catchInRun): its top frame
    // must then say where it stopped, and its operand stack stay rooted.
    if (entryDepth == 0 && !t->frames.empty() && frame == &t->frames.back()) SYNC();
    if (catchInRun(t, entryDepth)) {
        RELOAD();
        DISPATCH();
    }
    return Value::exception();

// clang-format on
exit_requested:
    unwindRun(t, entryDepth);
return Value::exception();

#undef RELOAD
#undef SYNC
#undef READ_BYTE
#undef READ_SHORT
#undef READ_JUMP
#undef PUSH
#undef POP
#undef PEEK
#undef THROW
#undef CHECK
#undef CODE
#undef HOME
#undef PREEMPT_POINT
#undef AFTER_CALL
#undef AFTER_CONSTRUCT
#undef NUMERIC_UNARY
#undef ITER_STEP
#undef INT_BINARY
#undef GENERIC_BINARY
#undef BITWISE
#undef COMPARE
#undef DISPATCH
#undef CASE
}

} // namespace molt
