// vm.h — the virtual machine: heap, built-in classes, globals, modules, green threads.
//
// One VM runs on one OS thread. Hosted code runs in green threads (Thread objects, each
// with its own value stack and call frames) that the scheduler switches between at
// preemption points (backward jumps and calls) and when a thread sleeps or yields.
//
// Error convention (no C++ exceptions cross this API): a native or helper that throws a
// hosted exception stores it with `throwValue`/`throwTypeError`/... and returns
// Value::exception(); callers check `isException()` and propagate. Natives never see a
// pending exception on entry.
//
// Re-entrancy: `call` runs hosted code from C++ (getters, comparators, callbacks) on the
// current thread's stack in a nested interpreter loop. Preemption is disabled while a
// nested loop is active, so green-thread switches only ever happen at the outermost level
// and C++ frames never need to be suspended.
#pragma once

#include "runtime/core/heap.h"
#include "runtime/core/object.h"
#include "runtime/core/result.h"
#include "runtime/core/value.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace molt::dsu {
class Transaction; // the DSU core's; the runtime only holds a pointer to it (activeUpdate)
}

namespace molt {

class Scheduler;
class RegExpCache;
struct Thread;
struct SourceOrigin; // compiler.h: generated code standing for another file's

struct CallFrame {
    Closure* closure;
    const uint8_t* ip;
    Value* base;       // base[0] = this
    Value* resultSlot; // where the return value goes; sp = resultSlot + 1 after return
    uint8_t flags;     // FrameFlag bits
};

enum FrameFlag : uint8_t {
    kFrameConstruct = 1, // `new`: a non-object return value yields `this`
    kFrameBoundary = 2,  // entered from C++ (VM::call): returning leaves the nested loop
    kFrameDiscard =
        4, // a setter: *resultSlot keeps the assigned value, the return value is dropped
    kFrameGenerator = 8, // a resumed generator's frame (its Generator is in a local)
    kFrameIterStep = 16, // resumed by a for-of (Op::IterNext): yields leave the step in the
                         // Generator and hand back the Generator itself, not a {value, done}
};

// Limits of one thread's hosted stack. Hosted calls never nest C++ frames (pushCall pushes
// a frame in the running loop), so their depth is bounded by these alone: kMaxFrames, or
// the thread's value stack (kStackValues in scheduler.cpp) for frames with many locals.
// node allows about 10,800 frames of a simple recursive function; Molt allows more. A call
// that goes through C++ (a getter, a callback of a native) nests an interpreter loop on
// the OS thread's stack, which VM::call bounds separately (nativeStackExhausted). Both
// limits throw node's `RangeError: Maximum call stack size exceeded`.
inline constexpr size_t kMaxFrames = 100000;
inline constexpr size_t kStackMargin = 256;

struct Handler {
    uint32_t frameIndex;
    uint32_t catchPc;
    uint32_t closeFromSlot; // locals >= this slot are closed when unwinding here
};

// Suspended: stopped by an exception no frame caught, its frames kept as they were at the
// throw (Scheduler::setSuspendOnUncaught); only the host ends it (terminate) or runs it
// again (restartFrame).
enum class ThreadState : uint8_t { Runnable, Sleeping, Waiting, Finished, Suspended };

struct Thread : Obj {
    Value* stack = nullptr;
    Value* stackEnd = nullptr;
    Value* sp = nullptr;
    // Reserved to kMaxFrames when the thread is made, and never grown past it: the running
    // loop holds a pointer to its frame while hosted code nested through C++ (a getter
    // reached by getProperty, a native's callback) pushes frames, so the storage must not
    // move. Only the pages frames touch are backed.
    std::vector<CallFrame> frames;
    std::vector<Handler> handlers;
    Upvalue* openUpvalues = nullptr;
    ThreadState state = ThreadState::Runnable;
    double wakeAt = 0; // ms on the VM clock, when Sleeping
    uint32_t threadId = 0;
    Value entry; // the function the thread runs
    Value result;
    String* name = nullptr;
    // While Suspended: the exception that stopped it, and the lowest frame an update since
    // then has made stale (its code or its class's layout changed; SIZE_MAX: none). Frames
    // from there up may only be dropped, never resumed.
    Value suspendedException;
    size_t staleFrom = SIZE_MAX;

