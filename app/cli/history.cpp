// molt history: the journal of a process with a control socket — one JSON line per update
// (time, peer uid, digest of the sources, the sources, the patches, the report).
#include "app/cli/control_client.h"

#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kHistorySynopsis = "molt history SOCKET";
}

std::string historyHelp() {
    CommandLine line("history", kHistorySynopsis);
    return std::string("usage: ") + kHistorySynopsis +
           "\n"
           "\n"
           "Prints the journal of the process listening on SOCKET: one JSON object per line,\n"
           "oldest first, for every update it ran (committed, rolled back or a dry run), with\n"
           "time, peer_uid, peer_pid, outcome, dry_run, digest, sources, generated_patch, patch\n"
           "and report. The sources of the last committed entry are what is live.\n"
           "\n" +
           line.optionsHelp() +
           "\nexit codes: 0 ok, 2 usage error, 4 the process cannot be reached\n";
}

int historyCommand(const std::vector<std::string>& words) {
    CommandLine line("history", kHistorySynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(historyHelp().c_str(), stdout);
        return Ok;
    }
    if (line.allOperands().size() != 1) return line.refuse("needs SOCKET");
    control::Request r;
    r.op = control::Op::History;
    r.id = 1;
    control::Reply reply;
    if (auto code = askProcess(line.allOperands()[0], r, reply)) return *code;
    if (!reply.ok) return printRefusal(reply);
    for (const control::Json& entry : reply.result.value("entries", control::Json::array()))
        std::fputs(
            (entry.dump(-1, ' ', false, control::Json::error_handler_t::replace) + "\n").c_str(),
            stdout);
    return Ok;
}

} // namespace molt::cli
