// builtins_process.cpp — the `process` and `performance` namespaces.
//
// process.argv is built on first read, not at install time: the VM is created (and the
// built-ins installed) before runMain knows the script path and arguments. The array is
// cached in the getter native's `data`, so every read returns the same array, as node's
// does (a program may shift() its arguments off it).
//
// process.exit(code) asks the VM to stop (vm.requestExit) and unwinds by returning
// Value::exception() with *no* pending exception: the interpreter sees exitRequested() and
// stops without running catch or finally blocks, as a real exit would.
#include "runtime/exec/scheduler.h"
#include "runtime/exec/signals.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace molt {

namespace {

std::string executablePath() {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "molt";
    return std::string(buf, size_t(n));
}

Value argvRead(VM& vm, Value thisValue, Value*, int) {
    auto* cls = isKind(thisValue, ObjKind::Class) ? as<Class>(thisValue) : nullptr;
    Native* self = nullptr;
    if (cls) {
        auto it = cls->staticGetters.find(vm.intern("argv"));
        if (it != cls->staticGetters.end() && isKind(it->second, ObjKind::Native))
            self = as<Native>(it->second);
    }
    if (self && isKind(self->data, ObjKind::Array)) return self->data;
    Array* a = vm.newArray();
    Root keep(vm.heap, Value::object(a));
    vm.arrayPush(a, vm.str(executablePath()));
    if (!vm.scriptPath.empty()) vm.arrayPush(a, vm.str(vm.scriptPath));
    for (const std::string& s : vm.scriptArgs)
        vm.arrayPush(a, vm.str(s));
    if (self) self->data = keep.value;
    return keep.value;
}

Value stdoutWrite(VM& vm, Value, Value* args, int argc) {
    Value s = toStringValue(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    if (vm.writeOut) vm.writeOut(asString(s)->view());
    return Value::boolean(true);
}

Value stderrWrite(VM& vm, Value, Value* args, int argc) {
    Value s = toStringValue(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    if (vm.writeErr) vm.writeErr(asString(s)->view());
    return Value::boolean(true);
}

// A record { write: native } standing in for process.stdout / process.stderr.
Value makeStream(VM& vm, NativeFn write) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    Value fn = Value::object(vm.newNative("write", write, 1));
    Root keepFn(vm.heap, fn);
    vm.recordSet(r, vm.intern("write"), fn);
    Value fd = Value::integer(write == stdoutWrite ? 1 : 2);
    vm.recordSet(r, vm.intern("fd"), fd);
    return keep.value;
}

Value makePair(VM& vm, double seconds, double nanos) {
    Array* a = vm.newArray(2);
    vm.arrayPush(a, Value::number(seconds));
    vm.arrayPush(a, Value::number(nanos));
    return Value::object(a);
}

Value processHrtime(VM& vm, Value, Value* args, int argc) {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
    double seconds = double(ns / 1000000000);
    double nanos = double(ns % 1000000000);
    Value prev = arg(args, argc, 0);
    if (prev.isUndefined()) return makePair(vm, seconds, nanos);
    if (!isKind(prev, ObjKind::Array) || as<Array>(prev)->length != 2)
        return vm.throwTypeError("The \"time\" argument must be an instance of Array. Received " +
                                 vm.inspect(prev));
    Array* p = as<Array>(prev);
    double ps = VM::toNumber(p->elements[0]), pn = VM::toNumber(p->elements[1]);
    double ds = seconds - ps, dn = nanos - pn;
    if (dn < 0) {
        ds -= 1;
        dn += 1e9;
    }
    return makePair(vm, ds, dn);
}

Value processExit(VM& vm, Value, Value* args, int argc) {
    int code = 0;
    Value c = arg(args, argc, 0);
    if (c.isUndefined()) {
        Value exitCode = vm.getProperty(vm.global("process"), vm.intern("exitCode"));
        if (exitCode.isNumber()) code = VM::toInt32(exitCode.asNumber());
    } else {
        code = VM::toInt32(VM::toNumber(c));
    }
    if (!vm.exitRequested()) code = emitProcessExit(vm, code);
    vm.requestExit(code);
    return Value::exception();
}

Value processCwd(VM& vm, Value, Value*, int) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return throwSystemError(vm, errno, "uv_cwd", "");
    return vm.str(buf);
}

Value processChdir(VM& vm, Value, Value* args, int argc) {
    Value dir = arg(args, argc, 0);
    if (!isString(dir))
        return vm.throwTypeError("The \"directory\" argument must be of type string. Received " +
                                 vm.inspect(dir));
    std::string path(asString(dir)->view());
    if (chdir(path.c_str()) != 0) {
        int err = errno;
        return throwSystemError(vm, err, "chdir", path);
    }
    return Value::undefined();
}

// ---- process events: 'exit' and signals. Listeners live in internal/process's
// `listeners` record (name -> array of functions), out of the program's reach.
struct SignalName {
    const char* name;
    int signo;
};
constexpr SignalName kSignals[] = {{"SIGINT", SIGINT},   {"SIGTERM", SIGTERM},
                                   {"SIGHUP", SIGHUP},   {"SIGUSR1", SIGUSR1},
                                   {"SIGUSR2", SIGUSR2}, {"SIGQUIT", SIGQUIT}};

int signalNumber(std::string_view name) {
    for (const SignalName& s : kSignals)
        if (name == s.name) return s.signo;
    return 0;
}

Record* listenerTable(VM& vm) {
    Value table = coreModuleExport(vm, "internal/process", "listeners");
    return table.isException() ? nullptr : as<Record>(table);
}

Array* listenersOf(VM& vm, String* name, bool create) {
    Record* table = listenerTable(vm);
    if (!table) return nullptr;
    Value list = vm.recordGet(table, name);
    if (isKind(list, ObjKind::Array)) return as<Array>(list);
    if (!create) return nullptr;
    Root keep(vm.heap, Value::object(table));
    Array* a = vm.newArray();
    Root keepArray(vm.heap, Value::object(a));
    vm.recordSet(table, name, keepArray.value);
    return a;
}

Value processOn(VM& vm, Value thisValue, Value* args, int argc) {
    Value name = toStringValue(vm, arg(args, argc, 0));
    if (name.isException()) return name;
    Root keepName(vm.heap, name);
    Value fn = arg(args, argc, 1);
    if (!vm.isCallable(fn))
        return throwCodedTypeError(vm, "ERR_INVALID_ARG_TYPE",
                                   "The \"listener\" argument must be of type function. Received " +
                                       describeReceived(vm, fn));
    Array* list = listenersOf(vm, asString(name), true);
    if (!list) return Value::exception();
    vm.arrayPush(list, fn);
    if (int signo = signalNumber(asString(name)->view())) {
        // The VM's event loop wakes when the signal arrives; no longer once the VM is gone.
        Scheduler* scheduler = &vm.scheduler();
        signals::setWaker([](void* s) { static_cast<Scheduler*>(s)->wake(); }, scheduler);
        scheduler->addShutdownHook([] { signals::setWaker(nullptr, nullptr); });
        signals::watch(signo);
    }
    return thisValue;
}

Value processOff(VM& vm, Value thisValue, Value* args, int argc) {
    Value name = toStringValue(vm, arg(args, argc, 0));
    if (name.isException()) return name;
    Array* list = listenersOf(vm, asString(name), false);
    if (!list) return thisValue;
    for (uint32_t i = list->length; i-- > 0;) {
        if (list->elements[i] != arg(args, argc, 1)) continue;
        for (uint32_t j = i; j + 1 < list->length; ++j)
            list->elements[j] = list->elements[j + 1];
        vm.arraySetLength(list, list->length - 1);
        break;
    }
    int signo = signalNumber(asString(name)->view());
    if (signo && list->length == 0) signals::restoreDefault(signo);
    return thisValue;
}

Value processListenerCount(VM& vm, Value, Value* args, int argc) {
    Value name = toStringValue(vm, arg(args, argc, 0));
    if (name.isException()) return name;
    Array* list = listenersOf(vm, asString(name), false);
    return Value::integer(list ? int32_t(list->length) : 0);
}

// Calls every listener of `name` with `argument` (nested: they run to completion).
// Returns false when one threw (the exception is pending).
bool callListeners(VM& vm, String* name, Value argument, bool& any) {
    Array* list = listenersOf(vm, name, false);
    any = list && list->length > 0;
    if (!any) return true;
    Root keepList(vm.heap, Value::object(list));
    Root keepArg(vm.heap, argument);
    std::vector<Value> snapshot(list->elements, list->elements + list->length);
    for (Value fn : snapshot) {
        Root keepFn(vm.heap, fn);
        Value r = vm.call(fn, vm.global("process"), &keepArg.value, 1);
        if (r.isException()) return false;
    }
    return true;
}

Value processEmit(VM& vm, Value, Value* args, int argc) {
    Value name = toStringValue(vm, arg(args, argc, 0));
    if (name.isException()) return name;
    Root keepName(vm.heap, name);
    bool any = false;
    if (!callListeners(vm, asString(name), arg(args, argc, 1), any)) return Value::exception();
    return Value::boolean(any);
}

Value processKill(VM& vm, Value, Value* args, int argc) {
    Value pid = arg(args, argc, 0);
    if (!pid.isNumber())
        return throwCodedTypeError(vm, "ERR_INVALID_ARG_TYPE",
                                   "The \"pid\" argument must be of type number. Received " +
                                       describeReceived(vm, pid));
    Value sig = arg(args, argc, 1);
    int signo = SIGTERM;
    if (isString(sig)) {
        signo = signalNumber(asString(sig)->view());
        if (asString(sig)->view() == "SIGKILL") signo = SIGKILL;
        if (!signo)
            return throwCodedTypeError(vm, "ERR_UNKNOWN_SIGNAL",
                                       "Unknown signal: " + std::string(asString(sig)->view()));
    } else if (sig.isNumber()) {
        signo = VM::toInt32(sig.asNumber());
    }
    if (kill(pid_t(VM::toInt32(pid.asNumber())), signo) != 0)
        return throwSystemError(vm, errno, "kill", "");
    return Value::boolean(true);
}

Value processUptime(VM& vm, Value, Value*, int) {
    return Value::number(vm.now() / 1000.0);
}

Value processMemoryUsage(VM& vm, Value, Value*, int) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    double live = double(vm.heap.bytesLive());
    for (const char* key : {"rss", "heapTotal", "heapUsed"})
        vm.recordSet(r, vm.intern(key), Value::number(live));
    vm.recordSet(r, vm.intern("external"), Value::integer(0));
    vm.recordSet(r, vm.intern("arrayBuffers"), Value::integer(0));
    return keep.value;
}

