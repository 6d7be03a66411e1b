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
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <unistd.h>

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