    // The stack is part of the thread: the scheduler roots the threads it runs, and a
    // finished thread (stack released, sp null) keeps only its result and name.
    template<typename V> void visitEdges(V& v) {
        for (Value* p = stack; p < sp; ++p)
            v.visit(*p, "stack slot");
        for (CallFrame& f : frames)
            v.visitFixed(f.closure, "frame");
        for (Upvalue* u = openUpvalues; u; u = u->nextOpen)
            v.visitFixed(u, "open upvalue");
        v.visit(entry, "entry");
        v.visit(result, "result");
        v.visit(name, "name");
        v.visit(suspendedException, "suspended exception");
    }
};

// Positions of one hosted stack frame, for traces and the IDE's Threads view.
struct StackFrameInfo {
    std::string function;
    std::string file;
    uint32_t line = 0, column = 0;
};

struct CompileError {
    std::string file;
    uint32_t line = 0, column = 0; // 1-based
    std::string message;
    std::string sourceLine;
    std::string format() const; // "file:line:col: message\n<source line>\n<caret>"
};

class VM {
public:
    VM();
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    Heap heap;

    // ---- output (the CLI writes to stdout/stderr; the IDE installs its own sinks)
    std::function<void(std::string_view)> writeOut;
    std::function<void(std::string_view)> writeErr;
    // Pushes buffered output out; the scheduler calls it before the event loop blocks, so a
    // server's log lines appear while it waits for requests (stdout is a pipe or a file).
    std::function<void()> flushOutput;

    // ---- running programs
    // Loads and runs the main module, then runs green threads and timers until all are done
    // (or process.exit). Returns the process exit code: 0, 1 (uncaught exception, trace
    // printed to writeErr) or 2 (compile error, printed to writeErr).
    int runMain(const std::string& path, const std::vector<std::string>& argv);
    // Runs the main module's top level only (threads and timers stay pending).
    int runTopLevel(const std::string& path, const std::vector<std::string>& argv);
    // Runs `source` as the main module named `path` (nothing is read from disk), then the
    // event loop; returns the exit code as runMain does.
    int runSource(const std::string& path, const std::string& source);
    // Runs threads and timers until none is left; returns 0, or 1 on an uncaught exception.
    int runEventLoop();
    // Runs threads and timers until the main module's top level has finished (threads and
    // timers it started stay pending). Returns 0, 1 after an uncaught exception, or the
    // code passed to process.exit.
    int runUntilTopLevelDone();
    // Compiles `expression` in `module`'s namespace and evaluates it. A compile error is an
    // Error (nothing ran); a hosted throw is the Value Value::exception() with the exception
    // pending, as call() gives it. Its frames and compile errors are named `file`, at lines
    // and columns within the expression.
    Result<Value> evaluate(Module* module, const std::string& expression,
                           const std::string& file = "--eval");
    // Compiles `expression` as evaluate would, without running it: a closure of no
    // parameters to call with the module's exports as `this` (or to start on a green thread
    // of its own), or the compile Error. Names are resolved when it runs, so an expression
    // that compiles here may name bindings an update is about to add.
    // `firstLine` numbers the text's first line (0: it is a generated wrapper's line).
    Result<Value> compileExpression(Module* module, const std::string& expression,
                                    const std::string& file = "--eval", uint32_t firstLine = 1);
    // `expression` made into a function of `params` that catches what it throws: called (on a
    // green thread of its own, with a `this` and the params' values) it returns [true, value]
    // or [false, thrown], so a throw is the evaluator's answer and never an uncaught exception
    // of the program. The compile Error is the expression's own (compiled alone first), and
    // so are the lines and columns of its traces (the wrapper's line is line 0). Making the
    // function runs none of its code.
    Result<Value> compileGuardedExpression(Module* module, const std::string& expression,
                                           const std::vector<std::string>& params = {},
                                           const std::string& file = "--eval");
    // Loads (or returns the cached) module at an absolute path; exception on failure.
    Value requireModule(const std::string& absolutePath);
    // Loads (or returns the cached) core module `name` ("fs", "events"; see core_modules.h).
    Value requireCoreModule(const std::string& name);
    // ---- modules outside the running program (the DSU, version.h)
    // The next version of the live module `live`: `source` compiled against a copy of its
    // namespace (ModuleCompileOptions::NextVersion) and its definitions run. Nothing live
    // changes. Returns the staged copy, or fails with a compile error block, or
    // "path:line:col: Error: message" when a definition threw.
    // `displayPath` names the new version's file in messages.
    Result<Module*> stageModuleVersion(Module* live, const std::string& source,
                                       const std::unordered_set<std::string>& unchanged,
                                       const std::string& displayPath);
    // While a new version is staged, `require` of a staged module returns the new
    // version's exports (so a new binding can import a class the new version exports).
    // The DSU stages each changed module's exports, and clears them all when the update
    // is built or abandoned; they are roots meanwhile.
    void stageExports(const std::string& absolutePath, Value exports) {
        stagedExports_[absolutePath] = exports;
    }
    void clearStagedExports() { stagedExports_.clear(); }
    // Loads `source` as a module that is not part of the program (a patch script), named
    // `path`, evaluated in a copy of `base`'s namespace (or its own when base is null), and
    // runs it. Returns module.exports, or fails as above (no exception stays pending). The
    // module is returned in `out` (the caller keeps it alive). `origins`: the parts of a
    // generated `source` that stand for another file's code (ModuleCompileOptions).
    Result<Value> loadDetachedModule(const std::string& path, const std::string& source,
                                     Module* base, Module** out = nullptr,
                                     const std::vector<SourceOrigin>* origins = nullptr);
    // "file:line:col: Name: message" for an exception thrown by a definition or a script.
    std::string describeAtThrowSite(Value exception);
    bool exitRequested() const { return exitRequested_; }
    int exitCode() const { return exitCode_; }
    void requestExit(int code) {
        exitRequested_ = true;
        exitCode_ = code;
    }
    uint64_t stepLimit = 0; // 0 = unlimited; the fuzzer sets a budget of backward jumps + calls
    double timeLimitMs = 0; // 0 = unlimited; past it the program ends with exit code 124

