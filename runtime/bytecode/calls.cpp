// Call setup: VM::pushCall, and `new` / `super(...)` on top of it (calls.h says what the
// stack looks like before and after).
#include "runtime/bytecode/calls.h"

#include "runtime/core/vm.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/natives.h"

#include <algorithm>

namespace molt {

// Sets up a call of `fn` whose receiver is resultSlot[...]: for closures a new frame is
// pushed (the caller's loop continues in it); natives run to completion here. The layout
// on the stack is [resultSlot ...][this][args...] with sp just past the last argument.
bool VM::pushCall(Thread* t, Value fn, int argc, Value* resultSlot, uint8_t flags) {
    Value* args = t->sp - argc;
    Value* thisSlot = args - 1;
    if (!fn.isObject()) {
        throwTypeError(toStdString(fn) + " is not a function");
        return false;
    }
    Obj* o = fn.asObject();
    switch (o->kind) {
    case ObjKind::Closure: {
        auto* closure = static_cast<Closure*>(o);
        FunctionProto* p = closure->proto;
        if (t->frames.size() >= kMaxFrames ||
            thisSlot + p->maxLocals + kStackMargin >= t->stackEnd) {
            throwRangeError("Maximum call stack size exceeded");
            return false;
        }
        int params = p->numParams;
        // `arguments` (a copy: class code is strict, so it never aliases the parameters).
        Root arguments(heap);
        if (p->argumentsSlot) [[unlikely]] {
            Array* a = newArray(uint32_t(argc));
            for (int i = 0; i < argc; ++i)
                a->elements[i] = args[i];
            a->length = uint32_t(argc);
            arguments.set(Value::object(a));
        }
        Value* sp = t->sp;
        if (p->fnFlags & uint8_t(FunctionFlag::HasRest)) {
            int extra = argc > params ? argc - params : 0;
            Array* rest = newArray(uint32_t(extra));
            for (int i = 0; i < extra; ++i)
                rest->elements[i] = args[params + i];
            rest->length = uint32_t(extra);
            for (int i = argc; i < params; ++i)
                args[i] = Value::undefined();
            args[params] = Value::object(rest);
            sp = args + params + 1;
        } else if (argc < params) {
            for (int i = argc; i < params; ++i)
                args[i] = Value::undefined();
            sp = args + params;
        } else {
            sp = args + params;
        }
        Value* localsEnd = thisSlot + p->maxLocals;
        while (sp < localsEnd)
            *sp++ = Value::undefined();
        if (p->argumentsSlot) thisSlot[p->argumentsSlot] = arguments.value;
        t->sp = localsEnd;
        t->frames.push_back({closure, p->code.data(), thisSlot, resultSlot, flags});
        return true;
    }
    case ObjKind::Native: {
        auto* n = static_cast<Native*>(o);
        if (n->flags & kNativeForwards) [[unlikely]]
            return forwardCall(*this, t, n, argc, resultSlot, flags);
        if (nativeResumesGenerator(n)) [[unlikely]]
            return resumeGenerator(*this, t, *thisSlot, nativeResumeMode(n),
                                   argc > 0 ? args[0] : Value::undefined(), thisSlot, resultSlot,
                                   flags);
        Value r = n->fn(*this, *thisSlot, args, argc);
        if (r.isException()) return false;
        if ((flags & kFrameConstruct) && !r.isObject()) r = *thisSlot;
        if (!(flags & kFrameDiscard)) *resultSlot = r;
        t->sp = resultSlot + 1;
        return true;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        if ((c->flags & uint8_t(ClassFlag::FunctionStyle)) && !c->constructor.isUndefined())
            return pushCall(t, c->constructor, argc, resultSlot, flags); // `this` as given
        auto it = c->staticMethods.find(intern("call"));
        if (it != c->staticMethods.end() && (c->flags & uint8_t(ClassFlag::Builtin))) {
            *thisSlot = fn;
            return pushCall(t, it->second, argc, resultSlot, flags);
        }
        throwTypeError("Class constructor " + std::string(c->name->view()) +
                       " cannot be invoked without 'new'");
        return false;
    }
    default: throwTypeError(toStdString(fn) + " is not a function"); return false;
    }
}

void throwNotAFunction(VM& vm, const CallFrame* frame, const std::string& fallback) {
    const FunctionProto* p = frame->closure->proto;
    uint32_t pc = uint32_t(frame->ip - p->code.data());
    auto it = std::lower_bound(p->calleeTexts.begin(), p->calleeTexts.end(), pc,
                               [](const CalleeText& c, uint32_t at) { return c.pc < at; });
    if (it != p->calleeTexts.end() && it->pc == pc && p->sourceText) {
        std::string_view written = p->sourceText->view().substr(it->start, it->end - it->start);
        vm.throwTypeError(std::string(written) + " is not a function");
        return;
    }
    vm.throwTypeError(fallback + " is not a function");
}

// A compiled class constructor runs the field initializers itself (Op::InitFields); a
// constructor installed by an update is a plain function, so `new` runs them first.
static bool needsFieldInit(const Class* c) {
    return isKind(c->fieldInit, ObjKind::Closure) && isKind(c->constructor, ObjKind::Closure) &&
           !as<Closure>(c->constructor)->proto->has(FunctionFlag::Constructor);
}

bool spreadArguments(VM& vm, Thread* t, Value*& sp, const Array* a) {
    if (sp + a->length + kStackMargin >= t->stackEnd) {
        vm.throwRangeError("Maximum call stack size exceeded");
        return false;
    }
    for (uint32_t i = 0; i < a->length; ++i)
        *sp++ = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
    return true;
}

// Native classes construct directly; otherwise the placeholder becomes the new instance
// and the constructor runs as a construct frame.
CallResult constructCall(VM& vm, Thread* t, Value* clsSlot) {
    if (!unwrapBoundConstructor(vm, t, clsSlot)) return CallResult::Failed;
    int argc = int(t->sp - clsSlot - 2);
    Value cls = *clsSlot;
    if (!isKind(cls, ObjKind::Class)) {
        vm.throwTypeError(vm.toStdString(cls) + " is not a constructor");
        return CallResult::Failed;
    }
    Class* c = as<Class>(cls);
    if (c->nativeConstruct) {
        Value r = c->nativeConstruct(vm, c, clsSlot + 2, argc);
        if (r.isException()) return CallResult::Failed;
        if (r.isEmpty()) { // its hosted half finishes it, as a frame (hosted_methods.h)
            *clsSlot = vm.constructBody;
            clsSlot[1] = vm.constructThis;
            size_t depth = t->frames.size();
            if (!vm.pushCall(t, *clsSlot, argc, clsSlot, 0)) return CallResult::Failed;
            return t->frames.size() > depth ? CallResult::Pushed : CallResult::Done;
        }
        *clsSlot = r;
        t->sp = clsSlot + 1;
        return CallResult::Done;
    }
    clsSlot[1] = vm.newInstance(c);
    if (needsFieldInit(c) && vm.call(c->fieldInit, clsSlot[1], nullptr, 0).isException())
        return CallResult::Failed;
    if (c->constructor.isUndefined()) {
        *clsSlot = clsSlot[1];
        t->sp = clsSlot + 1;
        return CallResult::Done;
    }
    size_t depth = t->frames.size();
    if (!vm.pushCall(t, c->constructor, argc, clsSlot, kFrameConstruct)) return CallResult::Failed;
    return t->frames.size() > depth ? CallResult::Pushed : CallResult::Done;
}

CallResult superCall(VM& vm, Thread* t, CallFrame* frame, Value* slot) {
    Class* home = frame->closure->homeClass;
    if (!home || !home->super) {
        vm.throwTypeError("'super' keyword unexpected here");
        return CallResult::Failed;
    }
    Class* parent = home->super;
    if (parent->nativeConstruct) {
        vm.throwTypeError("extending the built-in class " + std::string(parent->name->view()) +
                          " is not supported");
        return CallResult::Failed;
    }
    if (parent->constructor.isUndefined()) {
        *slot = slot[1];
        t->sp = slot + 1;
        return CallResult::Done;
    }
    size_t depth = t->frames.size();
    if (!vm.pushCall(t, parent->constructor, int(t->sp - slot - 2), slot, kFrameConstruct))
        return CallResult::Failed;
    return t->frames.size() > depth ? CallResult::Pushed : CallResult::Done;
}

bool startAsync(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip, Value** resultSlot) {
    CallFrame* frame = &t->frames.back();
    uint32_t driver =
        frame->closure->proto->isAsyncGenerator ? vm.asyncGeneratorStartPin : vm.asyncStartPin;
    Value g = startGenerator(vm, t, slot, ip);
    Value* thisSlot = frame->base;
    *resultSlot = frame->resultSlot;
    uint8_t flags = frame->flags;
    t->frames.pop_back();
    thisSlot[0] = Value::undefined();
    thisSlot[1] = g;
    t->sp = thisSlot + 2;
    return vm.pushCall(t, vm.scheduler().pinned(driver), 1, *resultSlot, flags);
}

} // namespace molt