Value performanceNow(VM& vm, Value, Value*, int) {
    return Value::number(vm.now());
}

Value makeEnv(VM& vm) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        size_t eq = entry.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        Root value(vm.heap, vm.str(entry.substr(eq + 1)));
        vm.recordSet(r, vm.intern(entry.substr(0, eq)), value.value);
    }
    return keep.value;
}

} // namespace

int emitProcessExit(VM& vm, int code) {
    Record* table = listenerTable(vm);
    if (!table) return code;
    Root keepTable(vm.heap, Value::object(table));
    String* emitted = vm.intern("exit emitted");
    if (!vm.recordGet(table, emitted).isEmpty()) return code;
    vm.recordSet(table, emitted, Value::boolean(true));
    Value process = vm.global("process");
    String* exitCode = vm.intern("exitCode");
    Value set = vm.setProperty(process, exitCode, Value::integer(code));
    if (set.isException()) vm.takePendingException();
    bool any = false;
    if (!callListeners(vm, vm.intern("exit"), Value::integer(code), any)) {
        if (vm.exitRequested()) return vm.exitCode();
        vm.writeErr(vm.describeUncaught(vm.takePendingException()));
        return 1;
    }
    if (vm.exitRequested()) return vm.exitCode();
    Value after = vm.getProperty(process, exitCode);
    if (after.isException()) vm.takePendingException();
    return after.isNumber() ? VM::toInt32(after.asNumber()) : code;
}