    // ---- strings
    String* intern(std::string_view s);
    String* newString(std::string_view s); // not interned
    // left + right, amortized O(|right|) along a chain of appends (see StringBuffer).
    // `right` must stay valid across an allocation: a rooted string's bytes, or C++ memory.
    String* concat(String* left, std::string_view right);
    static constexpr uint32_t kStringBuilderMin = 256; // shorter results are copied flat
    Value str(std::string_view s) { return Value::object(newString(s)); }
    Value istr(std::string_view s) { return Value::object(intern(s)); }

    // ---- symbols (runtime/core/symbols.cpp; the layout is Symbol in object.h)
    // A new unique symbol; `description` is a String value or undefined.
    Symbol* newSymbol(Value description);
    // Symbol.for(key): the one registered symbol for that text, made on first use.
    Symbol* registeredSymbol(String* key);
    // The key a member named `name` has in the runtime's tables: a well-known symbol for
    // its DSU spelling (`@@iterator`), otherwise the interned string. The DSU and the MOP
    // turn the names scripts write into keys through this.
    String* memberKey(std::string_view name);
    // The well-known symbol spelled `@@name`, or null.
    Symbol* wellKnownSymbol(std::string_view spelling) const;
    // ToPropertyKey: a symbol stays itself, anything else becomes an interned string
    // (may throw: check isException).
    Value toPropertyKey(Value key);
    // "Symbol(desc)", as String(s) and s.toString() give it.
    static std::string symbolDescriptiveString(const Symbol* s);
    // The well-known symbols (Symbol.iterator, ...), roots for the VM's life.
    struct WellKnownSymbols {
        Symbol *iterator, *asyncIterator, *toPrimitive, *hasInstance, *toStringTag;
    } symbols{};

