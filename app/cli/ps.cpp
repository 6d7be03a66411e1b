// molt ps: the molt processes of this user that have a control socket (like jps). Read
// from the registry (control/registry.h); entries of processes that are gone are dropped.
#include "app/cli/cli.h"
#include "control/registry.h"

#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kPsSynopsis = "molt ps";
}

std::string psHelp() {
    CommandLine line("ps", kPsSynopsis);
    return std::string("usage: ") + kPsSynopsis +
           "\n"
           "\n"
           "Lists this user's running molt processes that have a control socket, one per line:\n"
           "PID, SOCKET and MAIN (tab-separated, after a header line). The registry is\n"
           "$XDG_RUNTIME_DIR/molt, or /tmp/molt-UID when XDG_RUNTIME_DIR is not set.\n"
           "\n" +
           line.optionsHelp() + "\nexit codes: 0 ok, 2 usage error\n";
}

int psCommand(const std::vector<std::string>& words) {
    CommandLine line("ps", kPsSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(psHelp().c_str(), stdout);
        return Ok;
    }
    if (!line.allOperands().empty())
        return line.refuse("unexpected argument '" + line.allOperands()[0] + "'");
    auto live = control::liveProcesses();
    if (!live) std::fprintf(stderr, "molt: %s\n", live.error().message().c_str());
    std::puts("PID\tSOCKET\tMAIN");
    for (const control::RegistryEntry& e :
         live ? live.value() : std::vector<control::RegistryEntry>{})
        std::printf("%d\t%s\t%s\n", int(e.pid), e.socket.c_str(), e.main.c_str());
    return Ok;
}

} // namespace molt::cli