Value installInternalProcessModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    Root table(vm.heap, Value::object(vm.newRecord()));
    vm.recordSet(exports, vm.intern("listeners"), table.value);
    return keep.value;
}

void installProcessBuiltins(VM& vm) {
    Class* p = newNamespace(vm, "process");
    Root keep(vm.heap, Value::object(p));
    Root argv(vm.heap, Value::object(vm.newNative("argv", argvRead, 0)));
    String* argvName = vm.intern("argv");
    p->staticGetters[argvName] = argv.value;
    vm.defineStaticValue(p, "stdout", makeStream(vm, stdoutWrite));
    vm.defineStaticValue(p, "stderr", makeStream(vm, stderrWrite));
    vm.defineStaticValue(p, "env", makeEnv(vm));
    vm.defineStaticValue(p, "platform", vm.str("linux"));
    vm.defineStaticValue(p, "exitCode", Value::undefined());
    vm.defineStaticMethod(p, "hrtime", processHrtime, 1);
    vm.defineStaticMethod(p, "exit", processExit, 1);
    vm.defineStaticMethod(p, "uptime", processUptime, 0);
    for (const char* on : {"on", "addListener", "once"})
        vm.defineStaticMethod(p, on, processOn, 2);
    for (const char* off : {"off", "removeListener"})
        vm.defineStaticMethod(p, off, processOff, 2);
    vm.defineStaticMethod(p, "emit", processEmit, 2);
    vm.defineStaticMethod(p, "kill", processKill, 2);
    vm.defineStaticMethod(p, "listenerCount", processListenerCount, 1);
    // A signal with listeners runs each of them on a green thread of its own, with the
    // signal's name, as node calls them; the default action (ending the process) is off.
    vm.scheduler().onSignals = [&vm](uint32_t arrived) {
        for (const SignalName& s : kSignals) {
            if (!(arrived & (1u << s.signo))) continue;
            Root name(vm.heap, vm.istr(s.name));
            Array* list = listenersOf(vm, asString(name.value), false);
            if (!list) continue;
            Root keepList(vm.heap, Value::object(list));
            std::vector<Value> snapshot(list->elements, list->elements + list->length);
            for (Value fn : snapshot)
                vm.scheduler().spawn(fn, vm.global("process"), &name.value, 1);
        }
    };
    // process.on('uncaughtException'): each listener gets (error, 'uncaughtException') on a
    // green thread of its own, and the program goes on (scheduler.h).
    vm.scheduler().onUncaught = [&vm](Value exception) {
        std::vector<Thread*> started;
        Root keepException(vm.heap, exception);
        Array* list = listenersOf(vm, vm.intern("uncaughtException"), false);
        if (!list || list->length == 0) return started;
        Root keepList(vm.heap, Value::object(list));
        Root origin(vm.heap, vm.istr("uncaughtException"));
        std::vector<Value> snapshot(list->elements, list->elements + list->length);
        for (Value fn : snapshot) {
            Value args[2] = {keepException.value, origin.value};
            started.push_back(vm.scheduler().callback(fn, vm.global("process"), args, 2));
        }
        return started;
    };
    vm.defineStaticMethod(p, "cwd", processCwd, 0);
    vm.defineStaticMethod(p, "chdir", processChdir, 1);
    vm.defineStaticValue(p, "pid", Value::integer(int32_t(getpid())));
    vm.defineStaticValue(p, "ppid", Value::integer(int32_t(getppid())));
    vm.defineStaticMethod(p, "memoryUsage", processMemoryUsage, 0);
    vm.defineGlobal("process", Value::object(p));

    Class* perf = newNamespace(vm, "performance");
    Root keepPerf(vm.heap, Value::object(perf));
    vm.defineStaticMethod(perf, "now", performanceNow, 0);
    vm.defineGlobal("performance", Value::object(perf));
}

} // namespace molt
