// The table of core modules: hosted ones come from the generated core_module_sources.cpp,
// native ones are listed here (adding one is its installer's file plus one line below; http is
// one).
#include "runtime/exec/core_modules.h"

#include "runtime/exec/core_module_table.h"
#include "runtime/exec/microtasks.h"
#include "runtime/io/http_wire.h"
#include "runtime/lib/hosted_methods.h"

namespace molt {

namespace {

struct NativeCoreModule {
    std::string_view name;
    CoreModuleInstaller install;
};

const NativeCoreModule kNativeCoreModules[] = {
    {"fs", installFsModule},
    {"fs/promises", installFsPromisesModule},
    {"os", installOsModule},
    {"http", requireHttp},
    {"internal/fs", installInternalFsModule},
    {"internal/util", installInternalUtilModule},
    {"internal/process", installInternalProcessModule},
    {"internal/microtask", installInternalMicrotaskModule},
    {"internal/builtins_support", installInternalBuiltinsSupportModule},
};

constexpr std::string_view kNodePrefix = "node:";
constexpr std::string_view kInternalPrefix = "internal/";

} // namespace

const std::string_view* hostedCoreModuleSource(std::string_view name) {
    for (size_t i = 0; i < kHostedCoreModuleCount; ++i)
        if (kHostedCoreModules[i].name == name) return &kHostedCoreModules[i].source;
    return nullptr;
}

CoreModuleInstaller nativeCoreModule(std::string_view name) {
    for (const NativeCoreModule& m : kNativeCoreModules)
        if (m.name == name) return m.install;
    return nullptr;
}

std::string coreModuleName(std::string_view id, bool fromCoreModule) {
    if (id.substr(0, kNodePrefix.size()) == kNodePrefix) id.remove_prefix(kNodePrefix.size());
    if (id.substr(0, kInternalPrefix.size()) == kInternalPrefix && !fromCoreModule) return "";
    if (!hostedCoreModuleSource(id) && !nativeCoreModule(id)) return "";
    return std::string(id);
}

} // namespace molt
