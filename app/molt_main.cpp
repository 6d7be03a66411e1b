// molt — the command line (DESIGN.md §7): runs programs headless.
//
// Exit codes: 0 ok · 1 uncaught exception (hosted stack trace on stderr) · 2 compile or
// usage error (file:line:col).
#include "canvas.h"
#include "compiler.h"
#include "patch_script.h"
#include "scheduler.h"
#include "syntax.h"
#include "transaction.h"
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
    "  run APP.js --patch P.js [--eval EXPR] [--report FILE.json]\n"
    "                            run APP's top level, apply the patch to the live program\n"
    "  check FILE.js...          compile only: report syntax and unsupported-construct errors\n"
    "  disasm FILE.js            print the bytecode of a module\n"
    "  help [COMMAND]            show this help, or a command's\n"
    "\n"
    "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error, 3 update rolled back\n"
    "environment: MOLT_GC_STRESS=1 collects garbage on every allocation (slow; for testing)\n";

const char* kRunUsage =
    "usage: molt run [OPTIONS] APP.js [ARGS...]\n"
    "\n"
    "Runs APP.js as the main module. ARGS are passed to the program as process.argv[2...].\n"
    "The program ends when its top level, all green threads and all timers are done, or\n"
    "when it calls process.exit(code).\n"
    "\n"
    "options (before APP.js):\n"
    "  --patch P.js        when APP's top level is done, apply the patch script P.js to the\n"
    "                      running program (threads and timers keep running); the update\n"
    "                      commits at the first safe point or rolls back\n"
    "  --eval EXPR         after the update, print EXPR (evaluated in APP's namespace) as\n"
    "                      console.log would, and exit\n"
    "  --report FILE.json  write the update report (phases, pause, instances migrated)\n"
    "  --safe-point-timeout MS   give up waiting for a safe point after MS (default 2000)\n"
    "  --gc-stress         collect garbage on every allocation (also: MOLT_GC_STRESS=1)\n"
    "\n"
    "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error (also: a patch that\n"
    "does not compile, is not a function, or names an unknown class or field), 3 the update\n"
    "rolled back (reason on stderr; EXPR is still evaluated in the unchanged program)\n";

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

// molt run APP --patch P [--eval EXPR] [--report F]: the production-host update path.
int runWithPatch(molt::VM& vm, const std::string& app, const std::vector<std::string>& programArgs,
                 const std::string& patchPath, const std::string* eval,
                 const std::string& reportPath, double safePointTimeout) {
    int code = vm.runTopLevel(app, programArgs);
    if (code != 0) return code;
    code = vm.runUntilTopLevelDone();
    if (code != 0 || vm.exitRequested()) return vm.exitRequested() ? vm.exitCode() : code;

    molt::dsu::UpdateReport report;
    bool done = false;
    {
        molt::dsu::Transaction tx(vm);
        tx.safePointTimeoutMs = safePointTimeout;
        molt::dsu::PatchError error;
        if (!molt::dsu::loadPatch(vm, tx, patchPath, error)) {
            std::fputs(error.message.c_str(), stderr);
            return 2;
        }
        tx.commitAsync([&](const molt::dsu::UpdateReport& r) {
            report = r;
            done = true;
        });
        // The program keeps running while the update waits for a safe point.
        if (!done) vm.scheduler().runUntil([&] { return done; });
        if (!done) {
            report.outcome = molt::dsu::UpdateReport::Outcome::RolledBack;
            report.rollbackReason = vm.exitRequested() ? "the program exited before a safe point"
                                                       : "the program ended before a safe point";
        }
    }
    if (!reportPath.empty()) {
        std::ofstream out(reportPath);
        out << report.toJson();
        if (!out)
            std::fprintf(stderr, "molt: cannot write the report to '%s'\n", reportPath.c_str());
    }
    bool rolledBack = !report.committed();
    if (rolledBack)
        std::fprintf(stderr, "molt: update rolled back: %s\n", report.rollbackReason.c_str());
    if (vm.exitRequested()) return vm.exitCode();
    if (eval) {
        std::string compileError;
        molt::Value v = vm.evaluate(vm.mainModule(), *eval, compileError);
        if (v.isException()) {
            if (!compileError.empty()) {
                std::fputs(compileError.c_str(), stderr);
                return 2;
            }
            if (vm.exitRequested()) return vm.exitCode();
            molt::Value exc = vm.takePendingException();
            molt::Root keep(vm.heap, exc);
            std::fputs(vm.describeUncaught(exc).c_str(), stderr);
            return 1;
        }
        std::string text =
            molt::isString(v) ? std::string(molt::asString(v)->view()) : vm.inspect(v);
        text += "\n";
        vm.writeOut(text);
        std::fflush(stdout);
        return rolledBack ? 3 : 0;
    }
    code = vm.runEventLoop();
    std::fflush(stdout);
    if (code != 0) return code;
    return rolledBack ? 3 : 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usageError("no command given");
    const std::string& command = args[0];
    if (command == "help" || command == "--help" || command == "-h") {
        if (args.size() > 1 && args[1] == "run")
            std::fputs(kRunUsage, stdout);
        else
            std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == "--version") {
        std::puts("molt 0.1.0");
        return 0;
    }
    bool stress =
        std::getenv("MOLT_GC_STRESS") && std::strcmp(std::getenv("MOLT_GC_STRESS"), "0") != 0;
    if (command == "run") {
        size_t i = 1;
        std::string patch, eval, reportPath;
        bool haveEval = false;
        double safePointTimeout = 2000;
        for (; i < args.size() && args[i].rfind("--", 0) == 0; ++i) {
            const std::string& opt = args[i];
            auto value = [&](std::string& out) {
                if (i + 1 >= args.size()) return false;
                out = args[++i];
                return true;
            };
            if (opt == "--help") {
                std::fputs(kRunUsage, stdout);
                return 0;
            }
            if (opt == "--gc-stress")
                stress = true;
            else if (opt == "--patch") {
                if (!value(patch)) return usageError("--patch needs a file");
            } else if (opt == "--eval") {
                if (!value(eval)) return usageError("--eval needs an expression");
                haveEval = true;
            } else if (opt == "--report") {
                if (!value(reportPath)) return usageError("--report needs a file");
            } else if (opt == "--safe-point-timeout") {
                std::string ms;
                if (!value(ms) || std::atof(ms.c_str()) <= 0)
                    return usageError("--safe-point-timeout needs a number of milliseconds");
                safePointTimeout = std::atof(ms.c_str());
            } else
                return usageError("unknown option '" + opt + "' for run");
        }
        if (i >= args.size()) return usageError("run: missing APP.js");
        if ((haveEval || !reportPath.empty()) && patch.empty())
            return usageError("--eval and --report need --patch");
        std::string path = args[i];
        std::vector<std::string> programArgs(args.begin() + long(i) + 1, args.end());
        molt::VM vm;
        molt::Canvas canvas(vm); // no sink: frames are recorded and dropped (headless)
        vm.heap.setStressMode(stress);
        if (patch.empty()) {
            int code = vm.runMain(path, programArgs);
            std::fflush(stdout);
            return code;
        }
        return runWithPatch(vm, path, programArgs, patch, haveEval ? &eval : nullptr, reportPath,
                            safePointTimeout);
    }
    if (command == "check" || command == "disasm") {
        if (args.size() < 2) return usageError(command + ": missing FILE.js");
        molt::VM vm;
        int worst = 0;
        for (size_t i = 1; i < args.size(); ++i)
            worst = std::max(worst, compileOnly(vm, args[i], command == "disasm"));
        return worst;
    }
    return usageError("unknown command '" + command + "'");
}
