#include "runtime/core/vm.h"

#include "runtime/core/assert.h"
#include "runtime/core/private_name.h"
#include "runtime/exec/generator.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/regexp.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>

namespace molt {

void assertionFailed(const char* expr, const char* message, const char* file, int line) {
    std::fprintf(stderr, "molt: internal error: %s (%s) at %s:%d\n", message, expr, file, line);
    std::abort();
}

static double monotonicMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string CompileError::format() const {
    std::string out =
        file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message + "\n";
    out += sourceLine + "\n";
    // The caret goes under the column, keeping tabs so it lines up.
    uint32_t chars = 0;
    for (size_t i = 0; i < sourceLine.size() && chars + 1 < column; ++i) {
        if ((uint8_t(sourceLine[i]) & 0xC0) == 0x80) continue;
        out += sourceLine[i] == '\t' ? '\t' : ' ';
        chars++;
    }
    out += "^\n";
    return out;
}

VM::VM() : scheduler_(std::make_unique<Scheduler>(*this)) {
    startTime_ = monotonicMs();
    writeOut = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
    flushOutput = [] { std::fflush(stdout); };
    writeErr = [](std::string_view s) {
        std::fflush(stdout);
        std::fwrite(s.data(), 1, s.size(), stderr);
    };
    heap.addRootProvider([this](Tracer& t) { markRoots(t); });
    heap.setWeakSweeper([this] { sweepInternTable(); });
    installBuiltins();
    hostThread(); // created up front: it is VM machinery, not program state
}

VM::~VM() = default;

double VM::now() const {
    return monotonicMs() - startTime_;
}

// ---------------------------------------------------------------- roots

// The built-in classes the VM holds directly: roots for both the collector and the swap.
std::array<Class**, 26> VM::builtinClassSlots() {
    return {&objectClass,     &arrayClass,          &stringClass,      &numberClass,
            &booleanClass,    &functionClass,       &classClass,       &mapClass,
            &setClass,        &iteratorClass,       &moduleClass,      &threadClass,
            &generatorClass,  &internalClass,       &errorClass,       &typeErrorClass,
            &rangeErrorClass, &referenceErrorClass, &syntaxErrorClass, &regexpClass,
            &dateClass,       &promiseClass,        &symbolClass,      &weakMapClass,
            &weakSetClass,    &weakRefClass};
}

void VM::markRoots(Tracer& t) {
    for (Class** c : builtinClassSlots())
        if (*c) t.mark(*c);
    for (auto& [path, exports] : stagedExports_)
        t.mark(exports);
    for (const ReturnBarrierEntry& b : returnBarriers_) {
        t.mark(b.thread); // a barrier's thread outlives it, even if it finishes meanwhile
        if (!b.transfer) continue;
        t.mark(b.transfer->closure);
        for (auto& [slot, v] : b.transfer->given)
            t.mark(v);
    }
    for (auto& g : globals) {
        t.mark(g.name);
        t.mark(g.value);
    }
    for (Module* m : moduleList_)
        t.mark(m);
    for (Value v : compilerRoots)
        t.mark(v);
    for (Value v : keptObjects_)
        t.mark(v);
    for (auto& [c, view] : prototypeViews_) {
        t.mark(c);
        t.mark(view);
    }
    if (hasPending_) t.mark(pending_);
    if (mainThread_) t.mark(mainThread_);
    if (hostThread_) t.mark(hostThread_);
    String** names = reinterpret_cast<String**>(&this->names);
    for (size_t i = 0; i < sizeof(Names) / sizeof(String*); ++i)
        if (names[i]) t.mark(names[i]);
    Symbol** wellKnown = reinterpret_cast<Symbol**>(&symbols);
    for (size_t i = 0; i < sizeof(WellKnownSymbols) / sizeof(Symbol*); ++i)
        if (wellKnown[i]) t.mark(wellKnown[i]);
    for (auto& [key, sym] : symbolRegistry_)
        t.mark(sym);
    scheduler_->markRoots(t);
}

void VM::sweepInternTable() {
    classes_.erase(std::remove_if(classes_.begin(), classes_.end(),
                                  [this](Class* c) { return !heap.isMarked(c); }),
                   classes_.end());
    protos_.erase(std::remove_if(protos_.begin(), protos_.end(),
                                 [this](FunctionProto* p) { return !heap.isMarked(p); }),
                  protos_.end());
    generators_.erase(std::remove_if(generators_.begin(), generators_.end(),
                                     [this](Generator* g) { return !heap.isMarked(g); }),
                      generators_.end());
    for (auto it = internTable_.begin(); it != internTable_.end();) {
        if (!heap.isMarked(it->second))
            it = internTable_.erase(it);
        else
            ++it;
    }
}

void VM::visitRoots(EdgeVisitor& v) {
    for (Class** c : builtinClassSlots())
        if (*c) v.visitTyped(*c);
    for (auto& g : globals)
        v.visit(g.value);
    for (Value& r : compilerRoots)
        v.visit(r);
    for (Value& r : keptObjects_)
        v.visit(r);
    if (hasPending_) v.visit(pending_);
    for (ReturnBarrierEntry& b : returnBarriers_)
        if (b.transfer) {
            v.visitTyped(b.transfer->closure);
            for (auto& [slot, value] : b.transfer->given)
                v.visit(value);
        }
    scheduler_->visitRoots(v);
}

std::string VM::describeReceiver(Value v) {
    if (v.isUndefined()) return "undefined";
    if (v.isNull()) return "null";
    if (isString(v)) return "\"" + std::string(asString(v)->view()) + "\"";
    if (!v.isObject()) return toStdString(v);
    Obj* o = v.asObject();
    switch (o->kind) {
    case ObjKind::Instance: return std::string(o->klass->name->view());
    case ObjKind::Class: return std::string(static_cast<Class*>(o)->name->view());
    case ObjKind::Array: return "array";
    case ObjKind::Record: return "object";
    default: return std::string(o->klass->name->view());
    }
}

// ---------------------------------------------------------------- strings

// Whether `s` is all ASCII, and how many UTF-16 units its UTF-8 encodes.
static void measureUtf8(std::string_view s, bool& ascii, uint32_t& units) {
    ascii = true;
    units = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = uint8_t(s[i]);
        if (c >= 0x80) ascii = false;
        if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1; // astral code points are two UTF-16 units
    }
}

