#include "runtime/lib/node_support.h"

#include "runtime/core/assert.h"
#include "runtime/lib/natives.h"

#include <cerrno>
#include <cstring>

namespace molt {

namespace {

struct ErrnoName {
    int err;
    const char* code;
    const char* message; // libuv's uv_strerror text, which node puts in its messages
};

const ErrnoName kErrnoNames[] = {
    {EPERM, "EPERM", "operation not permitted"},
    {ENOENT, "ENOENT", "no such file or directory"},
    {EIO, "EIO", "i/o error"},
    {EBADF, "EBADF", "bad file descriptor"},
    {EAGAIN, "EAGAIN", "resource temporarily unavailable"},
    {ENOMEM, "ENOMEM", "not enough memory"},
    {EACCES, "EACCES", "permission denied"},
    {EBUSY, "EBUSY", "resource busy or locked"},
    {EEXIST, "EEXIST", "file already exists"},
    {EXDEV, "EXDEV", "cross-device link not permitted"},
    {ENOTDIR, "ENOTDIR", "not a directory"},
    {EISDIR, "EISDIR", "illegal operation on a directory"},
    {EINVAL, "EINVAL", "invalid argument"},
    {EMFILE, "EMFILE", "too many open files"},
    {EFBIG, "EFBIG", "file too large"},
    {ENOSPC, "ENOSPC", "no space left on device"},
    {EROFS, "EROFS", "read-only file system"},
    {EPIPE, "EPIPE", "broken pipe"},
    {ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
    {ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
    {ELOOP, "ELOOP", "too many symbolic links encountered"},
    {EADDRINUSE, "EADDRINUSE", "address already in use"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", "address not available"},
    {ENETUNREACH, "ENETUNREACH", "network is unreachable"},
    {ECONNABORTED, "ECONNABORTED", "software caused connection abort"},
    {ECONNRESET, "ECONNRESET", "connection reset by peer"},
    {ENOTCONN, "ENOTCONN", "socket is not connected"},
    {ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
    {ECONNREFUSED, "ECONNREFUSED", "connection refused"},
    {EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"},
};

const ErrnoName* findErrno(int err) {
    for (const ErrnoName& e : kErrnoNames)
        if (e.err == err) return &e;
    return nullptr;
}

// error.name = v, an ordinary property write (an Error accepts new properties).
bool setField(VM& vm, Value error, const char* name, Value v) {
    Root keep(vm.heap, v);
    return !vm.setProperty(error, vm.intern(name), keep.value).isException();
}

} // namespace

void exportFunction(VM& vm, Record* exports, std::string_view name, NativeFn fn, int arity) {
    Root keep(vm.heap, Value::object(vm.newNative(name, fn, arity)));
    vm.recordSet(exports, vm.intern(name), keep.value);
}

Value coreModuleExport(VM& vm, std::string_view module, std::string_view name) {
    Value exports = vm.requireCoreModule(std::string(module));
    if (exports.isException()) return exports;
    Value v = vm.recordGet(as<Record>(exports), vm.intern(name));
    MOLT_ASSERT(!v.isEmpty());
    return v;
}

std::string_view errnoCode(int err) {
    if (const ErrnoName* e = findErrno(err)) return e->code;
    const char* name = strerrorname_np(err);
    return name ? name : "UNKNOWN";
}

std::string_view errnoMessage(int err) {
    if (const ErrnoName* e = findErrno(err)) return e->message;
    return "unknown error";
}

Value throwSystemError(VM& vm, int err, std::string_view syscall, std::string_view path,
                       std::string_view dest) {
    std::string message = std::string(errnoCode(err)) + ": " + std::string(errnoMessage(err)) +
                          ", " + std::string(syscall);
    if (!path.empty()) message += " '" + std::string(path) + "'";
    if (!dest.empty()) message += " -> '" + std::string(dest) + "'";
    Root text(vm.heap, vm.str(message));
    Value error = vm.construct(Value::object(vm.errorClass), &text.value, 1);
    if (error.isException()) return error;
    Root keep(vm.heap, error);
    // In node's order: errno, code, syscall, path, dest.
    if (!setField(vm, error, "errno", Value::integer(-err))) return Value::exception();
    Root code(vm.heap, vm.istr(errnoCode(err)));
    if (!setField(vm, error, "code", code.value)) return Value::exception();
    Root call(vm.heap, vm.istr(syscall));
    if (!setField(vm, error, "syscall", call.value)) return Value::exception();
    if (!path.empty()) {
        Root p(vm.heap, vm.str(path));
        if (!setField(vm, error, "path", p.value)) return Value::exception();
    }
    if (!dest.empty()) {
        Root d(vm.heap, vm.str(dest));
        if (!setField(vm, error, "dest", d.value)) return Value::exception();
    }
    return vm.throwValue(error);
}

Value throwCodedTypeError(VM& vm, std::string_view code, std::string_view message) {
    Root text(vm.heap, vm.str(message));
    Value error = vm.construct(Value::object(vm.typeErrorClass), &text.value, 1);
    if (error.isException()) return error;
    Root keep(vm.heap, error);
    Root codeValue(vm.heap, vm.istr(code));
    if (!setField(vm, error, "code", codeValue.value)) return Value::exception();
    Instance* in = as<Instance>(error);
    uint32_t stackSlot = in->klass->slotOf.at(vm.names.stack);
    std::string stack(asString(in->slots[stackSlot])->view());
    Root coded(vm.heap, vm.str("TypeError [" + std::string(code) + "]" + stack.substr(9)));
    in->slots[stackSlot] = coded.value;
    return vm.throwValue(error);
}

std::string describeReceived(VM& vm, Value actual) {
    if (actual.isUndefined() || actual.isNull()) return vm.toStdString(actual);
    if (vm.isCallable(actual) && !isKind(actual, ObjKind::Class)) {
        Value name = vm.getProperty(actual, vm.names.name);
        if (name.isException()) vm.takePendingException();
        return "function " + (isString(name) ? std::string(asString(name)->view()) : "");
    }
    if (actual.isObject() && !isString(actual))
        return "an instance of " + std::string(vm.classOf(actual)->name->view());
    std::string shown = vm.inspect(actual);
    if (shown.size() > 28) shown = shown.substr(0, 25) + "...";
    return "type " + vm.toStdString(vm.typeOf(actual)) + " (" + shown + ")";
}

// internal/util: node's util.inspect for the hosted core modules' messages.
static Value utilInspect(VM& vm, Value, Value* args, int argc) {
    return vm.str(vm.inspect(arg(args, argc, 0)));
}

Value installInternalUtilModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    exportFunction(vm, exports, "inspect", utilInspect, 1);
    return keep.value;
}

} // namespace molt