    // ---- objects
    Array* newArray(uint32_t capacity = 0);
    void arrayPush(Array* a, Value v);
    void arrayReserve(Array* a, uint32_t capacity);
    void arraySetLength(Array* a, uint32_t length); // new cells are holes
    Record* newRecord();
    Value recordGet(Record* r, String* key) const; // Value::empty() when absent
    void recordSet(Record* r, String* key, Value v);
    // r[key] = v with v rooted while the key is interned, which can collect: the safe way to
    // store a value nothing else holds yet (C++ leaves the order of a call's arguments open,
    // so in `recordSet(r, intern(k), Value::object(newArray()))` the array may die first).
    void recordSet(Record* r, std::string_view key, Value v);
    bool recordDelete(Record* r, String* key);
    // The value of r's live entry i as a property read sees it: an accessor's getter is
    // called with `receiver` (undefined without a getter). May run hosted code.
    Value recordRead(Record* r, size_t i, Value receiver);
    // Defines `key` on r as an accessor (`get key() {}` when !isSetter, else `set`), keeping
    // the other half of an accessor already there. False with an exception pending.
    bool recordDefineAccessor(Record* r, String* key, Value fn, bool isSetter);
    MapObj* newMap();
    MapObj* newSet();
    Value newInstance(Class* cls); // all fields undefined
    // A closure over `proto` with no upvalues captured yet (all null) and no home class.
    Closure* newClosure(FunctionProto* proto);
    Native* newNative(std::string_view name, NativeFn fn, int arity,
                      Value data = Value::undefined());
    Iterator* newIterator(Value target, IterKind kind);

    // ---- conversions (may throw: check isException)
    Value toString(Value v);          // returns a String value
    std::string toStdString(Value v); // ToString without throwing for primitives/arrays/records
    Value toPrimitiveNumber(Value v); // ToNumber; numbers as Value
    static double toNumber(Value v);  // for primitives and strings (objects give NaN)
    static bool truthy(Value v);
    static int32_t toInt32(double d);
    bool strictEquals(Value a, Value b) const;
    bool looseEquals(Value a, Value b);
    bool sameValueZero(Value a, Value b) const;
    Value typeOf(Value v);
    static std::string numberToString(double d);
    std::string inspect(Value v); // console.log's rendering of one value

    // ---- properties and calls
    Value getProperty(Value obj, String* name);
    Value setProperty(Value obj, String* name, Value v); // returns v or exception
    Value getIndex(Value obj, Value key);
    // getProperty / getIndex for the interpreter: a getter that is a closure is not called but
    // left in *getter with Value::empty() returned, for the caller to push as a frame.
    Value getPropertyOrGetter(Value obj, String* name, Value* getter);
    Value getIndexOrGetter(Value obj, Value key, Value* getter);
    Value setIndex(Value obj, Value key, Value v);
    Value call(Value fn, Value thisValue, const Value* args, int argc);
    Value construct(Value cls, const Value* args, int argc);
    bool isCallable(Value v) const;
    Class* classOf(Value v) const;                      // the class used for method lookup
    Value lookupMethod(Class* cls, String* name) const; // empty when absent
    bool instanceOf(Value v, Class* cls) const;

    // ---- Error instances' added properties
    // An Error accepts properties outside its class's layout (`e.code = "E1"`): node's
    // errors are objects that programs and core modules decorate, so requiring a subclass
    // per decoration would only be a workaround. They live in a record in a hidden slot
    // (kErrorPropertiesSlot, a private-style name no program can spell) that every error
    // layout inherits, so field access, the DSU's migration by name and the collector need
    // nothing special. Other instances keep their fixed layout.
    static constexpr uint32_t kErrorPropertiesSlot = 2; // after message and stack
    // `cause` (new Error(m, { cause })): own but not enumerable, as message and stack are,
    // and unassigned (no property at all) when the options gave none.
    static constexpr uint32_t kErrorCauseSlot = 3;
    Record* errorProperties(Obj* o, bool create = false); // null when it has none (yet)

    // ---- integrity levels (kFrozenFlag ...): node's strict-mode TypeErrors for a write to
    // a read-only property, an added property and a deleted one. Each returns exception().
    Value throwReadOnly(Obj* o, std::string_view key);
    Value throwNotExtensible(std::string_view key);
    Value throwUndeletable(Obj* o, std::string_view key);