static String* allocString(Heap& heap, Class* klass, std::string_view s) {
    auto* str = heap.allocate<String>(ObjKind::String, klass, sizeof(String) + s.size());
    str->length = uint32_t(s.size());
    std::memcpy(str->inlineChars, s.data(), s.size());
    str->inlineChars[s.size()] = '\0';
    str->chars = str->inlineChars;
    measureUtf8(s, str->ascii, str->utf16Length);
    str->interned = false;
    return str;
}

static StringBuffer* newStringBuffer(Heap& heap, size_t capacity) {
    MOLT_CHECK(capacity <= UINT32_MAX, "string too long");
    auto* b = static_cast<StringBuffer*>(std::malloc(sizeof(StringBuffer) + capacity));
    MOLT_CHECK(b, "out of memory");
    heap.noteOutsideBytes(sizeof(StringBuffer) + capacity);
    b->refs = 0;
    b->used = 0;
    b->capacity = uint32_t(capacity);
    return b;
}

String* VM::concat(String* left, std::string_view right) {
    if (right.empty()) return left;
    size_t total = size_t(left->length) + right.size();
    MOLT_CHECK(total <= UINT32_MAX - sizeof(StringBuffer), "string too long");
    StringBuffer* buf = left->buffer;
    bool appendInPlace = buf && left->chars + left->length == buf->bytes + buf->used &&
                         buf->capacity - buf->used >= right.size();
    if (!appendInPlace && total < kStringBuilderMin) {
        std::string out(left->view());
        out.append(right);
        return newString(out);
    }
    Root keepLeft(heap, Value::object(left));
    auto* str = heap.allocate<String>(ObjKind::String, stringClass, sizeof(String));
    // The allocation may have collected, but never `left` (rooted) nor its buffer.
    if (!appendInPlace) {
        buf = newStringBuffer(heap, std::max(total * 2, size_t(kStringBuilderMin) * 4));
        std::memcpy(buf->bytes, left->chars, left->length);
        buf->used = left->length;
    }
    // `right` may point into this very buffer (s += s): below `used`, so no overlap.
    std::memcpy(buf->bytes + buf->used, right.data(), right.size());
    buf->used += uint32_t(right.size());
    buf->refs++;
    str->buffer = buf;
    str->chars = buf->bytes + buf->used - total;
    str->length = uint32_t(total);
    bool rightAscii;
    uint32_t rightUnits;
    measureUtf8(right, rightAscii, rightUnits);
    str->ascii = left->ascii && rightAscii;
    str->utf16Length = left->utf16Length + rightUnits;
    str->interned = false;
    return str;
}

String* VM::intern(std::string_view s) {
    auto it = internTable_.find(s);
    if (it != internTable_.end()) return it->second;
    String* str = allocString(heap, stringClass, s);
    str->interned = true;
    internTable_.emplace(str->view(), str);
    return str;
}

String* VM::newString(std::string_view s) {
    if (s.size() <= 1) return intern(s); // single characters are shared
    return allocString(heap, stringClass, s);
}

// ---------------------------------------------------------------- objects

Array* VM::newArray(uint32_t capacity) {
    auto* a = heap.allocate<Array>(ObjKind::Array, arrayClass);
    if (capacity) arrayReserve(a, capacity);
    return a;
}

