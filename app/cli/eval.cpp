// molt eval: evaluates an expression in a running process's main module, at a safe point
// (between scheduler slices), and prints the value as console.log would.
#include "app/cli/control_client.h"

#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kEvalSynopsis = "molt eval SOCKET EXPR";
}

std::string evalHelp() {
    CommandLine line("eval", kEvalSynopsis);
    return std::string("usage: ") + kEvalSynopsis +
           "\n"
           "\n"
           "Evaluates EXPR in the main module of the process listening on SOCKET, between two\n"
           "slices of its threads, and prints the value as console.log would. EXPR runs in the\n"
           "live program: what it changes stays changed.\n"
           "\n" +
           line.optionsHelp() +
           "\nexit codes: 0 ok, 1 EXPR threw (the trace is on stderr), 2 EXPR does not compile "
           "or a\nusage error, 4 the process cannot be reached\n";
}

int evalCommand(const std::vector<std::string>& words) {
    CommandLine line("eval", kEvalSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(evalHelp().c_str(), stdout);
        return Ok;
    }
    if (line.allOperands().size() != 2) return line.refuse("needs SOCKET and EXPR");
    control::Request r;
    r.op = control::Op::Eval;
    r.id = 1;
    r.expr = line.allOperands()[1];
    control::Reply reply;
    if (auto code = askProcess(line.allOperands()[0], r, reply)) return *code;
    if (!reply.ok) {
        if (reply.code != "exception") return printRefusal(reply);
        std::string text = reply.error;
        std::fputs((text + (text.empty() || text.back() != '\n' ? "\n" : "")).c_str(), stderr);
        return UncaughtException;
    }
    std::fputs((reply.result.value("value", "") + "\n").c_str(), stdout);
    return Ok;
}

} // namespace molt::cli