    // ---- exceptions
    Value throwValue(Value exception);
    Value throwError(Class* errorClass, std::string_view message);
    Value throwTypeError(std::string_view message) { return throwError(typeErrorClass, message); }
    Value throwRangeError(std::string_view message) { return throwError(rangeErrorClass, message); }
    Value throwReferenceError(std::string_view message) {
        return throwError(referenceErrorClass, message);
    }
    bool hasPendingException() const { return hasPending_; }
    Value takePendingException();
    // The innermost `limit` frames of `thread` (the current one when null), innermost first.
    std::vector<StackFrameInfo> captureStack(const Thread* thread = nullptr,
                                             size_t limit = SIZE_MAX) const;
    // Frames as an error's stack prints them ("    at f (file:line:col)\n" each), without the
    // hosted built-ins' helper frames (hosted_methods.h), at most `limit` of them.
    static std::string formatStackTrace(const std::vector<StackFrameInfo>& frames,
                                        size_t limit = SIZE_MAX);
    // The frames of a printed stack trace (an error's `stack`), the inverse of
    // formatStackTrace: each "at f (file:line:col)" or "at file:line:col" line, in order;
    // other lines (the header, text a program wrote into `stack`) are skipped.
    static std::vector<StackFrameInfo> parseStackTrace(std::string_view trace);
    // How many frames an error's stack keeps: node's Error.stackTraceLimit default.
    static constexpr size_t kStackTraceLimit = 10;
    // "Uncaught TypeError: message\n    at f (file:1:2)\n..." for an uncaught exception.
    std::string describeUncaught(Value exception);
    // A short description of a value for error messages ("Point", "array", "undefined").
    std::string describeReceiver(Value v);

    // ---- built-in classes (roots), and registration helpers for natives
    Class* objectClass = nullptr; // records
    Class* arrayClass = nullptr;
    Class* stringClass = nullptr;
    Class* numberClass = nullptr;
    Class* booleanClass = nullptr;
    Class* functionClass = nullptr;
    Class* classClass = nullptr; // the class of class objects
    Class* mapClass = nullptr;
    Class* setClass = nullptr;
    Class* weakMapClass = nullptr; // WeakMap, WeakSet, WeakRef (decision 0017)
    Class* weakSetClass = nullptr;
    Class* weakRefClass = nullptr;
    // A WeakRef's target stays alive until the end of the job that made the WeakRef or
    // called deref() (JavaScript's KeepDuringJob); the scheduler clears the list between
    // jobs, once the microtasks have run.
    void keepDuringJob(Value v) {
        // deref() in a loop keeps one target over and over: hold it once.
        if (keptObjects_.empty() || keptObjects_.back() != v) keptObjects_.push_back(v);
    }
    void clearKeptObjects() { keptObjects_.clear(); }
    Class* iteratorClass = nullptr;
    Class* moduleClass = nullptr;
    Class* threadClass = nullptr;
    Class* generatorClass = nullptr;
    Class* internalClass = nullptr; // upvalues, protos, natives' own class
    Class* errorClass = nullptr;    // defined by the core library (prelude.js)
    Class* typeErrorClass = nullptr;
    Class* rangeErrorClass = nullptr;
    Class* referenceErrorClass = nullptr;
    Class* syntaxErrorClass = nullptr;
    Class* regexpClass = nullptr;
    Class* dateClass = nullptr;   // Date objects (ObjKind::Date, builtins_date.cpp)
    Class* symbolClass = nullptr; // Symbol values (ObjKind::Symbol, builtins_symbol.cpp)
    // The hosted Promise (internal/promise.js), once loaded (microtasks.h); console.log
    // prints its instances as node does.
    Class* promiseClass = nullptr;
    uint32_t asyncStartPin = UINT32_MAX;          // the scheduler pin of the async-function driver
    uint32_t asyncGeneratorStartPin = UINT32_MAX; // ... and of the async-generator driver
    bool promiseRuntimeLoading = false;
    // `globalThis`: a namespace object whose properties are the VM's globals (reads and
    // writes go to `globals`; a module's own bindings are not on it, as in node). Rooted
    // as the global it is.
    Class* globalObject = nullptr;

