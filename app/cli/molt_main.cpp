// molt — the command line (DESIGN.md §7): runs programs headless.
//
// Exit codes: 0 ok · 1 uncaught exception (hosted stack trace on stderr) · 2 compile or
// usage error (file:line:col) · 3 update rolled back.
#include "runtime/lib/canvas.h"
#include "runtime/compiler/compiler.h"
#include "dsu/source/differ.h"
#include "dsu/source/patch_script.h"
#include "dsu/refactor/refactor.h"
#include "runtime/exec/scheduler.h"
#include "runtime/syntax/syntax.h"
#include "dsu/commit/transaction.h"
#include "dsu/commit/version.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage: molt COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  run APP.js [ARGS...]      run a program until its threads and timers are done\n"
    "  run OLD.js --then NEW.js [--patch P.js] [--eval EXPR] [--report FILE.json]\n"
    "                            run OLD's top level, then update the live program to NEW\n"
    "                            (the generated patch, then P.js)\n"
    "  run APP.js --patch P.js [--eval EXPR] [--report FILE.json]\n"
    "                            run APP's top level, apply the patch to the live program\n"
    "  diff OLD.js NEW.js        print the patch script that updates a program running OLD to\n"
    "                            NEW\n"
    "  refactor KIND ARGS... FILE.js... --out-dir DIR --patch-out P.js\n"
    "                            refactor the program (molt refactor --help lists the kinds)\n"
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
    "options (before or right after APP.js; `--` ends them):\n"
    "  --then NEW.js       when APP's top level is done, update the running program to the\n"
    "                      new version NEW.js (and the modules it requires): the patch that\n"
    "                      `molt diff APP.js NEW.js` prints runs first, then P.js if given.\n"
    "                      Classes take their new code and layout, live instances are\n"
    "                      migrated, bindings of both versions keep their live values, and\n"
    "                      NEW's top-level statements are not run\n"
    "  --patch P.js        apply the patch script P.js to the running program (threads and\n"
    "                      timers keep running); the update commits at the first safe point\n"
    "                      or rolls back\n"
    "  --eval EXPR         after the update, print EXPR (evaluated in the main module's\n"
    "                      namespace) as console.log would, and exit\n"
    "  --report FILE.json  write the update report (phases, pause, instances migrated)\n"
    "  --safe-point-timeout MS   give up waiting for a safe point after MS (default 2000)\n"
    "  --max-heap MB       limit the heap to MB megabytes: the program ends with \"out of\n"
    "                      memory\" when it needs more; an update whose migrated copies\n"
    "                      would not fit rolls back instead (exit 3)\n"
    "  --gc-stress         collect garbage on every allocation (also: MOLT_GC_STRESS=1)\n"
    "\n"
    "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error (also: a new version\n"
    "or patch that does not compile, a patch that is not a function or names an unknown\n"
    "class or field; nothing is changed), 3 the update rolled back (reason on stderr; EXPR\n"
    "is still evaluated in the unchanged program)\n";

const char* kDiffUsage =
    "usage: molt diff OLD.js NEW.js\n"
    "\n"
    "Compares two versions of a program and prints the patch script that moves a running\n"
    "OLD to NEW: one dsu.* call per change, a comment on every default migration decision\n"
    "and a REVIEW line on every decision a person should check. Edit it and pass it to\n"
    "`molt run OLD.js --then NEW.js --patch P.js`, or keep it as the record of the update.\n"
    "\n"
    "OLD.js and NEW.js are main modules. A program is its main module plus every module it\n"
    "reaches through require('./relative') with a string literal; modules are matched by\n"
    "their path relative to the main module's folder. Whitespace and comments are no change.\n"
    "\n"
    "exit codes: 0 ok (the script is on stdout, even when nothing changed), 2 a file cannot\n"
    "be read, has a syntax error (file:line:col on stderr), or a usage error\n";

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

