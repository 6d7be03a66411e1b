// molt — the command line (DESIGN.md §7): runs programs headless.
//
// Exit codes: 0 ok · 1 uncaught exception (hosted stack trace on stderr) · 2 compile or
// usage error (file:line:col).
#include "compiler.h"
#include "syntax.h"
#include "vm.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage: molt COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  run APP.js [ARGS...]      run a program until its threads and timers are done\n"
    "  check FILE.js...          compile only: report syntax and unsupported-construct errors\n"
    "  disasm FILE.js            print the bytecode of a module\n"
    "  help [COMMAND]            show this help, or a command's\n"
    "\n"
    "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error\n"
    "environment: MOLT_GC_STRESS=1 collects garbage on every allocation (slow; for testing)\n";

const char* kRunUsage =
    "usage: molt run APP.js [ARGS...]\n"
    "\n"
    "Runs APP.js as the main module. ARGS are passed to the program as process.argv[2...].\n"
    "The program ends when its top level, all green threads and all timers are done, or\n"
    "when it calls process.exit(code).\n"
    "  --gc-stress    collect garbage on every allocation (also: MOLT_GC_STRESS=1)\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "molt: %s\n\n%s", message.c_str(), kUsage);
    return 2;
}

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int compileOnly(molt::VM& vm, const std::string& path, bool disassembleIt) {
    std::string source;
    if (!readFile(path, source)) {
        std::fprintf(stderr, "molt: cannot read '%s': %s\n", path.c_str(), std::strerror(errno));
        return 2;
    }
    auto* module = vm.heap.allocate<molt::Module>(molt::ObjKind::Module, vm.moduleClass);
    molt::Root keep(vm.heap, molt::Value::object(module));
    module->displayPath = vm.intern(path);
    auto tree = molt::SyntaxTree::parse(std::move(source), path);
    molt::CompileError error;
    molt::FunctionProto* proto = molt::compileModule(vm, module, *tree, error);
    if (!proto) {
        std::fputs(error.format().c_str(), stderr);
        return 2;
    }
    if (disassembleIt) std::fputs(molt::disassemble(proto).c_str(), stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usageError("no command given");
    const std::string& command = args[0];
    if (command == "help" || command == "--help" || command == "-h") {
        if (args.size() > 1 && args[1] == "run") std::fputs(kRunUsage, stdout);
        else std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == "--version") {
        std::puts("molt 0.1.0");
        return 0;
    }
    bool stress = std::getenv("MOLT_GC_STRESS") && std::strcmp(std::getenv("MOLT_GC_STRESS"), "0") != 0;
    if (command == "run") {
        size_t i = 1;
        for (; i < args.size() && args[i].rfind("--", 0) == 0; ++i) {
            if (args[i] == "--help") {
                std::fputs(kRunUsage, stdout);
                return 0;
            }
            if (args[i] == "--gc-stress") stress = true;
            else return usageError("unknown option '" + args[i] + "' for run");
        }
        if (i >= args.size()) return usageError("run: missing APP.js");
        std::string path = args[i];
        std::vector<std::string> programArgs(args.begin() + long(i) + 1, args.end());
        molt::VM vm;
        vm.heap.setStressMode(stress);
        int code = vm.runMain(path, programArgs);
        std::fflush(stdout);
        return code;
    }
    if (command == "check" || command == "disasm") {
        if (args.size() < 2) return usageError(command + ": missing FILE.js");
        molt::VM vm;
        int worst = 0;
        for (size_t i = 1; i < args.size(); ++i) worst = std::max(worst, compileOnly(vm, args[i], command == "disasm"));
        return worst;
    }
    return usageError("unknown command '" + command + "'");
}
