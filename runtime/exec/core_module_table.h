// core_module_table.h — the hosted core modules' embedded sources, generated at build time
// by cmake/EmbedCoreModules.cmake from runtime/lib/node/*.js (core_modules.cpp reads it).
#pragma once

#include <cstddef>
#include <string_view>

namespace molt {

struct HostedCoreSource {
    std::string_view name;   // "events" for runtime/lib/node/events.js
    std::string_view source; // the file's text
};
extern const HostedCoreSource kHostedCoreModules[];
extern const size_t kHostedCoreModuleCount;

} // namespace molt
