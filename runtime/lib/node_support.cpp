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

void setField(VM& vm, Value error, const char* name, Value v) {
    Instance* in = as<Instance>(error);
    in->slots[in->klass->slotOf.at(vm.intern(name))] = v;
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
    Value cls = coreModuleExport(vm, "internal/errors", "SystemError");
    if (cls.isException()) return cls;
    std::string message = std::string(errnoCode(err)) + ": " + std::string(errnoMessage(err)) +
                          ", " + std::string(syscall);
    if (!path.empty()) message += " '" + std::string(path) + "'";
    if (!dest.empty()) message += " -> '" + std::string(dest) + "'";
    Root text(vm.heap, vm.str(message));
    Value error = vm.construct(cls, &text.value, 1);
    if (error.isException()) return error;
    Root keep(vm.heap, error);
    setField(vm, error, "errno", Value::integer(-err));
    Root code(vm.heap, vm.istr(errnoCode(err)));
    setField(vm, error, "code", code.value);
    Root call(vm.heap, vm.istr(syscall));
    setField(vm, error, "syscall", call.value);
    if (!path.empty()) {
        Root p(vm.heap, vm.str(path));
        setField(vm, error, "path", p.value);
    }
    if (!dest.empty()) {
        Root d(vm.heap, vm.str(dest));
        setField(vm, error, "dest", d.value);
    }
    return vm.throwValue(error);
}

Value throwCodedTypeError(VM& vm, std::string_view code, std::string_view message) {
    Value cls = coreModuleExport(vm, "internal/errors", "CodedTypeError");
    if (cls.isException()) return cls;
    Root text(vm.heap, vm.str(message));
    Value error = vm.construct(cls, &text.value, 1);
    if (error.isException()) return error;
    Root keep(vm.heap, error);
    Root codeValue(vm.heap, vm.istr(code));
    setField(vm, error, "code", codeValue.value);
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

// A built-in error class named `name` (as it prints) with extra fields after Error's.
static Class* errorClassWithFields(VM& vm, Class* super, std::string_view name,
                                   std::initializer_list<const char*> fields) {
    Class* cls = vm.newBuiltinClass(name, super);
    Root keep(vm.heap, Value::object(cls));
    for (const char* f : fields) {
        String* n = vm.intern(f);
        cls->slotOf[n] = uint32_t(cls->fields.size());
        cls->fields.push_back(n);
    }
    vm.finishClass(cls);
    return cls;
}

// internal/errors: the classes of node's system errors (see node_support.h) and of its
// coded TypeErrors, for the native modules and for hosted ones.
Value installInternalErrorsModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    Root system(vm.heap,
                Value::object(errorClassWithFields(vm, vm.errorClass, "Error",
                                                   {"errno", "code", "syscall", "path", "dest"})));
    vm.recordSet(exports, vm.intern("SystemError"), system.value);
    Root coded(vm.heap,
               Value::object(errorClassWithFields(vm, vm.typeErrorClass, "TypeError", {"code"})));
    vm.recordSet(exports, vm.intern("CodedTypeError"), coded.value);
    return keep.value;
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
