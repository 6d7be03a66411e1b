// generator.cpp — moving a generator's frame between a thread's stack and its Generator.
#include "runtime/exec/generator.h"

#include "runtime/bytecode/operations.h"
#include "runtime/core/heap.h"

#include <algorithm>

namespace molt {

namespace {

// A Native with kNativeResumesGenerator (object.h) resumes a generator: pushCall pushes the
// generator's frame instead of calling `fn` (which resumes it in a nested loop, for C++
// callers).

// Closes the upvalues a never-resumed or abandoned frame still has open in its own slots.
void closeSuspendedUpvalues(Generator* g) {
    for (Upvalue* u = g->openUpvalues; u;) {
        Upvalue* next = u->nextOpen;
        u->closed = *u->location;
        u->location = &u->closed;
        u->suspendedIn = nullptr;
        u = next;
    }
    g->openUpvalues = nullptr;
}

void finish(Generator* g) {
    closeSuspendedUpvalues(g);
    g->state = GeneratorState::Completed;
    g->slots.clear();
    g->slots.shrink_to_fit();
    g->handlers.clear();
}

// Moves the top frame of `t` (its slots up to `top`, handlers, open upvalues) into `g`.
void saveFrame(Thread* t, Generator* g, Value* top, const uint8_t* ip) {
    CallFrame& f = t->frames.back();
    uint32_t index = uint32_t(t->frames.size() - 1);
    g->closure = f.closure;
    g->slots.assign(f.base, top);
    g->pc = uint32_t(ip - f.closure->proto->code.data());
    size_t first = t->handlers.size();
    while (first > 0 && t->handlers[first - 1].frameIndex >= index)
        first--;
    g->handlers.clear();
    for (size_t i = first; i < t->handlers.size(); ++i)
        g->handlers.push_back({t->handlers[i].catchPc, t->handlers[i].closeFromSlot});
    t->handlers.resize(first);
    Upvalue** tail = &g->openUpvalues;
    while (t->openUpvalues && t->openUpvalues->location >= f.base) {
        Upvalue* u = t->openUpvalues;
        t->openUpvalues = u->nextOpen;
        u->location = g->slots.data() + (u->location - f.base);
        u->suspendedIn = g;
        u->nextOpen = nullptr;
        *tail = u;
        tail = &u->nextOpen;
    }
}

// What a finished step hands back: the {value, done} record, or for a for-of step the
// Generator with the step left in it.
Value stepResult(VM& vm, Generator* g, Value value, bool done, uint8_t flags) {
    if (flags & kFrameIterStep) {
        g->stepReady = true;
        g->stepDone = done;
        g->stepValue = value;
        return Value::object(g);
    }
    return iterResult(vm, value, done);
}

Generator* generatorIn(const CallFrame& f, uint16_t slot) {
    return as<Generator>(f.base[slot]);
}

} // namespace

bool resumeGenerator(VM& vm, Thread* t, Value self, ResumeMode mode, Value sent, Value* base,
                     Value* resultSlot, uint8_t flags) {
    static const char* const kMethod[] = {"next", "throw", "return"};
    if (!isKind(self, ObjKind::Generator)) {
        vm.throwTypeError(std::string(kMethod[int(mode)]) +
                          " method called on incompatible receiver " + vm.describeReceiver(self));
        return false;
    }
    auto* g = as<Generator>(self);
    if (g->state == GeneratorState::Running) {
        vm.throwTypeError("Generator is already running");
        return false;
    }
    if (g->state == GeneratorState::SuspendedStart && mode != ResumeMode::Next) finish(g);
    if (g->state == GeneratorState::Completed) {
        if (mode == ResumeMode::Throw) {
            vm.throwValue(sent);
            return false;
        }
        Root keep(vm.heap, sent);
        Value r =
            stepResult(vm, g, mode == ResumeMode::Return ? sent : Value::undefined(), true, flags);
        if (!(flags & kFrameDiscard)) *resultSlot = r;
        t->sp = resultSlot + 1;
        return true;
    }
    size_t n = g->slots.size();
    if (t->frames.size() >= kMaxFrames || base + n + 2 + kStackMargin >= t->stackEnd) {
        vm.throwRangeError("Maximum call stack size exceeded");
        return false;
    }
    bool atYield = g->state == GeneratorState::SuspendedYield;
    std::copy(g->slots.begin(), g->slots.end(), base);
    Value* sp = base + n;
    if (atYield) {
        *sp++ = sent;
        *sp++ = Value::integer(int32_t(mode));
    }
    t->sp = sp;
    // The frame goes on top of the stack, so its upvalues are above every open one there.
    if (g->openUpvalues) {
        Upvalue* last = nullptr;
        for (Upvalue* u = g->openUpvalues; u; u = u->nextOpen) {
            u->location = base + (u->location - g->slots.data());
            u->suspendedIn = nullptr;
            last = u;
        }
        last->nextOpen = t->openUpvalues;
        t->openUpvalues = g->openUpvalues;
        g->openUpvalues = nullptr;
    }
    uint32_t index = uint32_t(t->frames.size());
    t->frames.push_back({g->closure, g->closure->proto->code.data() + g->pc, base, resultSlot,
                         uint8_t(flags | kFrameGenerator)});
    for (const SavedHandler& h : g->handlers)
        t->handlers.push_back({index, h.catchPc, h.closeFromSlot});
    g->handlers.clear();
    g->slots.clear();
    g->state = GeneratorState::Running;
    return true;
}

Value startGenerator(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip) {
    CallFrame& f = t->frames.back();
    auto* g = vm.heap.allocate<Generator>(ObjKind::Generator, vm.generatorClass);
    vm.registerGenerator(g);
    g->closure = f.closure;
    t->frames.back().base[slot] = Value::object(g);
    saveFrame(t, g, t->sp, ip);
    g->state = GeneratorState::SuspendedStart;
    return Value::object(g);
}

Value suspendGenerator(VM& vm, Thread* t, uint16_t slot, const uint8_t* ip) {
    CallFrame& f = t->frames.back();
    Generator* g = generatorIn(f, slot);
    Value r = stepResult(vm, g, t->sp[-1], false, f.flags);
    saveFrame(t, g, t->sp - 1, ip);
    g->state = GeneratorState::SuspendedYield;
    return r;
}

Value completeGenerator(VM& vm, Thread* t, uint16_t slot, Value value) {
    const CallFrame& f = t->frames.back();
    Generator* g = generatorIn(f, slot);
    Value r = stepResult(vm, g, value, true, f.flags);
    g->state = GeneratorState::Completed;
    return r;
}

void generatorUnwound(const CallFrame& frame) {
    Value v = frame.base[frame.closure->proto->generatorSlot];
    if (isKind(v, ObjKind::Generator)) as<Generator>(v)->state = GeneratorState::Completed;
}

// ---------------------------------------------------------------- Generator methods

namespace {

// Called from C++ (VM::call never takes the direct path for these natives, so this runs
// only for callers that hold the function itself): resume in a nested loop.
template<ResumeMode mode> Value resumeFromNative(VM& vm, Value self, Value* args, int argc) {
    static const char* const kName[] = {"next", "throw", "return"};
    Value fn = vm.lookupMethod(vm.generatorClass, vm.intern(kName[int(mode)]));
    return vm.call(fn, self, args, argc);
}

} // namespace

bool nativeResumesGenerator(const Native* n) {
    return n->flags & kNativeResumesGenerator;
}

ResumeMode nativeResumeMode(const Native* n) {
    return ResumeMode(n->data.asInt());
}

void installGeneratorBuiltins(VM& vm) {
    auto define = [&](const char* name, NativeFn fn, ResumeMode mode) {
        vm.defineMethod(vm.generatorClass, name, fn, 1);
        auto* n = as<Native>(vm.generatorClass->ownMethods[vm.intern(name)]);
        n->flags |= kNativeResumesGenerator;
        n->data = Value::integer(int32_t(mode));
    };
    define("next", resumeFromNative<ResumeMode::Next>, ResumeMode::Next);
    define("throw", resumeFromNative<ResumeMode::Throw>, ResumeMode::Throw);
    define("return", resumeFromNative<ResumeMode::Return>, ResumeMode::Return);
}

} // namespace molt