void VM::arrayReserve(Array* a, uint32_t capacity) {
    if (capacity <= a->capacity) return;
    if (a->front && a->front >= a->length) {
        // The room shift() left is at least as large as the contents: move them back.
        Value* base = a->block();
        std::memmove(base, a->elements, a->length * sizeof(Value));
        a->elements = base;
        a->capacity += a->front;
        a->front = 0;
        if (capacity <= a->capacity) return;
    }
    uint32_t cap = std::max<uint32_t>(capacity, a->capacity * 2);
    cap = std::max<uint32_t>(cap, 4);
    auto* e =
        static_cast<Value*>(std::realloc(a->block(), (size_t(a->front) + cap) * sizeof(Value)));
    MOLT_CHECK(e, "out of memory");
    heap.noteOutsideBytes(size_t(cap - a->capacity) * sizeof(Value));
    a->elements = e + a->front;
    a->capacity = cap;
}

void VM::arrayPush(Array* a, Value v) {
    if (a->length == a->capacity) arrayReserve(a, a->length + 1);
    a->elements[a->length++] = v;
}

void VM::arraySetLength(Array* a, uint32_t length) {
    if (length > a->length) {
        arrayReserve(a, length);
        for (uint32_t i = a->length; i < length; ++i)
            a->elements[i] = Value::empty();
    }
    a->length = length;
}

MapObj* VM::newMap() {
    return heap.allocate<MapObj>(ObjKind::Map, mapClass);
}
MapObj* VM::newSet() {
    return heap.allocate<MapObj>(ObjKind::Set, setClass);
}

Value VM::newInstance(Class* cls) {
    size_t n = cls->fields.size();
    auto* in = heap.allocate<Instance>(ObjKind::Instance, cls,
                                       sizeof(Instance) + (n ? n - 1 : 0) * sizeof(Value));
    in->slotCount = uint32_t(n);
    for (size_t i = 0; i < n; ++i)
        in->slots[i] = Value::empty(); // not a property until it is assigned (value.h)
    return Value::object(in);
}

Closure* VM::newClosure(FunctionProto* proto) {
    size_t n = proto->upvalues.size();
    auto* c = heap.allocate<Closure>(ObjKind::Closure, functionClass,
                                     sizeof(Closure) + (n ? n - 1 : 0) * sizeof(Upvalue*));
    c->proto = proto;
    c->upvalueCount = uint32_t(n);
    for (size_t i = 0; i < std::max<size_t>(n, 1); ++i)
        c->upvalues[i] = nullptr;
    return c;
}

Native* VM::newNative(std::string_view name, NativeFn fn, int arity, Value data) {
    Root keep(heap, data);
    String* n = intern(name);
    Root keepName(heap, Value::object(n));
    auto* nat = heap.allocate<Native>(ObjKind::Native, functionClass);
    nat->name = n;
    nat->fn = fn;
    nat->arity = int16_t(arity);
    nat->data = data;
    return nat;
}

Iterator* VM::newIterator(Value target, IterKind kind) {
    Root keep(heap, target);
    auto* it = heap.allocate<Iterator>(ObjKind::Iterator, iteratorClass);
    it->target = target;
    it->iterKind = kind;
    return it;
}

// ---------------------------------------------------------------- classes

Class* VM::newBuiltinClass(std::string_view name, Class* super) {
    String* n = intern(name);
    Root keep(heap, Value::object(n));
    auto* c = heap.allocate<Class>(ObjKind::Class, classClass);
    registerClass(c);
    c->name = n;
    c->super = super;
    c->flags = uint8_t(ClassFlag::Builtin);
    if (super) {
        c->fields = super->fields;
        c->slotOf = super->slotOf;
        c->ownFieldStart = uint32_t(c->fields.size());
        c->depth = super->depth + 1;
        c->instanceKind = super->instanceKind;
        c->constructor = super->constructor;
        c->methods = super->methods;
        c->getters = super->getters;
        c->setters = super->setters;
    }
    return c;
}

void VM::defineMethod(Class* cls, std::string_view name, NativeFn fn, int arity) {
    Native* n = newNative(name, fn, arity);
    cls->ownMethods[n->name] = Value::object(n);
    cls->methods[n->name] = Value::object(n);
}

void VM::defineGetter(Class* cls, std::string_view name, NativeFn fn) {
    Native* n = newNative(name, fn, 0);
    cls->ownGetters[n->name] = Value::object(n);
    cls->getters[n->name] = Value::object(n);
}

void VM::defineStaticMethod(Class* cls, std::string_view name, NativeFn fn, int arity) {
    Native* n = newNative(name, fn, arity);
    cls->staticMethods[n->name] = Value::object(n);
}

void VM::defineStaticValue(Class* cls, std::string_view name, Value v) {
    Root keep(heap, v);
    defineStaticValue(cls, intern(name), keep.value);
}

void VM::defineStaticValue(Class* cls, String* n, Value v) {
    for (size_t i = 0; i < cls->staticNames.size(); ++i)
        if (cls->staticNames[i] == n) {
            cls->staticValues[i] = v;
            return;
        }
    cls->staticNames.push_back(n);
    cls->staticValues.push_back(v);
}

void VM::defineGlobal(std::string_view name, Value v) {
    Root keep(heap, v);
    String* n = intern(name);
    auto it = globalIndex.find(n);
    if (it != globalIndex.end()) {
        globals[it->second].value = v;
        return;
    }
    globalIndex.emplace(n, uint32_t(globals.size()));
    globals.push_back({n, v});
}

