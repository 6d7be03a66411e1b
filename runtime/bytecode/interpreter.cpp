// The bytecode interpreter: one loop, computed-goto dispatch (a switch when the compiler
// lacks labels-as-values), registers for ip/sp/base, inline caches for fields and sends.
//
// Hot-path rules: nothing here knows about the DSU. A class replaced by an update is a new
// Class object, so every inline cache keyed on the old one misses and refills. The only
// per-instruction bookkeeping is the preemption budget, decremented at calls and backward
// jumps.
#include "runtime/bytecode/calls.h"
#include "runtime/bytecode/opcodes.h"
#include "runtime/bytecode/operations.h"
#include "runtime/core/assert.h"
#include "runtime/core/private_name.h"
#include "runtime/core/vm.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/microtasks.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace molt {

static constexpr uint32_t kPreemptSlice = 4096;

static Upvalue* captureUpvalue(VM& vm, Thread* t, Value* local) {
    Upvalue* prev = nullptr;
    Upvalue* up = t->openUpvalues;
    while (up && up->location > local) {
        prev = up;
        up = up->nextOpen;
    }
    if (up && up->location == local) return up;
    auto* created = vm.heap.allocate<Upvalue>(ObjKind::Upvalue, vm.internalClass);
    created->location = local;
    created->closed = Value::undefined();
    created->nextOpen = up;
    if (prev)
        prev->nextOpen = created;
    else
        t->openUpvalues = created;
    return created;
}

static void closeUpvalues(Thread* t, Value* last) {
    while (t->openUpvalues && t->openUpvalues->location >= last) {
        Upvalue* up = t->openUpvalues;
        up->closed = *up->location;
        up->location = &up->closed;
        t->openUpvalues = up->nextOpen;
    }
}

static bool isCallableKind(Value v) {
    if (!v.isObject()) return false;
    ObjKind k = v.asObject()->kind;
    return k == ObjKind::Closure || k == ObjKind::Native || k == ObjKind::Class;
}

// Resolves `name` on an instance's class for an inline cache.
static bool fillInstanceCache(Class* k, String* name, InlineCache& ic, bool forSet) {
    int slot = k->findSlot(name);
    if (slot >= 0) {
        ic = {k, Value::empty(), uint32_t(slot), InlineCache::Field};
        return true;
    }
    if (forSet) {
        auto s = k->setters.find(name);
        if (s == k->setters.end()) return false;
        ic = {k, s->second, 0, InlineCache::Setter};
        return true;
    }
    auto g = k->getters.find(name);
    if (g != k->getters.end()) {
        ic = {k, g->second, 0, InlineCache::Getter};
        return true;
    }
    auto m = k->methods.find(name);
    if (m != k->methods.end()) {
        ic = {k, m->second, 0, InlineCache::Method};
        return true;
    }
    return false;
}

// Note for handlers in runFrame: DISPATCH is a computed goto, which does not run the
// destructors of locals it jumps out of. Work that needs a std::string or a Root lives in
// helper functions like this one.
// The parts live on the VM stack (rooted). A leading string part is appended to rather
// than copied, so `s = `${s}...`` builds in amortized linear time like `s += ...`.
static Value concatenate(VM& vm, const Value* parts, int n) {
    int first = 0;
    while (first < n && isString(parts[first]) && asString(parts[first])->length == 0)
        first++;
    std::string rest;
    for (int i = first + 1; i < n; ++i) {
        Value v = parts[i];
        if (isString(v)) {
            rest.append(asString(v)->view());
            continue;
        }
        Value s = vm.toString(v);
        if (s.isException()) return s;
        rest.append(asString(s)->view());
    }
    if (first == n) return vm.str("");
    Value head = parts[first];
    if (!isString(head)) {
        head = vm.toString(head);
        if (head.isException()) return head;
    }
    Root keep(vm.heap, head);
    return Value::object(vm.concat(asString(head), rest));
}