    // Every Class* member above, once: markRoots and visitRoots both walk this list.
    std::array<Class**, 26> builtinClassSlots();
    Class* newBuiltinClass(std::string_view name, Class* super = nullptr);
    void defineMethod(Class* cls, std::string_view name, NativeFn fn, int arity);
    void defineGetter(Class* cls, std::string_view name, NativeFn fn);
    void defineStaticMethod(Class* cls, std::string_view name, NativeFn fn, int arity);
    void defineStaticValue(Class* cls, std::string_view name, Value v);
    void defineStaticValue(Class* cls, String* key, Value v); // key: interned or a symbol
    void defineGlobal(std::string_view name, Value v);
    Value global(std::string_view name) const;
    // Every class object that may still be alive (pruned at each collection): the DSU finds
    // subclasses here instead of walking the heap.
    void registerClass(Class* cls) { classes_.push_back(cls); }
    const std::vector<Class*>& classes() const { return classes_; }
    // Every function prototype that may still be alive (pruned at each collection), so
    // inline caches can be dropped without walking the heap.
    void registerProto(FunctionProto* proto) { protos_.push_back(proto); }
    // Empties every inline cache entry keyed on one of `classes`: a class updated in place
    // (the DSU's code-only updates) keeps its address, so its entries would otherwise
    // still answer with the old members. Costs one pass over the caches, never the heap.
    void dropCachesFor(const std::vector<Class*>& classes);
    // Every generator that may still be alive (pruned at each collection): the DSU's safe
    // point finds the suspended frames here (they are on no thread's stack).
    void registerGenerator(Generator* g) { generators_.push_back(g); }
    const std::vector<Generator*>& generators() const { return generators_; }
    // A new class from the compiler's shape constant ([name, declared count, fields...])
    // extending `superValue` (undefined for none), before its members go in (Op::Class).
    // nullptr with a TypeError pending when `superValue` cannot be extended.
    Class* defineClass(const Array* shape, Value superValue, Module* module);
    // `C.prototype` of any class: a frozen record of its own methods in source order, one
    // per class, so `Object.getPrototypeOf(c) === C.prototype` holds. It is a view, not a
    // prototype object: lookups never go through it. Made on first read; dropCachesFor and a
    // swap of classes forget it, so it is never stale after an update.
    Value prototypeView(Class* c);
    // The class whose prototypeView `r` is, or null.
    Class* classOfPrototypeView(const Record* r) const;
    void forgetPrototypeViews() {
        prototypeViews_.clear();
        viewClasses_.clear();
    }
    // Flattens inherited tables into `cls` (called once a class's own members are in).
    void finishClass(Class* cls);

    // Compiled regular expressions (runtime/lib/regexp.h), created on first use.
    std::unique_ptr<RegExpCache> regexps;

    // ---- threads and timers
    Scheduler& scheduler() { return *scheduler_; }
    Thread* currentThread() const { return current_; }
    double now() const; // ms since VM start (monotonic)

    // ---- modules
    const std::vector<Module*>& modules() const { return moduleList_; }
    Module* mainModule() const { return mainModule_; }
    std::string scriptPath; // process.argv[1]
    std::vector<std::string> scriptArgs;

    // Rewrites every root reference (swapObjects): threads, globals, modules, builtins.
    void visitRoots(EdgeVisitor& v);