Value VM::global(std::string_view name) const {
    auto s = internTable_.find(name);
    if (s == internTable_.end()) return Value::undefined();
    auto it = globalIndex.find(s->second);
    return it == globalIndex.end() ? Value::undefined() : globals[it->second].value;
}

void VM::dropCachesFor(const std::vector<Class*>& classes) {
    if (classes.empty()) return;
    for (Class* c : classes)
        if (auto it = prototypeViews_.find(c); it != prototypeViews_.end()) {
            viewClasses_.erase(it->second);
            prototypeViews_.erase(it);
        }
    std::unordered_set<const Class*> set(classes.begin(), classes.end());
    for (FunctionProto* p : protos_)
        for (InlineCache& ic : p->caches)
            if (ic.klass && set.count(ic.klass)) ic = InlineCache{};
}

Class* VM::defineClass(const Array* shape, Value superValue, Module* module) {
    Class* super = nullptr;
    if (!superValue.isUndefined()) {
        if (!isKind(superValue, ObjKind::Class)) {
            throwTypeError("Class extends value " + toStdString(superValue) +
                           " is not a constructor or null");
            return nullptr;
        }
        super = as<Class>(superValue);
        if (super->nativeConstruct || super == objectClass || super == functionClass) {
            throwTypeError("extending the built-in class " + std::string(super->name->view()) +
                           " is not supported");
            return nullptr;
        }
    }
    auto* c = heap.allocate<Class>(ObjKind::Class, classClass);
    registerClass(c);
    c->name = asString(shape->elements[0]);
    c->super = super;
    c->module = module;
    c->version = classGeneration_;
    if (super) {
        c->fields = super->fields;
        c->slotOf = super->slotOf;
        c->depth = super->depth + 1;
    }
    c->ownFieldStart = uint32_t(c->fields.size());
    // Declared fields come first; fields inferred from `this.x =` in the methods do not
    // take a slot where the superclass has an accessor of that name.
    // The shape is [name, declared count, ClassFlag bits, fields...] (compiler_classes.cpp).
    uint32_t declared = uint32_t(shape->elements[1].asInt());
    c->flags |= uint8_t(shape->elements[2].asInt() & int32_t(ClassFlag::FunctionStyle));
    for (uint32_t i = 3; i < shape->length; ++i) {
        String* f = asString(shape->elements[i]);
        if (c->slotOf.count(f)) continue;
        bool inferred = i >= 3 + declared;
        if (inferred && super && (super->getters.count(f) || super->setters.count(f))) continue;
        c->slotOf[f] = uint32_t(c->fields.size());
        c->fields.push_back(f);
    }
    return c;
}

void VM::finishClass(Class* cls) {
    if (cls->super) {
        cls->methods = cls->super->methods;
        cls->getters = cls->super->getters;
        cls->setters = cls->super->setters;
    } else {
        cls->methods.clear();
        cls->getters.clear();
        cls->setters.clear();
    }
    // A member redefined in a subclass replaces the inherited one of every kind: a method
    // named like an inherited accessor hides the accessor, and the other way round.
    for (auto& [k, v] : cls->ownMethods) {
        cls->getters.erase(k);
        cls->setters.erase(k);
        cls->methods[k] = v;
    }
    for (auto& [k, v] : cls->ownGetters) {
        cls->methods.erase(k);
        cls->getters[k] = v;
    }
    for (auto& [k, v] : cls->ownSetters) {
        cls->methods.erase(k);
        cls->setters[k] = v;
    }
    bool hook = cls->staticMethods.count(symbols.hasInstance) ||
                (cls->super && (cls->super->flags & uint8_t(ClassFlag::HasInstance)));
    cls->flags = uint8_t((cls->flags & ~uint8_t(ClassFlag::HasInstance)) |
                         (hook ? uint8_t(ClassFlag::HasInstance) : 0));
    cls->flags |= uint8_t(ClassFlag::Finished);
}

Class* VM::classOf(Value v) const {
    if (v.isObject()) return v.asObject()->klass;
    if (v.isNumber()) return numberClass;
    if (v.isBool()) return booleanClass;
    return nullptr;
}

Value VM::lookupMethod(Class* cls, String* name) const {
    if (!cls) return Value::empty();
    auto it = cls->methods.find(name);
    if (it != cls->methods.end()) return it->second;
    // Every class inherits Object.prototype's methods (hasOwnProperty, isPrototypeOf,
    // toString, valueOf), as every prototype chain ends there; a class's own win.
    if (cls == objectClass || !objectClass) return Value::empty();
    it = objectClass->methods.find(name);
    return it == objectClass->methods.end() ? Value::empty() : it->second;
}

bool VM::instanceOf(Value v, Class* cls) const {
    if (!v.isObject()) return false;
    if (cls == objectClass) return true;
    Class* k = v.asObject()->klass;
    return k && k->isSubclassOf(cls);
}

