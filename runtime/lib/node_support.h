// node_support.h — what the native core modules (node_*.cpp) share: exports records and
// node's system errors.
//
// A system error is an Error of a built-in class that prints as `Error` and has node's
// fields in node's order (errno, code, syscall, path, dest), so console.log shows the same
// block node shows and `err.code` reads a slot. Its message has node's shape:
// "ENOENT: no such file or directory, open 'x'" (with " -> 'y'" for two paths).
#pragma once

#include "runtime/core/vm.h"

#include <string>
#include <string_view>

namespace molt {

// exports[name] = a native function.
void exportFunction(VM& vm, Record* exports, std::string_view name, NativeFn fn, int arity);

// core module `module`'s export `name` (an internal module's class, say), or exception.
Value coreModuleExport(VM& vm, std::string_view module, std::string_view name);

// Throws node's error for the failed system call `syscall` (errno value `err`) on `path`
// (and `dest`, when not empty). Returns Value::exception().
Value throwSystemError(VM& vm, int err, std::string_view syscall, std::string_view path,
                       std::string_view dest = {});

// Throws a TypeError whose `code` is node's (ERR_INVALID_ARG_TYPE ...), printed as node
// prints it: "TypeError [CODE]: message". Returns Value::exception().
Value throwCodedTypeError(VM& vm, std::string_view code, std::string_view message);
// node's "Received ..." for a value of the wrong type.
std::string describeReceived(VM& vm, Value actual);

// node's code for an errno value ("ENOENT"), and libuv's message for it.
std::string_view errnoCode(int err);
std::string_view errnoMessage(int err);

} // namespace molt
