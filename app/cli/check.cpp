// molt check: compiles each file alone and reports its syntax and unsupported-construct
// errors; every file is checked, and the exit status is the worst of them.
#include "app/cli/cli.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kCheckSynopsis = "molt check FILE.js...";
}

std::string checkHelp() {
    CommandLine line("check", kCheckSynopsis);
    return std::string("usage: ") + kCheckSynopsis +
           "\n"
           "\n"
           "Compiles each FILE.js as a module, without running it, and reports its syntax\n"
           "errors and the constructs the language does not support (file:line:col, the source\n"
           "line and a caret). Required modules are not followed.\n"
           "\n" +
           line.optionsHelp() +
           "\n"
           "exit codes: 0 every file compiles, 2 a file cannot be read or does not compile\n";
}

int checkCommand(const std::vector<std::string>& words) {
    CommandLine line("check", kCheckSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(checkHelp().c_str(), stdout);
        return Ok;
    }
    std::vector<std::string> paths = line.allOperands();
    if (paths.empty()) return line.refuse("missing FILE.js");
    VM vm;
    int worst = Ok;
    for (const std::string& path : paths)
        worst = std::max(worst, compileFile(vm, path, false));
    return worst;
}

} // namespace molt::cli