bool VM::isCallable(Value v) const {
    return isCallableValue(v);
}

// ---------------------------------------------------------------- exceptions

Value VM::throwValue(Value exception) {
    pending_ = exception;
    hasPending_ = true;
    return Value::exception();
}

Value VM::takePendingException() {
    Value v = pending_;
    pending_ = Value::undefined();
    hasPending_ = false;
    return v;
}

Value VM::throwError(Class* errorClass, std::string_view message) {
    Value msg = str(message);
    Root keep(heap, msg);
    Value err = construct(Value::object(errorClass), &msg, 1);
    if (err.isException()) return err;
    return throwValue(err);
}

// ---------------------------------------------------------------- calls from C++

Thread* VM::hostThread() {
    if (!hostThread_) hostThread_ = newThread(Value::undefined());
    return hostThread_;
}

// Whether the OS thread's stack is too deep for another nested interpreter loop: less
// than a reserve (an eighth of the stack, 64 KiB to 1 MiB) is left for it and for the
// natives it may call. The bounds are read once per OS thread (the IDE runs the VM on a
// thread of its own).
static bool nativeStackExhausted() {
    thread_local uintptr_t limit = [] {
        pthread_attr_t attr;
        void* low = nullptr;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) != 0) return uintptr_t(0);
        pthread_attr_getstack(&attr, &low, &size);
        pthread_attr_destroy(&attr);
        size_t reserve = std::clamp<size_t>(size / 8, 64 * 1024, 1024 * 1024);
        return uintptr_t(low) + reserve;
    }();
    return uintptr_t(__builtin_frame_address(0)) < limit;
}

Value VM::call(Value fn, Value thisValue, const Value* args, int argc) {
    if (nativeStackExhausted()) [[unlikely]]
        return throwRangeError("Maximum call stack size exceeded");
    Thread* t = current_ ? current_ : hostThread();
    Thread* saved = current_;
    current_ = t;
    if (fn.isObject() && fn.asObject()->kind == ObjKind::Native &&
        !(fn.asObject()->flags & (kNativeResumesGenerator | kNativeForwards))) {
        // Natives are called directly; args stay rooted by the caller. Generator methods
        // push the generator's frame and forwarding natives their target's (pushCall),
        // which then runs in the nested loop.
        auto* n = static_cast<Native*>(fn.asObject());
        Value r = n->fn(*this, thisValue, const_cast<Value*>(args), argc);
        current_ = saved;
        return r;
    }
    if (t->sp + argc + 2 + 64 >= t->stackEnd) {
        current_ = saved;
        return throwRangeError("Maximum call stack size exceeded");
    }
    Value* slot = t->sp;
    *t->sp++ = fn;
    *t->sp++ = thisValue;
    for (int i = 0; i < argc; ++i)
        *t->sp++ = args[i];
    size_t depth = t->frames.size();
    nestedDepth++;
    Value result;
    if (!pushCall(t, fn, argc, slot, kFrameBoundary)) {
        result = Value::exception();
    } else if (t->frames.size() == depth) {
        result = *slot; // a native or class-call that completed immediately
    } else {
        result = runFrame(t, depth);
    }
    nestedDepth--;
    t->sp = slot;
    current_ = saved;
    return result;
}

Value VM::construct(Value cls, const Value* args, int argc) {
    if (!isKind(cls, ObjKind::Class)) return throwTypeError("value is not a constructor");
    Class* c = as<Class>(cls);
    if (c->nativeConstruct) {
        Value r = c->nativeConstruct(*this, c, const_cast<Value*>(args), argc);
        if (!r.isEmpty()) return r;
        // Its hosted half, on a nested loop (there is no interpreter stack to push it on).
        Root body(heap, constructBody), self(heap, constructThis);
        return call(body.value, self.value, args, argc);
    }
    Value obj = newInstance(c);
    Root keep(heap, obj);
    if (isKind(c->fieldInit, ObjKind::Closure) && isKind(c->constructor, ObjKind::Closure) &&
        !as<Closure>(c->constructor)->proto->has(FunctionFlag::Constructor)) {
        // A constructor installed by an update: run the field initializers first (interpreter.cpp).
        Value r = call(c->fieldInit, obj, nullptr, 0);
        if (r.isException()) return r;
    }
    if (c->constructor.isUndefined()) return obj;
    Thread* t = current_ ? current_ : hostThread();
    if (isKind(c->constructor, ObjKind::Native)) {
        Value r = as<Native>(c->constructor)->fn(*this, obj, const_cast<Value*>(args), argc);
        if (r.isException()) return r;
        return r.isObject() ? r : obj;
    }
    // Only now does a nested loop start (a native constructor above needs none: the
    // RangeError below is itself constructed that way).
    if (nativeStackExhausted()) [[unlikely]]
        return throwRangeError("Maximum call stack size exceeded");
    Thread* saved = current_;
    current_ = t;
    Value* slot = t->sp;
    *t->sp++ = cls;
    *t->sp++ = obj;
    for (int i = 0; i < argc; ++i)
        *t->sp++ = args[i];
    size_t depth = t->frames.size();
    nestedDepth++;
    Value result;
    if (!pushCall(t, c->constructor, argc, slot, kFrameBoundary | kFrameConstruct))
        result = Value::exception();
    else
        result = runFrame(t, depth);
    nestedDepth--;
    t->sp = slot;
    current_ = saved;
    return result;
}