struct UpdateOptions {
    std::string then;  // NEW.js: update to this version (generated patch, then `patch`)
    std::string patch; // P.js
    const std::string* eval = nullptr;
    std::string reportPath;
    double safePointTimeout = 2000;
};

// molt run APP [--then NEW] [--patch P] [--eval EXPR] [--report F]: the production-host
// update path.
int runWithUpdate(molt::VM& vm, const std::string& app, const std::vector<std::string>& programArgs,
                  const UpdateOptions& o) {
    // Bad input is reported before the program starts.
    std::vector<molt::dsu::SourceFile> next;
    if (!o.then.empty()) {
        std::string error;
        if (!molt::dsu::readProgram(o.then, next, error,
                                    std::filesystem::path(app).filename().string())) {
            std::fputs(error.c_str(), stderr);
            return 2;
        }
    }
    if (!o.patch.empty()) {
        std::string text;
        if (!readFile(o.patch, text)) {
            std::fprintf(stderr, "molt: cannot read patch '%s': %s\n", o.patch.c_str(),
                         std::strerror(errno));
            return 2;
        }
    }
    int code = vm.runTopLevel(app, programArgs);
    if (code != 0) return code;
    code = vm.runUntilTopLevelDone();
    if (code != 0 || vm.exitRequested()) return vm.exitRequested() ? vm.exitCode() : code;

    molt::dsu::UpdateReport report;
    bool done = false;
    auto finished = [&](const molt::dsu::UpdateReport& r) {
        report = r;
        done = true;
    };
    {
        std::unique_ptr<molt::dsu::VersionUpdate> update;
        std::unique_ptr<molt::dsu::Transaction> tx;
        if (!o.then.empty()) {
            update = std::make_unique<molt::dsu::VersionUpdate>(vm);
            update->safePointTimeoutMs = o.safePointTimeout;
            std::string error;
            molt::dsu::NewVersion version{next, o.then};
            if (!update->prepare(version, {o.patch, ""}, error)) {
                std::fputs(error.c_str(), stderr);
                return 2;
            }
            update->commitAsync(finished);
        } else {
            tx = std::make_unique<molt::dsu::Transaction>(vm);
            tx->safePointTimeoutMs = o.safePointTimeout;
            molt::dsu::PatchError error;
            if (!molt::dsu::loadPatch(vm, *tx, o.patch, error)) {
                std::fputs(error.message.c_str(), stderr);
                return 2;
            }
            tx->commitAsync(finished);
        }
        // The program keeps running while the update waits for a safe point.
        if (!done) vm.scheduler().runUntil([&] { return done; });
        if (!done) {
            report.outcome = molt::dsu::UpdateReport::Outcome::RolledBack;
            report.rollbackReason = vm.exitRequested() ? "the program exited before a safe point"
                                                       : "the program ended before a safe point";
        }
    }
    const std::string& reportPath = o.reportPath;
    const std::string* eval = o.eval;
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

namespace fs = std::filesystem;

// The string literal of `require("./x")`, or "" when `call` is not such a call.
std::string requiredPath(const molt::SyntaxTree& tree, TSNode call) {
    TSNode callee = molt::field(call, "function");
    if (!molt::is(callee, "identifier") || tree.text(callee) != "require") return "";
    std::vector<TSNode> args = molt::namedChildren(molt::field(call, "arguments"));
    if (args.size() != 1 || !molt::is(args[0], "string")) return "";
    std::string_view text = tree.text(args[0]);
    if (text.size() < 2) return "";
    std::string id(text.substr(1, text.size() - 2));
    return id.rfind("./", 0) == 0 || id.rfind("../", 0) == 0 ? id : "";
}

// Reads the main module and every module it reaches through relative requires, resolved as
// the runtime does (x, x.js, x/index.js); paths relative to the main module's folder. A
// require that resolves to no file is left to fail at run time, as it would.
bool readProgram(const std::string& mainPath, std::vector<molt::dsu::SourceFile>& files) {
    fs::path shownRoot = fs::path(mainPath).parent_path();
    fs::path main = fs::absolute(mainPath).lexically_normal();
    fs::path root = main.parent_path();
    std::vector<fs::path> pending{main};
    std::vector<fs::path> seen{main};
    while (!pending.empty()) {
        fs::path file = pending.front();
        pending.erase(pending.begin());
        std::string text;
        if (!readFile(file.string(), text)) {
            std::string shown = file == main ? mainPath : file.string();
            std::fprintf(stderr, "molt: cannot read '%s': %s\n", shown.c_str(),
                         std::strerror(errno));
            return false;
        }
        auto tree = molt::SyntaxTree::parse(text, file.string());
        std::vector<TSNode> nodes{tree->root()};
        while (!nodes.empty()) {
            TSNode n = nodes.back();
            nodes.pop_back();
            std::string id = molt::is(n, "call_expression") ? requiredPath(*tree, n) : "";
            if (!id.empty()) {
                fs::path base = (file.parent_path() / id).lexically_normal();
                for (const fs::path& candidate :
                     {base, fs::path(base.string() + ".js"), base / "index.js"}) {
                    std::error_code ec;
                    if (!fs::is_regular_file(candidate, ec)) continue;
                    if (std::find(seen.begin(), seen.end(), candidate) == seen.end()) {
                        seen.push_back(candidate);
                        pending.push_back(candidate);
                    }
                    break;
                }
            }
            std::vector<TSNode> kids = molt::namedChildren(n);
            nodes.insert(nodes.end(), kids.rbegin(), kids.rend());
        }
        std::string relative = file.lexically_relative(root).generic_string();
        files.push_back({relative, std::move(text), (shownRoot / relative).generic_string()});
    }
    return true;
}

// molt diff OLD NEW: the generated patch script on stdout.
int diffCommand(const std::string& oldPath, const std::string& newPath) {
    std::vector<molt::dsu::SourceFile> oldFiles, newFiles;
    if (!readProgram(oldPath, oldFiles) || !readProgram(newPath, newFiles)) return 2;
    // NEW's main module is the next version of OLD's, whatever the two files are called.
    newFiles[0].path = oldFiles[0].path;
    molt::dsu::DiffOptions options;
    options.oldLabel = oldPath;
    options.newLabel = newPath;
    molt::dsu::ChangeSet changes;
    molt::dsu::DiffError error;
    if (!molt::dsu::diffSources(oldFiles, newFiles, changes, error, options)) {
        std::fputs(error.message.c_str(), stderr);
        return 2;
    }
    std::fputs(molt::dsu::generatePatchScript(changes, options).c_str(), stdout);
    return 0;
}

// molt refactor: the usage text, with every kind and its arguments.
std::string refactorUsage() {
    std::string s =
        "usage: molt refactor KIND ARGS... FILE.js... --out-dir DIR --patch-out P.js [OPTIONS]\n"
        "\n"
        "Refactors a program and writes its new sources under DIR (every module, by its path\n"
        "relative to the main module's folder) and the patch script P.js that keeps the live\n"
        "state, so that `molt run FILE.js --then DIR/FILE.js --patch P.js` applies the\n"
        "refactoring to the running program. FILE.js is the main module (its relative\n"
        "requires are read too; more files may follow). The summary, and the senders of a\n"
        "renamed method, are printed on stdout. Lists are comma-separated ('-' for none).\n"
        "\n"
        "kinds:\n";
    for (const molt::dsu::RefactorKindInfo& k : molt::dsu::refactorKinds()) {
        std::string head = std::string("  ") + k.kind + " " + k.arguments;
        s += head + "\n      " + k.summary + "\n";
    }
    s += "\n"
         "options:\n"
         "  --force            also rewrite sites where the name may be another class's\n"
         "  --value EXPR       make-static: the static's value (default: the first live\n"
         "                     instance's)\n"
         "  --existing EXPR    add-field: the value of live instances (oldObj in scope)\n"
         "  --static           add-field: declare a static field\n"
         "\n"
         "exit codes: 0 ok, 2 bad arguments (an unknown class or member, a clashing name, a\n"
         "refactoring that does not apply: file:line:col on stderr; nothing is written)\n";
    return s;
}

int refactorCommand(const std::vector<std::string>& args) {
    molt::dsu::RefactorRequest request;
    std::vector<std::string> positional;
    std::string outDir, patchOut;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--out-dir") {
            if (!value(outDir)) return usageError("--out-dir needs a folder");
        } else if (a == "--patch-out") {
            if (!value(patchOut)) return usageError("--patch-out needs a file");
        } else if (a == "--force" || a == "--static") {
            request.options.push_back({a.substr(2), "1"});
        } else if (a == "--value" || a == "--existing") {
            if (!value(v)) return usageError(a + " needs an expression");
            request.options.push_back({a.substr(2), v});
        } else if (a.rfind("--", 0) == 0) {
            return usageError("unknown option '" + a + "' for refactor");
        } else {
            positional.push_back(a);
        }
    }
    if (positional.empty()) return usageError("refactor: missing KIND (molt refactor --help)");
    request.kind = positional[0];
    const molt::dsu::RefactorKindInfo* kind = nullptr;
    for (const molt::dsu::RefactorKindInfo& k : molt::dsu::refactorKinds())
        if (request.kind == k.kind) kind = &k;
    if (!kind)
        return usageError("unknown refactoring '" + request.kind + "' (molt refactor --help)");
    size_t arity = 1;
    for (const char* c = kind->arguments; *c; ++c)
        arity += *c == ' ';
    if (positional.size() < 2 + arity)
        return usageError("refactor " + request.kind + " takes " + kind->arguments + " FILE.js...");
    if (outDir.empty() || patchOut.empty())
        return usageError("refactor needs --out-dir DIR and --patch-out P.js");
    request.args.assign(positional.begin() + 1, positional.begin() + 1 + long(arity));
    std::vector<std::string> paths(positional.begin() + 1 + long(arity), positional.end());
    std::vector<molt::dsu::SourceFile> files;
    std::string error;
    if (!molt::dsu::readProgram(paths[0], files, error)) {
        std::fputs(error.c_str(), stderr);
        return 2;
    }
    fs::path root = fs::absolute(paths[0]).lexically_normal().parent_path();
    for (size_t i = 1; i < paths.size(); ++i) {
        std::string rel =
            fs::absolute(paths[i]).lexically_normal().lexically_relative(root).generic_string();
        if (rel.empty() || rel.rfind("..", 0) == 0)
            return usageError("'" + paths[i] + "' is outside the main module's folder");
        bool known = std::any_of(files.begin(), files.end(),
                                 [&](const molt::dsu::SourceFile& f) { return f.path == rel; });
        if (known) continue;
        std::string text;
        if (!readFile(paths[i], text)) {
            std::fprintf(stderr, "molt: cannot read '%s': %s\n", paths[i].c_str(),
                         std::strerror(errno));
            return 2;
        }
        files.push_back({rel, std::move(text), paths[i]});
    }
    molt::dsu::RefactorResult result = molt::dsu::refactor(files, request);
    if (!result.ok()) {
        std::fputs(result.error.c_str(), stderr);
        return 2;
    }
    // Everything is computed; only now is anything written.
    std::error_code ec;
    for (const molt::dsu::SourceFile& f : result.files) {
        fs::path out = fs::path(outDir) / f.path;
        fs::create_directories(out.parent_path(), ec);
        std::ofstream o(out, std::ios::binary);
        o << f.text;
        if (!o) {
            std::fprintf(stderr, "molt: cannot write '%s'\n", out.string().c_str());
            return 2;
        }
    }
    std::ofstream p(patchOut, std::ios::binary);
    p << result.patch;
    if (!p) {
        std::fprintf(stderr, "molt: cannot write '%s'\n", patchOut.c_str());
        return 2;
    }
    std::printf("%s\n", result.summary.c_str());
    for (const molt::dsu::SourceSite& s : result.senders)
        std::printf("  %s%s\n", s.format().c_str(), s.ambiguous ? "   (ambiguous)" : "");
    std::printf("undo: molt refactor %s\n", result.inverse.commandLine().c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usageError("no command given");
    const std::string& command = args[0];
    if (command == "help" || command == "--help" || command == "-h") {
        if (args.size() > 1 && args[1] == "run")
            std::fputs(kRunUsage, stdout);
        else if (args.size() > 1 && args[1] == "diff")
            std::fputs(kDiffUsage, stdout);
        else if (args.size() > 1 && args[1] == "refactor")
            std::fputs(refactorUsage().c_str(), stdout);
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
        UpdateOptions update;
        double maxHeapMb = 0;
        std::string eval;
        bool haveEval = false;
        std::string path;
        std::vector<std::string> programArgs;
        // Options may come before or after APP.js; after it, the first argument that is not
        // one of them (or everything after `--`) goes to the program.
        for (size_t i = 1; i < args.size(); ++i) {
            const std::string& opt = args[i];
            auto value = [&](std::string& out) {
                if (i + 1 >= args.size()) return false;
                out = args[++i];
                return true;
            };
            bool isOption = opt.rfind("--", 0) == 0 && programArgs.empty();
            if (!isOption) {
                if (path.empty())
                    path = opt;
                else
                    programArgs.push_back(opt);
                continue;
            }
            if (opt == "--") {
                programArgs.assign(args.begin() + long(i) + 1, args.end());
                break;
            }
            if (opt == "--help") {
                std::fputs(kRunUsage, stdout);
                return 0;
            }
            if (opt == "--gc-stress")
                stress = true;
            else if (opt == "--then") {
                if (!value(update.then)) return usageError("--then needs a file");
            } else if (opt == "--patch") {
                if (!value(update.patch)) return usageError("--patch needs a file");
            } else if (opt == "--eval") {
                if (!value(eval)) return usageError("--eval needs an expression");
                haveEval = true;
            } else if (opt == "--report") {
                if (!value(update.reportPath)) return usageError("--report needs a file");
            } else if (opt == "--max-heap") {
                std::string mb;
                if (!value(mb) || std::atof(mb.c_str()) <= 0)
                    return usageError("--max-heap needs a number of megabytes");
                maxHeapMb = std::atof(mb.c_str());
            } else if (opt == "--safe-point-timeout") {
                std::string ms;
                if (!value(ms) || std::atof(ms.c_str()) <= 0)
                    return usageError("--safe-point-timeout needs a number of milliseconds");
                update.safePointTimeout = std::atof(ms.c_str());
            } else if (!path.empty()) {
                programArgs.push_back(opt); // the program's own option
            } else {
                return usageError("unknown option '" + opt + "' for run");
            }
        }
        if (path.empty()) return usageError("run: missing APP.js");
        bool updating = !update.patch.empty() || !update.then.empty();
        if ((haveEval || !update.reportPath.empty()) && !updating)
            return usageError("--eval and --report need --then or --patch");
        if (haveEval) update.eval = &eval;
        molt::VM vm;
        molt::Canvas canvas(vm); // no sink: frames are recorded and dropped (headless)
        vm.heap.setStressMode(stress);
        vm.heap.setLimit(size_t(maxHeapMb * 1024 * 1024));
        if (!updating) {
            int code = vm.runMain(path, programArgs);
            std::fflush(stdout);
            return code;
        }
        return runWithUpdate(vm, path, programArgs, update);
    }
    if (command == "diff") {
        if (args.size() > 1 && args[1] == "--help") {
            std::fputs(kDiffUsage, stdout);
            return 0;
        }
        if (args.size() != 3) return usageError("diff needs OLD.js and NEW.js");
        return diffCommand(args[1], args[2]);
    }
    if (command == "refactor") {
        if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
            std::fputs(refactorUsage().c_str(), stdout);
            return 0;
        }
        return refactorCommand(args);
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