    // ---- return barriers (the DSU waits with them for a frame to leave changed code)
    // Arranges for the return-barrier hook (setReturnBarrierHook) to run when the frame at
    // `frameIndex` of the parked thread `t` returns or is unwound by an exception: the caller's
    // saved ip is pointed at a one-instruction trampoline that restores it. Costs nothing while no
    // barrier is set. Returns false when the frame has no caller to return into (the thread's first
    // frame, or a frame entered from C++); the caller must then poll.
    bool setReturnBarrier(Thread* t, size_t frameIndex);
    void clearReturnBarriers();
    size_t returnBarrierCount() const { return returnBarriers_.size(); }
    // The DSU's callback for a barrier that fired (null: none); clearReturnBarriers keeps it.
    void setReturnBarrierHook(std::function<void()> hook) { onReturnBarrier_ = std::move(hook); }
    // ---- frame transfers (on-stack replacement: the DSU moves a frame to new code)
    // What a frame becomes: its closure and pc, its locals (every slot past `this` starts
    // undefined, then `carried` copies old slot -> new slot as the frame holds them at the
    // moment of the move, and `given` sets values), the operand stack empty. Open upvalues
    // of a carried slot follow it to its new slot; those of any other slot close.
    struct FrameTransfer {
        Closure* closure = nullptr;
        uint32_t pc = 0;
        uint16_t oldLocals = 0; // the frame's local slots before the move (its old maxLocals)
        std::vector<std::pair<uint16_t, uint16_t>> carried;
        std::vector<std::pair<uint16_t, Value>> given;
    };
    // Rewrites frame `frameIndex` of `t` now (a parked thread's frame at an update point).
    void transferFrame(Thread* t, size_t frameIndex, const FrameTransfer& to);
    // Arms a transfer of frame `frameIndex`, which waits in a call: when the frame above it
    // returns into it, the frame is transferred and the call's result pushed at `to.pc`
    // (the new code's matching return address). Survives clearReturnBarriers; dropped if
    // the frame is unwound first. False when the callee has no way back into it (entered
    // from C++), or the frame is already armed.
    bool armTransferOnReturn(Thread* t, size_t frameIndex, FrameTransfer to);
    // Whether frame `frameIndex` of `t` waits for its callee to return to be transferred.
    bool isArmed(const Thread* t, size_t frameIndex) const;
    // ---- update points (the DSU moves a waiting frame to new code at a loop header)
    // While set, every loop back-edge of an outermost interpreter loop calls `hook` with the
    // running thread (its top frame's ip is the loop header, its operand stack as the loop
    // left it). Returning true parks the thread there: the hook has set it Waiting and
    // will requeue it. Setting it makes the running loop take the next back-edge's slow
    // path; unset (null), back-edges cost what they always did.
    void setUpdatePointHook(std::function<bool(Thread*)> hook) {
        onUpdatePoint_ = std::move(hook);
        if (onUpdatePoint_) preemptCounter = 1;
    }
    // The ip a frame will resume at (its own, or the one a barrier saved).
    const uint8_t* resumeIp(const Thread* t, size_t frameIndex) const;
    // Before unwinding for a pending exception: closes the for-of loops it leaves.
    void closeLoopsOnThrow(Thread* t, size_t entryDepth);
    // The pending exception, in the interpreter's run entered at `entryDepth`: true when a
    // handler of this run catches it (its frame is on top, resuming at the catch with the
    // exception pushed); false when it leaves the run (the run's frames are unwound, the
    // exception is pending again).
    bool catchInRun(Thread* t, size_t entryDepth);
    // Pops the frames of the run entered at `entryDepth`, closing their upvalues.
    void unwindRun(Thread* t, size_t entryDepth);

    // Internals shared by the interpreter, compiler and natives.
    Value runFrame(Thread* t, size_t entryDepth); // the interpreter loop (interpreter.cpp)
    bool pushCall(Thread* t, Value fn, int argc, Value* resultSlot, uint8_t flags);
    std::vector<Value> compilerRoots; // objects a running compilation allocated
    int nestedDepth = 0;              // >0 while a C++ -> hosted call is running
    // Set by get{Property,Index}OrGetter for the one getter lookup they make: no hosted
    // code runs between setting and reading it.
    Value* getterOut = nullptr;
    // A native constructor that returns Value::empty() leaves here the hosted function that
    // finishes the construction, called with `this` = constructThis and the constructor's
    // arguments, whose result is the new object (hosted_methods.h: handConstructionTo).
    // Read at once by the caller; nothing allocates in between.
    Value constructBody;
    Value constructThis;
    uint32_t preemptCounter =
        4096; // counts down to a preemption check (interpreter.cpp: kPreemptSlice)
    bool preemptRequested = false;
    // The class generation: every class records the one it was built in (Class::version);
    // each DSU commit starts a new one for the classes it builds or updates in place.
    uint32_t classGeneration() const { return classGeneration_; }
    void startClassGeneration() { ++classGeneration_; }

    // ---- the update in progress (set by the DSU core; the runtime never looks inside)
    // The transaction whose commit, policies, validations or patch script is running: the
    // natives of `dsu.*` and of the namespace views find it here, and throw when there is
    // none. Only an UpdateScope sets it, so every way out of a commit or a script (success,
    // rollback, an exception, an early return) restores the one that was active before.
    dsu::Transaction* activeUpdate() const { return activeUpdate_; }
    class UpdateScope {
    public:
        UpdateScope(VM& vm, dsu::Transaction* update) : vm_(vm), saved_(vm.activeUpdate_) {
            vm.activeUpdate_ = update;
        }
        ~UpdateScope() { vm_.activeUpdate_ = saved_; }
        UpdateScope(const UpdateScope&) = delete;
        UpdateScope& operator=(const UpdateScope&) = delete;