// ---------------------------------------------------------------- errors and traces

std::vector<StackFrameInfo> VM::captureStack(const Thread* thread, size_t limit) const {
    std::vector<StackFrameInfo> out;
    const Thread* t = thread ? thread : current_;
    if (!t) return out;
    for (size_t i = t->frames.size(); i > 0 && out.size() < limit; --i) {
        const CallFrame& f = t->frames[i - 1];
        const FunctionProto* p = f.closure->proto;
        StackFrameInfo info;
        // The hosted built-ins show as node shows its own (`at Array.forEach (<anonymous>)`);
        // their helpers keep their place (formatStackTrace leaves them out).
        if (p->file && p->name && isHostedBuiltinsFile(p->file->view())) [[unlikely]] {
            std::string_view fn = p->name->view();
            size_t dollar = fn.find('$');
            if (dollar != std::string_view::npos) {
                info.function =
                    std::string(fn.substr(0, dollar)) + "." + std::string(fn.substr(dollar + 1));
                info.file = "<anonymous>";
                out.push_back(std::move(info));
                continue;
            }
        }
        // A private method shows as written (`A.#m`), as node prints it.
        std::string name = p->name ? std::string(PrivateName::written(p->name->view())) : "";
        Class* home = f.closure->homeClass;
        if (p->has(FunctionFlag::Module))
            name = "<module>";
        else if (p->has(FunctionFlag::Constructor))
            name = "new " + name;
        else if (home && p->has(FunctionFlag::Method) && name.rfind("<", 0) != 0)
            name = std::string(home->name->view()) + "." + name;
        if (name.empty()) name = "<anonymous>";
        info.function = name;
        info.file = p->file ? std::string(p->file->view()) : "";
        // A suspended frame whose function took new code in place (an update) has its ip
        // in the old code: it is shown at the function's start.
        const uint8_t* ip = resumeIp(t, i - 1);
        bool inCode = ip >= p->code.data() && ip <= p->code.data() + p->code.size();
        uint32_t pc = inCode ? uint32_t(ip - p->code.data()) : 0;
        if (pc > 0) pc--;
        if (!inCode) {
            info.line = p->defLine;
            info.column = p->defColumn;
        }
        for (const LineEntry& e : p->lines) {
            if (!inCode) break;
            if (e.pc > pc) break;
            info.line = e.line;
            info.column = e.column;
        }
        out.push_back(std::move(info));
    }
    return out;
}

std::string VM::formatStackTrace(const std::vector<StackFrameInfo>& frames, size_t limit) {
    std::string out;
    size_t shown = 0;
    for (auto& f : frames) {
        if (shown == limit) break;
        if (isHostedBuiltinsFile(f.file)) continue;
        out += "    at " + f.function + " (" + f.file;
        if (f.line) out += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
        out += ")\n";
        ++shown;
    }
    return out;
}

// "file:line:col" (the file may hold colons itself) into `f`; false for anything else.
static bool parseLocation(std::string_view text, StackFrameInfo& f) {
    size_t colon2 = text.rfind(':');
    if (colon2 == std::string_view::npos || colon2 == 0) return false;
    size_t colon1 = text.rfind(':', colon2 - 1);
    if (colon1 == std::string_view::npos || colon1 == 0) return false;
    auto number = [](std::string_view digits, uint32_t& out) {
        if (digits.empty() || digits.size() > 9) return false;
        out = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + uint32_t(c - '0');
        }
        return true;
    };
    if (!number(text.substr(colon1 + 1, colon2 - colon1 - 1), f.line) ||
        !number(text.substr(colon2 + 1), f.column))
        return false;
    f.file = std::string(text.substr(0, colon1));
    return true;
}

std::vector<StackFrameInfo> VM::parseStackTrace(std::string_view trace) {
    std::vector<StackFrameInfo> out;
    while (!trace.empty()) {
        size_t end = trace.find('\n');
        std::string_view line = trace.substr(0, end);
        trace = end == std::string_view::npos ? std::string_view() : trace.substr(end + 1);
        size_t at = line.find_first_not_of(' ');
        if (at == std::string_view::npos || line.substr(at, 3) != "at ") continue;
        line.remove_prefix(at + 3);
        StackFrameInfo f;
        if (line.ends_with(')') && line.find(" (") != std::string_view::npos) {
            size_t open = line.rfind(" (");
            f.function = std::string(line.substr(0, open));
            if (!parseLocation(line.substr(open + 2, line.size() - open - 3), f)) continue;
        } else if (!parseLocation(line, f)) {
            continue;
        }
        out.push_back(std::move(f));
    }
    return out;
}

