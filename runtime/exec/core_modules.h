// core_modules.h — the modules shipped inside the binary: node's `fs`, `path`, `os`, `events`.
//
// `require("fs")` and `require("node:fs")` name the same core module; a program file can
// never shadow one (node's rule too). A core module is either
//   * hosted: JavaScript source under runtime/lib/node/NAME.js (internal/NAME.js for
//   "internal/NAME"), embedded in the binary at
//     build time and compiled on first require like any module. Its classes and functions
//     are ordinary heap objects, so a patch can update them and their callbacks can sleep,
//     yield and be preempted (decision 0003); or
//   * native: an exports object built by C++ (system calls with no callbacks into hosted
//     code), registered in the table in core_modules.cpp.
// Names starting with "internal/" are reachable only from core modules: a hosted module's
// native half lives there, out of the program's sight.
//
// A core module is loaded once per VM, flagged Module::core and named "node:NAME"; it is
// not part of the program's sources, so `molt diff` and version updates leave it alone
// (decision 0011), while patches may still name its classes.
#pragma once

#include "runtime/core/value.h"

#include <string>
#include <string_view>

namespace molt {

class VM;

// Builds a native core module's exports (may allocate; returns an object Value).
using CoreModuleInstaller = Value (*)(VM& vm);

// The hosted source of core module `name`, or null when there is none.
const std::string_view* hostedCoreModuleSource(std::string_view name);
// The installer of native core module `name`, or null.
CoreModuleInstaller nativeCoreModule(std::string_view name);
// "fs" for "fs" and "node:fs" when it is a core module visible to the requirer; empty otherwise.
std::string coreModuleName(std::string_view id, bool fromCoreModule);

// Installers of the native core modules (one file each under runtime/lib).
Value installFsModule(VM& vm);
Value installFsPromisesModule(VM& vm); // require("fs/promises"): fs.promises itself
Value installOsModule(VM& vm);
Value installInternalFsModule(VM& vm);     // node_fs.cpp
Value installInternalUtilModule(VM& vm);
Value installInternalProcessModule(VM& vm); // builtins_process.cpp

} // namespace molt
