// molt status: what a process with a control socket is running, as JSON (pid, main module,
// uptime, threads, heap, updates applied and rolled back, the last update's report).
#include "app/cli/control_client.h"

#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kStatusSynopsis = "molt status SOCKET";
}

std::string statusHelp() {
    CommandLine line("status", kStatusSynopsis);
    return std::string("usage: ") + kStatusSynopsis +
           "\n"
           "\n"
           "Prints, as JSON, the state of the process listening on SOCKET: pid, main module,\n"
           "socket, journal, uptime_ms, threads (total, runnable, sleeping), heap (bytes_live),\n"
           "updates_applied, updates_rolled_back, update_waiting and last_report.\n"
           "\n" +
           line.optionsHelp() +
           "\nexit codes: 0 ok, 2 usage error, 4 the process cannot be reached\n";
}

int statusCommand(const std::vector<std::string>& words) {
    CommandLine line("status", kStatusSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(statusHelp().c_str(), stdout);
        return Ok;
    }
    if (line.allOperands().size() != 1) return line.refuse("needs SOCKET");
    control::Request r;
    r.op = control::Op::Status;
    r.id = 1;
    control::Reply reply;
    if (auto code = askProcess(line.allOperands()[0], r, reply)) return *code;
    if (!reply.ok) return printRefusal(reply);
    std::fputs((reply.result.dump(2) + "\n").c_str(), stdout);
    return Ok;
}

} // namespace molt::cli
