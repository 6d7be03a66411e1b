// molt disasm: the bytecode of each module, as the compiler emits it.
#include "app/cli/cli.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kDisasmSynopsis = "molt disasm FILE.js...";
}

std::string disasmHelp() {
    CommandLine line("disasm", kDisasmSynopsis);
    return std::string("usage: ") + kDisasmSynopsis +
           "\n"
           "\n"
           "Compiles each FILE.js as a module, without running it, and prints its bytecode:\n"
           "every function's constants and instructions.\n"
           "\n" +
           line.optionsHelp() +
           "\n"
           "exit codes: 0 ok, 2 a file cannot be read or does not compile\n";
}

int disasmCommand(const std::vector<std::string>& words) {
    CommandLine line("disasm", kDisasmSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(disasmHelp().c_str(), stdout);
        return Ok;
    }
    std::vector<std::string> paths = line.allOperands();
    if (paths.empty()) return line.refuse("missing FILE.js");
    VM vm;
    int worst = Ok;
    for (const std::string& path : paths)
        worst = std::max(worst, compileFile(vm, path, true));
    return worst;
}

} // namespace molt::cli