std::string VM::describeUncaught(Value exception) {
    std::string out = "Uncaught ";
    // With a cause, node prints the error as console.log would: the stack, then the cause.
    bool hasCause = isKind(exception, ObjKind::Instance) && instanceOf(exception, errorClass) &&
                    !as<Instance>(exception)->slots[kErrorCauseSlot].isEmpty();
    if (instanceOf(exception, errorClass) && !hasCause) {
        Value name = getProperty(exception, names.name);
        if (name.isException()) {
            takePendingException();
            name = Value::object(names.name);
        }
        Value message = getProperty(exception, names.message);
        if (message.isException()) {
            takePendingException();
            message = Value::object(names.empty);
        }
        std::string m = toStdString(message);
        std::string header = toStdString(name);
        if (!m.empty()) header += ": " + m;
        Value stack = getProperty(exception, names.stack);
        // node's own errors carry their code in the stack's header
        // ("Error [ERR_UNHANDLED_ERROR]: ..."), and node prints that header.
        if (isString(stack)) {
            std::string_view s = asString(stack)->view();
            std::string_view first = s.substr(0, s.find('\n'));
            std::string coded = toStdString(name) + " [";
            if (first.rfind(coded, 0) == 0 && first.find("]: " + m) != std::string_view::npos)
                header = std::string(first);
        }
        out += header + "\n";
        if (isString(stack)) {
            auto s = asString(stack)->view();
            size_t at = s.find("\n    at ");
            if (at != std::string_view::npos) out += std::string(s.substr(at + 1));
            if (!out.empty() && out.back() != '\n') out += "\n";
        }
        return out;
    }
    out += inspect(exception) + "\n";
    return out;
}

// Error(message): the constructor every error class shares.
static Value errorConstruct(VM& vm, Value thisValue, Value* args, int argc) {
    if (!isKind(thisValue, ObjKind::Instance)) return Value::undefined();
    auto* in = as<Instance>(thisValue);
    Value message =
        argc > 0 && !args[0].isUndefined() ? vm.toString(args[0]) : Value::object(vm.names.empty);
    if (message.isException()) return message;
    in->slots[0] = message;
    Root keep(vm.heap, message);
    // InstallErrorCause: only an options object that has `cause` (own or inherited) gives one.
    if (argc > 1 && args[1].isObject() && !isString(args[1]) && !isSymbol(args[1])) {
        // A record says whether it has the key; for anything else (an instance, a function)
        // an undefined `cause` counts as none (Molt has no way to tell the two apart there).
        Value options = args[1];
        bool has = !isKind(options, ObjKind::Record) ||
                   !vm.recordGet(as<Record>(options), vm.names.cause).isEmpty();
        if (has) {
            Value cause = vm.getProperty(options, vm.names.cause); // runs a getter, as node does
            if (cause.isException()) return cause;
            if (isKind(options, ObjKind::Record) || !cause.isUndefined())
                in->slots[VM::kErrorCauseSlot] = cause;
        }
    }
    // The stack's header uses the builtin error name; frames are this thread's, minus the
    // error's own constructor frames, at most kStackTraceLimit of them as in node (a
    // RangeError at a depth of 100,000 frames must not format them all). The constructor
    // frames of a deep subclass chain come first, so a few more are read than kept.
    std::vector<StackFrameInfo> frames = vm.captureStack(nullptr, VM::kStackTraceLimit + 64);
    while (!frames.empty() && frames.front().function.rfind("new ", 0) == 0 &&
           vm.instanceOf(thisValue, vm.errorClass)) {
        std::string cls = frames.front().function.substr(4);
        bool isErrorCtor = false;
        for (Class* k = in->klass; k; k = k->super)
            if (k->name->view() == cls) isErrorCtor = true;
        if (!isErrorCtor) break;
        frames.erase(frames.begin());
    }
    Class* builtin = in->klass;
    while (builtin && !(builtin->flags & uint8_t(ClassFlag::Builtin)))
        builtin = builtin->super;
    std::string header = std::string(builtin ? builtin->name->view() : "Error");
    std::string m(asString(message)->view());
    if (!m.empty()) header += ": " + m;
    std::string trace = VM::formatStackTrace(frames, VM::kStackTraceLimit);
    if (!trace.empty()) trace.pop_back(); // no newline after the last frame
    in->slots[1] = vm.str(header + "\n" + trace);
    return Value::undefined();
}

static Value errorToString(VM& vm, Value thisValue, Value*, int) {
    Value name = vm.getProperty(thisValue, vm.names.name);
    if (name.isException()) return name;
    Value msg = vm.getProperty(thisValue, vm.names.message);
    if (msg.isException()) return msg;
    std::string m = vm.toStdString(msg);
    return vm.str(vm.toStdString(name) + (m.empty() ? "" : ": " + m));
}

// ---------------------------------------------------------------- bootstrap