Value VM::runFrame(Thread* t, size_t entryDepth) {
    CallFrame* frame;
    const uint8_t* ip;
    Value* base;
    Value* sp;
    const Value* k;
    InlineCache* caches;

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
            preemptCounter = onUpdatePoint ? 1 : kPreemptSlice;                                    \
            SYNC();                                                                                \
            if (scheduler_->onPreemptionPoint(entryDepth == 0 && nestedDepth == 0)) {              \
                if (exitRequested_) goto exit_requested;                                           \
                return Value::empty();                                                             \
            }                                                                                      \
            if (exitRequested_) goto exit_requested;                                               \
        }                                                                                          \
    } while (0)

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
            throwReferenceError("Cannot access '" + std::string(m->names[slot]->view()) + "' before initialization");
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
            throwReferenceError("Cannot access '" + std::string(m->names[slot]->view()) + "' before initialization");
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
        auto it = globalIndex.find(asString(k[nameK]));
        if (it == globalIndex.end()) {
            // Promise and its kin load on first use (microtasks.h).
            SYNC();
            bool loaded = loadLazyGlobal(*this, asString(k[nameK]));
            RELOAD();
            if (!loaded) THROW();
            it = globalIndex.find(asString(k[nameK]));
        }
        if (it == globalIndex.end()) {
            SYNC();
            throwReferenceError(std::string(asString(k[nameK])->view()) + " is not defined");
            THROW();
        }
        ic.slot = it->second + 1;
        PUSH(globals[it->second].value);
        DISPATCH();
    }
    CASE(TypeofGlobal) {
        uint16_t nameK = READ_SHORT();
        READ_SHORT();
        auto it = globalIndex.find(asString(k[nameK]));
        SYNC();
        if (it == globalIndex.end()) {
            bool loaded = loadLazyGlobal(*this, asString(k[nameK]));
            RELOAD();
            if (!loaded) THROW();
            it = globalIndex.find(asString(k[nameK]));
        }
        PUSH(it == globalIndex.end() ? Value::object(names.undefinedStr) : typeOf(globals[it->second].value));
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
        Value v = getProperty(obj, name);
        CHECK(v);
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
        Value v = getIndex(obj, key);
        CHECK(v);
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
        Value v = superGet(*this, frame->closure->homeClass,
                           frame->closure->proto->has(FunctionFlag::Static), sp[-1], name);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(GetSuperIndex) {
        SYNC();
        Value key = toPropertyKey(sp[-1]);
        CHECK(key);
        sp[-1] = key;
        Value v = superGet(*this, frame->closure->homeClass,
                           frame->closure->proto->has(FunctionFlag::Static), sp[-2], asString(key));
        CHECK(v);
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(SetSuper) {
        String* name = asString(k[READ_SHORT()]);
        SYNC();
        Value v = superSet(*this, frame->closure->homeClass,
                           frame->closure->proto->has(FunctionFlag::Static), sp[-2], name, sp[-1]);
        CHECK(v);
        sp[-2] = v;
        sp--;
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
        if (preemptRequested) [[unlikely]] goto native_requested_yield;
        RELOAD();
        PREEMPT_POINT();
        DISPATCH();
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
        if (preemptRequested) [[unlikely]] goto native_requested_yield;
        RELOAD();
        PREEMPT_POINT();
        DISPATCH();
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
        {
            SYNC();
            // Records hold functions under keys; classes have static methods; everything
            // else looks the name up on its class.
            Value v;
            if (recv.isObject() && (recv.asObject()->kind == ObjKind::Record || recv.asObject()->kind == ObjKind::Class ||
                                    recv.asObject()->kind == ObjKind::Instance)) {
                v = getProperty(recv, name);
                CHECK(v);
            } else if (recv.isNullish()) {
                throwTypeError("Cannot read properties of " + std::string(recv.isNull() ? "null" : "undefined") +
                               " (reading '" + std::string(name->view()) + "')");
                THROW();
            } else {
                v = lookupMethod(classOf(recv), name);
                if (v.isEmpty()) {
                    v = getProperty(recv, name);
                    CHECK(v);
                }
            }
            if (!isCallable(v)) {
                throwNotAFunction(*this, frame, describeReceiver(recv) + "." + std::string(name->view()));
                THROW();
            }
            fn = v;
        }
    invoke_call:
        // Stack: [recv][args]: the receiver slot doubles as `this` and as the result slot.
        // pushCall wants [result][this][args]; shift the arguments up by one.
        for (Value* p = sp; p > recvSlot; --p) *p = p[-1];
        sp++;
        SYNC();
        if (!pushCall(t, fn, argc, recvSlot, 0)) goto call_failed;
        if (preemptRequested) [[unlikely]] goto native_requested_yield;
        RELOAD();
        PREEMPT_POINT();
        DISPATCH();
    }
    CASE(SuperInvoke) {
        String* name = asString(k[READ_SHORT()]);
        int argc = READ_BYTE();
        Class* home = frame->closure->homeClass;
        Value* recvSlot = sp - argc - 1;
        SYNC();
        Value fn = Value::empty();
        if (home && home->super) {
            if (frame->closure->proto->has(FunctionFlag::Static)) {
                fn = getProperty(Value::object(home->super), name);
                CHECK(fn);
            } else {
                fn = lookupMethod(home->super, name);
            }
        }
        if (!isCallable(fn)) {
            throwTypeError("(intermediate value)." + std::string(name->view()) + " is not a function");
            THROW();
        }
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
        switch (constructCall(*this, t, sp - argc - 2)) {
        case CallResult::Failed: goto call_failed;
        case CallResult::Done: sp = t->sp; DISPATCH();
        case CallResult::Pushed: RELOAD(); PREEMPT_POINT(); DISPATCH();
        }
        DISPATCH();
    }
    CASE(NewSpread) {
        auto* a = as<Array>(POP());
        Value* clsSlot = sp - 2;
        SYNC();
        if (!spreadArguments(*this, t, sp, a)) THROW();
        SYNC();
        switch (constructCall(*this, t, clsSlot)) {
        case CallResult::Failed: goto call_failed;
        case CallResult::Done: sp = t->sp; DISPATCH();
        case CallResult::Pushed: RELOAD(); DISPATCH();
        }
        DISPATCH();
    }
    CASE(SuperCall) {
        int argc = READ_BYTE();
        SYNC();
        switch (superCall(*this, t, frame, sp - argc - 2)) {
        case CallResult::Failed: goto call_failed;
        case CallResult::Done: sp = t->sp; DISPATCH();
        case CallResult::Pushed: RELOAD(); DISPATCH();
        }
        DISPATCH();
    }
    CASE(SuperCallSpread) {
        auto* a = as<Array>(POP());
        Value* slot = sp - 2;
        SYNC();
        if (!spreadArguments(*this, t, sp, a)) THROW();
        SYNC();
        switch (superCall(*this, t, frame, slot)) {
        case CallResult::Failed: goto call_failed;
        case CallResult::Done: sp = t->sp; DISPATCH();
        case CallResult::Pushed: RELOAD(); DISPATCH();
        }
        DISPATCH();
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
        if (t->openUpvalues) closeUpvalues(t, base);
        size_t index = t->frames.size() - 1;
        while (!t->handlers.empty() && t->handlers.back().frameIndex >= index) t->handlers.pop_back();
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
        ip = takeReturnBarrier(t, t->frames.size() - 1);
        frame->ip = ip;
        if (onReturnBarrier) onReturnBarrier();
        preemptCounter = 1;
        DISPATCH();
    }
    CASE(Closure) {
        auto* proto = as<FunctionProto>(k[READ_SHORT()]);
        SYNC();
        size_t n = proto->upvalues.size();
        Closure* c = newClosure(proto);
        c->homeClass = frame->closure->homeClass;
        PUSH(Value::object(c)); // rooted while upvalues are captured
        t->sp = sp;
        for (size_t i = 0; i < n; ++i) {
            const UpvalueDesc& d = proto->upvalues[i];
            c->upvalues[i] = d.fromParentLocal ? captureUpvalue(*this, t, base + d.index) : frame->closure->upvalues[d.index];
        }
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
            if (onUpdatePoint && entryDepth == 0 && nestedDepth == 0 && onUpdatePoint(t)) {
                preemptCounter = 1;
                return Value::empty();
            }
            preemptCounter = 1; // the preemption point below takes the slow path
        }
        PREEMPT_POINT();
        DISPATCH();
    }
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
    INT_BINARY(Add, +, __builtin_add_overflow(x, y, &r))
    INT_BINARY(Sub, -, __builtin_sub_overflow(x, y, &r))
    INT_BINARY(Mul, *, (__builtin_mul_overflow(x, y, &r) || (r == 0 && (x < 0 || y < 0))))
#undef INT_BINARY
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
#define GENERIC_BINARY(opname)                                                                 \
    CASE(opname) {                                                                             \
        SYNC();                                                                                \
        Value r = arithmeticSlow(*this, Op::opname, sp[-2], sp[-1]);                           \
        CHECK(r);                                                                              \
        sp[-2] = r;                                                                            \
        sp--;                                                                                  \
        DISPATCH();                                                                            \
    }
    GENERIC_BINARY(Pow)
    GENERIC_BINARY(Shl)
    GENERIC_BINARY(Shr)
    GENERIC_BINARY(UShr)
#undef GENERIC_BINARY
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
    BITWISE(BitAnd, &)
    BITWISE(BitOr, |)
    BITWISE(BitXor, ^)
#undef BITWISE
    CASE(Neg) {
        Value a = sp[-1];
        if (a.isInt() && a.asInt() != 0 && a.asInt() != INT32_MIN) {
            sp[-1] = Value::integer(-a.asInt());
            DISPATCH();
        }
        SYNC();
        Value n = toPrimitiveNumber(a);
        CHECK(n);
        sp[-1] = Value::number(-n.asNumber()); // -0 stays a double, 0 becomes an int
        DISPATCH();
    }
    CASE(ToNumber) {
        if (sp[-1].isNumber()) DISPATCH();
        SYNC();
        Value n = toPrimitiveNumber(sp[-1]);
        CHECK(n);
        sp[-1] = n;
        DISPATCH();
    }
    CASE(Inc) {
        Value a = sp[-1];
        if (a.isInt() && a.asInt() != INT32_MAX) {
            sp[-1] = Value::integer(a.asInt() + 1);
            DISPATCH();
        }
        SYNC();
        Value n = toPrimitiveNumber(a);
        CHECK(n);
        sp[-1] = Value::number(n.asNumber() + 1);
        DISPATCH();
    }
    CASE(Dec) {
        Value a = sp[-1];
        if (a.isInt() && a.asInt() != INT32_MIN) {
            sp[-1] = Value::integer(a.asInt() - 1);
            DISPATCH();
        }
        SYNC();
        Value n = toPrimitiveNumber(a);
        CHECK(n);
        sp[-1] = Value::number(n.asNumber() - 1);
        DISPATCH();
    }
    CASE(BitNot) {
        Value a = sp[-1];
        if (a.isInt()) {
            sp[-1] = Value::integer(~a.asInt());
            DISPATCH();
        }
        SYNC();
        Value n = toPrimitiveNumber(a);
        CHECK(n);
        sp[-1] = Value::integer(~toInt32(n.asNumber()));
        DISPATCH();
    }
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
        bool r = (a.isInt() && b.isInt()) ? a == b : strictEquals(a, b);
        sp[-2] = Value::boolean(r);
        sp--;
        DISPATCH();
    }
    CASE(StrictNe) {
        Value a = sp[-2], b = sp[-1];
        bool r = (a.isInt() && b.isInt()) ? a == b : strictEquals(a, b);
        sp[-2] = Value::boolean(!r);
        sp--;
        DISPATCH();
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
    COMPARE(Lt, <)
    COMPARE(Le, <=)
    COMPARE(Gt, >)
    COMPARE(Ge, >=)
#undef COMPARE
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
            // A static [Symbol.hasInstance](v) decides, on this class or inherited.
            SYNC();
            Value hook = getProperty(c, symbols.hasInstance);
            CHECK(hook);
            Value r = call(hook, c, &v, 1);
            CHECK(r);
            sp[-2] = Value::boolean(truthy(r));
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
        Value obj = sp[-1];
        if (!obj.isObject() || isString(obj)) {
            SYNC();
            throwTypeError("Cannot use 'in' operator to search for '" +
                           std::string(PrivateName::written(name->view())) + "' in " +
                           toStdString(obj));
            THROW();
        }
        Obj* o = obj.asObject();
        bool has = false;
        if (o->kind == ObjKind::Instance) {
            Class* c = o->klass;
            has = c->findSlot(name) >= 0 || c->methods.count(name) || c->getters.count(name) ||
                  c->setters.count(name);
        } else if (o->kind == ObjKind::Class) {
            for (Class* c = static_cast<Class*>(o); c && !has; c = c->super)
                has = std::find(c->staticNames.begin(), c->staticNames.end(), name) !=
                          c->staticNames.end() ||
                      c->staticMethods.count(name) || c->staticGetters.count(name) ||
                      c->staticSetters.count(name);
        }
        sp[-1] = Value::boolean(has);
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
        Value key = toPropertyKey(sp[-2]);
        CHECK(key);
        sp[-2] = key;
        recordSet(as<Record>(sp[-3]), asString(key), sp[-1]);
        sp -= 2;
        DISPATCH();
    }
    CASE(RecordAccessor) {
        bool isSetter = READ_BYTE() != 0;
        SYNC();
        Value key = toPropertyKey(sp[-2]);
        CHECK(key);
        sp[-2] = key;
        if (!recordDefineAccessor(as<Record>(sp[-3]), asString(key), sp[-1], isSetter)) THROW();
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
        Value src = sp[-2];
        if (isKind(src, ObjKind::Record)) {
            auto* r = as<Record>(src);
            for (size_t i = 0; i < r->keys.size(); ++i) {
                bool skip = !r->isLive(i);
                for (uint32_t j = 0; j < exclude->length; ++j) skip |= asString(exclude->elements[j]) == r->keys[i];
                if (skip) continue;
                String* key = r->keys[i];
                Value v = recordRead(r, i, src);
                CHECK(v);
                recordSet(rest, key, v);
            }
        } else if (src.isNullish()) {
            throwTypeError("Cannot destructure '" + toStdString(src) + "' as it is " + toStdString(src) + ".");
            THROW();
        }
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
                if (g->stepDone) {
                    sp--;
                    ip = CODE() + target;
                } else {
                    sp[-1] = v;
                }
                DISPATCH();
            }
            Value v = stepIterator(*this, sp[-1], done);
            CHECK(v);
            if (done) {
                sp--;
                ip = CODE() + target;
            } else {
                sp[-1] = v;
            }
            DISPATCH();
        }
        Value v = iteratorNext(*this, as<Iterator>(sp[-1]), done);
        CHECK(v);
        if (done) {
            sp--;
            ip = CODE() + target;
        } else {
            sp[-1] = v;
        }
        DISPATCH();
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
        while (!sp[-2].isUndefined()) {
            bool done;
            Value v = stepIterator(*this, sp[-2], done);
            CHECK(v);
            if (done) break;
            arrayPush(rest, v);
        }
        sp[-2] = Value::undefined();
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
        auto* closure = as<Closure>(sp[-1]);
        closure->homeClass = c;
        Value fn = sp[-1];
        switch (kind) {
        case MemberKind::Method: c->ownMethods[name] = fn; break;
        case MemberKind::Getter: c->ownGetters[name] = fn; break;
        case MemberKind::Setter: c->ownSetters[name] = fn; break;
        case MemberKind::StaticMethod: c->staticMethods[name] = fn; break;
        case MemberKind::StaticGetter: c->staticGetters[name] = fn; break;
        case MemberKind::StaticSetter: c->staticSetters[name] = fn; break;
        default: MOLT_CHECK(false, "Op::Method takes a method-table kind"); // as compiled
        }
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
            uint32_t driver = frame->closure->proto->isAsyncGenerator ? asyncGeneratorStartPin
                                                                       : asyncStartPin;
            Value g = startGenerator(*this, t, slot, ip);
            Value* thisSlot = frame->base;
            Value* resultSlot = frame->resultSlot;
            uint8_t flags = frame->flags;
            t->frames.pop_back();
            thisSlot[0] = Value::undefined();
            thisSlot[1] = g;
            t->sp = thisSlot + 2;
            if (!pushCall(t, scheduler_->pinned(driver), 1, resultSlot, flags)) {
                if (t->frames.size() <= entryDepth) return Value::exception();
                goto call_failed;
            }
            if (t->frames.size() <= entryDepth) return *resultSlot;
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
        if (t->openUpvalues) closeUpvalues(t, base);
        size_t index = t->frames.size() - 1;
        while (!t->handlers.empty() && t->handlers.back().frameIndex >= index) t->handlers.pop_back();
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

