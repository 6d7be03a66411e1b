// molt — the command line (DESIGN.md §7): runs programs headless, updates them live,
// diffs and refactors their sources. This file dispatches to the subcommands (one file
// each) and answers `molt help`.
#include "app/cli/cli.h"
#include "runtime/exec/signals.h"

#include <cstdio>
#include <string>
#include <vector>

namespace molt::cli {
namespace {

struct Subcommand {
    const char* name;
    int (*run)(const std::vector<std::string>& words);
    std::string (*help)();
};

const Subcommand kSubcommands[] = {
    {"run", runCommand, runHelp},
    {"diff", diffCommand, diffHelp},
    {"refactor", refactorCommand, refactorHelp},
    {"check", checkCommand, checkHelp},
    {"disasm", disasmCommand, disasmHelp},
    {"update", updateCommand, updateHelp},
    {"status", statusCommand, statusHelp},
    {"history", historyCommand, historyHelp},
    {"eval", evalCommand, evalHelp},
    {"ps", psCommand, psHelp},
};

const char* const kUsage =
    "usage: molt COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  run APP.js [ARGS...] [-- ARGS...]\n"
    "                            run a program until its threads and timers are done\n"
    "                            (program arguments that start with '-' go after `--`)\n"
    "  run OLD.js --then NEW.js [--patch P.js] [--eval EXPR] [--report FILE.json]\n"
    "                            run OLD's top level, then update the live program to NEW\n"
    "                            (the generated patch, then P.js)\n"
    "  run APP.js --patch P.js [--eval EXPR] [--report FILE.json]\n"
    "                            run APP's top level, apply the patch to the live program\n"
    "  run APP.js --control SOCKET [--journal FILE] [-- ARGS...]\n"
    "                            run with a control socket (mode 0600) that molt update,\n"
    "                            status, history and eval talk to\n"
    "  update SOCKET NEW_MAIN.js [--patch P.js] [--dry-run] [--eval EXPR] [--report R.json]\n"
    "                            update the process behind SOCKET to a new version\n"
    "  status SOCKET             the process's pid, main, uptime, threads, heap, updates (JSON)\n"
    "  history SOCKET            the process's journal of updates (JSON lines)\n"
    "  eval SOCKET EXPR          evaluate EXPR in the process, print it as console.log would\n"
    "  ps                        this user's molt processes that have a control socket\n"
    "  diff OLD.js NEW.js        print the patch script that updates a program running OLD to\n"
    "                            NEW\n"
    "  refactor KIND ARGS... FILE.js... --out-dir DIR --patch-out P.js\n"
    "                            refactor the program (molt refactor --help lists the kinds)\n"
    "  check FILE.js...          compile only: report syntax and unsupported-construct errors\n"
    "  disasm FILE.js...         print the bytecode of a module\n"
    "  help [COMMAND]            show this help, or a command's (also: molt COMMAND --help)\n"
    "\n"
    "An option a command does not know, or one given twice, is refused (exit 2).\n"
    "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error, 3 update rolled back,\n"
    "4 cannot reach the process behind a control socket\n"
    "environment: MOLT_GC_STRESS=1 collects garbage on every allocation (slow; for testing)\n";

const Subcommand* find(const std::string& name) {
    for (const Subcommand& s : kSubcommands)
        if (name == s.name) return &s;
    return nullptr;
}

int unknownCommand(const std::string& name) {
    std::vector<std::string> names{"help"};
    for (const Subcommand& s : kSubcommands)
        names.push_back(s.name);
    std::string hint = nearest(name, names);
    bool option = !name.empty() && name[0] == '-';
    return usageError(std::string(option ? "unknown option '" : "unknown command '") + name + "'" +
                      (hint.empty() ? "" : " (did you mean " + hint + "?)"));
}

int help(const std::vector<std::string>& words) {
    if (words.empty()) {
        std::fputs(kUsage, stdout);
        return Ok;
    }
    if (words.size() > 1) return usageError("help takes one COMMAND");
    if (words[0] == "help") {
        std::fputs(kUsage, stdout);
        return Ok;
    }
    const Subcommand* s = find(words[0]);
    if (!s) return unknownCommand(words[0]);
    std::fputs(s->help().c_str(), stdout);
    return Ok;
}

} // namespace
} // namespace molt::cli

int main(int argc, char** argv) {
    // The client commands (update, eval, status…) have no event loop, whose setup does this
    // for `run`: a process that goes away mid-answer is an error message, not a signal.
    molt::signals::ignoreBrokenPipes();
    using namespace molt::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fprintf(stderr, "molt: no command given\n\n%s", kUsage);
        return UsageError;
    }
    const std::string& command = args[0];
    std::vector<std::string> words(args.begin() + 1, args.end());
    if (command == "help" || command == "--help" || command == "-h") return help(words);
    if (command == "--version" && words.empty()) {
        std::puts("molt 0.1.0");
        return Ok;
    }
    const Subcommand* s = find(command);
    if (!s) return unknownCommand(command);
    return s->run(words);
}