void VM::installBuiltins() {
    // The class of classes must exist before any class can be allocated.
    classClass = heap.allocate<Class>(ObjKind::Class, nullptr);
    classClass->klass = classClass;
    classClass->flags = uint8_t(ClassFlag::Builtin);
    internalClass = heap.allocate<Class>(ObjKind::Class, classClass);
    internalClass->flags = uint8_t(ClassFlag::Builtin);
    stringClass = heap.allocate<Class>(ObjKind::Class, classClass);
    stringClass->flags = uint8_t(ClassFlag::Builtin);
    for (Class* c : {classClass, internalClass, stringClass})
        registerClass(c);
    classClass->name = intern("Class");
    internalClass->name = intern("Internal");
    stringClass->name = intern("String");

    String** nameSlots = reinterpret_cast<String**>(&names);
    const char* nameTexts[] = {
        "length",    "constructor", "name",    "message", "stack",      "prototype", "size",
        "toString",  "toJSON",      "valueOf", "next",    "done",       "value",     "anonymous",
        "",          "exports",     "module",  "require", "__filename", "__dirname", "cause",
        "undefined", "null",        "true",    "false",   "object",     "number",    "string",
        "boolean",   "function",    "index",   "input",   "groups",     "indices",   "symbol"};
    static_assert(sizeof(nameTexts) / sizeof(nameTexts[0]) == sizeof(Names) / sizeof(String*));
    for (size_t i = 0; i < sizeof(Names) / sizeof(String*); ++i)
        nameSlots[i] = intern(nameTexts[i]);

    objectClass = newBuiltinClass("Object");
    arrayClass = newBuiltinClass("Array");
    arrayClass->instanceKind = ObjKind::Array;
    numberClass = newBuiltinClass("Number");
    booleanClass = newBuiltinClass("Boolean");
    functionClass = newBuiltinClass("Function");
    mapClass = newBuiltinClass("Map");
    mapClass->instanceKind = ObjKind::Map;
    setClass = newBuiltinClass("Set");
    setClass->instanceKind = ObjKind::Set;
    iteratorClass = newBuiltinClass("Iterator");
    moduleClass = newBuiltinClass("Module");
    threadClass = newBuiltinClass("Thread");
    generatorClass = newBuiltinClass("Generator");
    // What each built-in class's objects are (the DSU migrates only field-layout instances).
    stringClass->instanceKind = ObjKind::String;
    objectClass->instanceKind = ObjKind::Record;
    functionClass->instanceKind = ObjKind::Closure;
    classClass->instanceKind = ObjKind::Class;
    internalClass->instanceKind = ObjKind::FunctionProto;
    iteratorClass->instanceKind = ObjKind::Iterator;
    moduleClass->instanceKind = ObjKind::Module;
    threadClass->instanceKind = ObjKind::Thread;
    generatorClass->instanceKind = ObjKind::Generator;

    errorClass = newBuiltinClass("Error");
    for (const char* f : {"message", "stack", "#properties@Error", "cause"}) {
        String* n = intern(f);
        errorClass->slotOf[n] = uint32_t(errorClass->fields.size());
        errorClass->fields.push_back(n);
    }
    errorClass->constructor = Value::object(newNative("Error", errorConstruct, 1));
    defineMethod(errorClass, "toString", errorToString, 0);
    typeErrorClass = newBuiltinClass("TypeError", errorClass);
    rangeErrorClass = newBuiltinClass("RangeError", errorClass);
    referenceErrorClass = newBuiltinClass("ReferenceError", errorClass);
    syntaxErrorClass = newBuiltinClass("SyntaxError", errorClass);
    for (Class* c :
         {errorClass, typeErrorClass, rangeErrorClass, referenceErrorClass, syntaxErrorClass})
        defineGlobal(c->name->view(), Value::object(c));

    defineGlobal("Object", Value::object(objectClass));
    defineGlobal("Array", Value::object(arrayClass));
    defineGlobal("String", Value::object(stringClass));
    defineGlobal("Number", Value::object(numberClass));
    defineGlobal("Boolean", Value::object(booleanClass));
    defineGlobal("Map", Value::object(mapClass));
    defineGlobal("Set", Value::object(setClass));
    defineGlobal("Function", Value::object(functionClass));

    installObjectBuiltins(*this);
    installStringBuiltins(*this);
    installNumberBuiltins(*this);
    installArrayBuiltins(*this);
    installMathBuiltins(*this);
    installJsonBuiltins(*this);
    installMapSetBuiltins(*this);
    installConsoleBuiltins(*this);
    installProcessBuiltins(*this);
    installThreadBuiltins(*this);
    installMopBuiltins(*this);
    installRegExpBuiltins(*this);
    installDateBuiltins(*this);
    installIntlBuiltins(*this);
    installUriBuiltins(*this);
    installCloneBuiltins(*this);
    installGeneratorBuiltins(*this);
    installIteratorBuiltins(*this);
    installSymbolBuiltins(*this);
    installFunctionBuiltins(*this);
    globalObject = newNamespace(*this, "global");
    defineGlobal("globalThis", Value::object(globalObject));
}

} // namespace molt