handle_exception: {
    if (exitRequested_ && !hasPending_) goto exit_requested;
    if (hasPending_) closeLoopsOnThrow(t, entryDepth);
    Value exception = takePendingException();
    // The innermost handler that belongs to this run of the loop catches it.
    if (!t->handlers.empty() && t->handlers.back().frameIndex >= entryDepth &&
        t->handlers.back().frameIndex < t->frames.size()) {
        Handler h = t->handlers.back();
        t->handlers.pop_back();
        while (t->frames.size() - 1 > h.frameIndex) {
            if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
            if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
            t->frames.pop_back();
        }
        if (!returnBarriers_.empty()) dropUnwoundBarriers(t);
        frame = &t->frames.back();
        base = frame->base;
        if (t->openUpvalues) closeUpvalues(t, base + h.closeFromSlot);
        k = frame->closure->proto->constants.data();
        caches = frame->closure->proto->caches.data();
        sp = base + frame->closure->proto->maxLocals;
        PUSH(exception);
        ip = CODE() + h.catchPc;
        DISPATCH();
    }
    // Uncaught in this run: unwind to the entry depth and hand it to the caller.
    while (t->frames.size() > entryDepth) {
        if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
        if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
        t->sp = t->frames.back().resultSlot;
        t->frames.pop_back();
    }
    if (!returnBarriers_.empty()) dropUnwoundBarriers(t);
    throwValue(exception);
    return Value::exception();
}

// clang-format on
exit_requested : while (t->frames.size() > entryDepth) {
    if (t->openUpvalues) closeUpvalues(t, t->frames.back().base);
    if (t->frames.back().flags & kFrameGenerator) generatorUnwound(t->frames.back());
    t->sp = t->frames.back().resultSlot;
    t->frames.pop_back();
}
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
#undef DISPATCH
#undef CASE
}

} // namespace molt
