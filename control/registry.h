// registry.h — which molt processes on this machine have a control socket (`molt ps`).
//
// Each process with --control writes one small JSON file, <pid>.json, into a directory
// private to its user: $XDG_RUNTIME_DIR/molt when that is set, /tmp/molt-<uid> otherwise
// (created 0700; a directory owned by someone else, or open to others, is not used). The
// file is removed at exit. A killed process leaves its file behind: a reader drops every
// entry whose pid is gone or whose socket no longer exists, so the list never shows the
// dead.
#pragma once

#include "control/protocol.h"
#include "runtime/core/result.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace molt::control {

struct RegistryEntry {
    pid_t pid = 0;
    std::string socket, main, started; // socket and main as absolute paths; UTC start time
};

// The directory (created when missing); an error when there is no usable one.
Result<std::string> registryDirectory();

// Registers this process; the returned path is removed by unregisterProcess.
Result<std::string> registerProcess(const RegistryEntry& entry);
void unregisterProcess(const std::string& file);

// The live entries, by pid; stale files are removed on the way.
Result<std::vector<RegistryEntry>> liveProcesses();

} // namespace molt::control