    private:
        VM& vm_;
        dsu::Transaction* saved_;
    };

    struct GlobalSlot {
        String* name;
        Value value;
    };
    std::vector<GlobalSlot> globals;
    std::unordered_map<String*, uint32_t> globalIndex;

    // Interned property names used by the runtime itself.
    struct Names {
        String *length, *constructor, *name, *message, *stack, *prototype, *size, *toString,
            *toJSON, *valueOf, *next, *done, *value, *anonymous, *empty, *exports, *module,
            *require, *filename, *dirname, *cause, *undefinedStr, *nullStr, *trueStr, *falseStr,
            *objectStr, *numberStr, *stringStr, *booleanStr, *functionStr, *index, *input, *groups,
            *indices, *symbolStr;
    } names;

private:
    friend class Scheduler;
    Thread* newThread(Value entry);                    // the scheduler's, and the host thread
    void setCurrentThread(Thread* t) { current_ = t; } // the scheduler's
    std::unordered_map<std::string, Value> stagedExports_;
    std::function<void()> onReturnBarrier_;
    std::function<bool(Thread*)> onUpdatePoint_;
    uint32_t classGeneration_ = 0;
    std::vector<Value> keptObjects_;
    std::unordered_map<Class*, Record*> prototypeViews_; // see prototypeView
    std::unordered_map<const Record*, Class*> viewClasses_;
    struct ReturnBarrierEntry {
        Thread* thread;
        size_t callerIndex; // the frame whose ip points at the trampoline
        const uint8_t* savedIp;
        std::shared_ptr<FrameTransfer> transfer; // armed: the frame moves when it is returned to
    };
    const uint8_t* takeReturnBarrier(Thread* t, size_t callerIndex); // interpreter.cpp
    void dropUnwoundBarriers(Thread* t);                             // after an unwind
    std::vector<ReturnBarrierEntry> returnBarriers_;
    dsu::Transaction* activeUpdate_ = nullptr;
    void installBuiltins();
    void markRoots(Tracer& t);
    void sweepInternTable();
    int startMain(const std::string& path, const std::vector<std::string>& argv,
                  const std::string* source);

    std::unordered_map<std::string_view, String*> internTable_;
    std::unordered_map<std::string, Symbol*> symbolRegistry_; // Symbol.for; strong
    std::vector<Class*> classes_;
    std::vector<FunctionProto*> protos_;
    std::vector<Generator*> generators_;
    std::unique_ptr<Scheduler> scheduler_;
    Thread* current_ = nullptr;
    Thread* mainThread_ = nullptr;
    Thread* hostThread_ = nullptr; // runs hosted code called from C++ outside any thread
    Thread* hostThread();
    Value pending_;
    bool hasPending_ = false;
    bool exitRequested_ = false;
    int exitCode_ = 0;
    std::vector<Module*> moduleList_;
    std::unordered_map<std::string, Module*> moduleCache_;
    Module* mainModule_ = nullptr;
    double startTime_ = 0;
};

// Registration functions of each built-in area (builtins_*.cpp); installBuiltins calls them.
void installObjectBuiltins(VM& vm);
void installStringBuiltins(VM& vm);
void installNumberBuiltins(VM& vm);
void installArrayBuiltins(VM& vm);
void installMathBuiltins(VM& vm);
void installJsonBuiltins(VM& vm);
void installMapSetBuiltins(VM& vm);
void installConsoleBuiltins(VM& vm);
void installProcessBuiltins(VM& vm);
void installThreadBuiltins(VM& vm);
void installMopBuiltins(VM& vm);
void installRegExpBuiltins(VM& vm);
void installDateBuiltins(VM& vm);
void installIntlBuiltins(VM& vm);
void installUriBuiltins(VM& vm);
void installCloneBuiltins(VM& vm);
// Runs the program's process.on('exit') listeners once, with `code`; returns the code the
// process ends with (a listener may set process.exitCode). builtins_process.cpp.
int emitProcessExit(VM& vm, int code);
void installGeneratorBuiltins(VM& vm);
void installIteratorBuiltins(VM& vm);
void installSymbolBuiltins(VM& vm);

} // namespace molt
