// molt run: runs a program headless, and updates it live (--then, --patch): the production
// host's update path. Every input is checked before the program starts, so a bad new
// version or patch never leaves a program half run.
#include "app/cli/cli.h"
#include "control/control_host.h"
#include "control/registry.h"
#include "dsu/commit/transaction.h"
#include "dsu/commit/version.h"
#include "dsu/source/patch_script.h"
#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/canvas.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <signal.h>
#include <unistd.h>

namespace molt::cli {

namespace {

constexpr const char* kRunSynopsis = "molt run [OPTIONS] APP.js [ARGS...] [-- ARGS...]";

// What a signal that ends the process must not leave behind (signal-safe: unlink only).
char gSocketPath[4096];
char gRegistryPath[4096];

void removeOnSignal(int sig) {
    if (gSocketPath[0]) ::unlink(gSocketPath);
    if (gRegistryPath[0]) ::unlink(gRegistryPath);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void copyPath(char* into, const std::string& path) {
    std::snprintf(into, 4096, "%s", path.size() < 4096 ? path.c_str() : "");
}

struct RunOptions {
    std::string then;  // NEW.js: update to this version (generated patch, then `patch`)
    std::string patch; // P.js
    std::string eval;
    std::string report;
    std::string safePointTimeout;
    std::string maxHeap;
    std::string control, journal;
    bool gcStress = false;
};

void declare(CommandLine& line, RunOptions& o) {
    line.option("--then", o.then, "NEW.js",
                "when APP's top level is done, update the running program to the new version "
                "NEW.js (and the modules it requires): the patch that `molt diff APP.js NEW.js` "
                "prints runs first, then P.js if given. Classes take their new code and layout, "
                "live instances are migrated, bindings of both versions keep their live values, "
                "and NEW's top-level statements are not run");
    line.option("--patch", o.patch, "P.js",
                "apply the patch script P.js to the running program (threads and timers keep "
                "running); the update commits at the first safe point or rolls back");
    line.option("--eval", o.eval, "EXPR",
                "after the update, print EXPR (evaluated in the main module's namespace) as "
                "console.log would, and exit");
    line.option("--report", o.report, "FILE.json",
                "write the update report (phases, pause, instances migrated)");
    line.option("--safe-point-timeout", o.safePointTimeout, "MS",
                "give up waiting for a safe point after MS milliseconds (default 2000; 0: "
                "commit only if the program is at a safe point right away)");
    line.option("--max-heap", o.maxHeap, "MB",
                "limit the heap to MB megabytes: the program ends with \"out of memory\" when it "
                "needs more; an update whose migrated copies would not fit rolls back instead "
                "(exit 3)");
    line.option("--control", o.control, "SOCKET",
                "listen on the Unix socket SOCKET (created mode 0600, removed at exit) for "
                "`molt update`, `molt status`, `molt history` and `molt eval` from this user "
                "or root; requests are served between slices of the program's threads. A stale "
                "socket is replaced; any other existing file is refused");
    line.option("--journal", o.journal, "FILE",
                "with --control: append one JSON line per update to FILE (default: "
                "SOCKET.journal)");
    line.flag("--gc-stress", o.gcStress,
              "collect garbage on every allocation (also: MOLT_GC_STRESS=1)");
}

struct Update {
    std::string then, patch, patchText, reportPath;
    const std::string* eval = nullptr;
    double safePointTimeout = 2000;
};

int runWithUpdate(VM& vm, const std::string& app, const std::vector<std::string>& programArgs,
                  const Update& o) {
    // Bad input is reported before the program starts.
    std::vector<dsu::SourceFile> next;
    if (!o.then.empty()) {
        auto read = dsu::readProgram(o.then, std::filesystem::path(app).filename().string());
        if (!read) return printError(read.error().message());
        next = read.release();
    }
    int code = vm.runTopLevel(app, programArgs);
    if (code != 0) return code;
    code = vm.runUntilTopLevelDone();
    if (code != 0 || vm.exitRequested()) return vm.exitRequested() ? vm.exitCode() : code;

    dsu::UpdateReport report;
    bool done = false;
    auto finished = [&](const dsu::UpdateReport& r) {
        report = r;
        done = true;
    };
    // An --eval that cannot compile is bad input: said before the update, which then never runs.
    if (o.eval)
        if (auto compiles = vm.compileExpression(vm.mainModule(), *o.eval); !compiles)
            return printError(compiles.error().message());
    {
        std::unique_ptr<dsu::VersionUpdate> update;
        std::unique_ptr<dsu::Transaction> tx;
        if (!o.then.empty()) {
            update = std::make_unique<dsu::VersionUpdate>(vm);
            update->safePointTimeoutMs = o.safePointTimeout;
            dsu::NewVersion version{next, o.then, ""};
            if (auto prepared = update->prepare(version, {o.patch, o.patchText}); !prepared)
                return printError(prepared.error().message());
            update->commitAsync(finished);
        } else {
            tx = std::make_unique<dsu::Transaction>(vm);
            tx->safePointTimeoutMs = o.safePointTimeout;
            dsu::PatchError error;
            if (!dsu::loadPatch(vm, *tx, o.patch, error, &o.patchText))
                return printError(error.message);
            tx->commitAsync(finished);
        }
        // The program keeps running while the update waits for a safe point.
        if (!done) vm.scheduler().runUntil([&] { return done; });
        if (!done) {
            report.outcome = dsu::UpdateReport::Outcome::RolledBack;
            report.rollbackReason = vm.exitRequested() ? "the program exited before a safe point"
                                                       : "the program ended before a safe point";
        }
    }
    if (!o.reportPath.empty()) {
        std::ofstream out(o.reportPath);
        out << report.toJson();
        if (!out)
            std::fprintf(stderr, "molt: cannot write the report to '%s'\n", o.reportPath.c_str());
    }
    bool rolledBack = !report.committed();
    if (rolledBack)
        std::fprintf(stderr, "molt: update rolled back: %s\n", report.rollbackReason.c_str());
    if (vm.exitRequested()) return vm.exitCode();
    if (o.eval) {
        // The expression runs on a green thread of its own, as a timer callback would: it may
        // sleep, yield or wait while the program's threads run on, and it sees the program as
        // it is when that thread starts.
        Result<Value> compiled = vm.compileExpression(vm.mainModule(), *o.eval);
        if (!compiled) return printError(compiled.error().format());
        Scheduler& scheduler = vm.scheduler();
        std::optional<uint32_t> result; // pinned once the thread ends
        scheduler.callback(compiled.value(), vm.mainModule()->exports, nullptr, 0,
                           [&](Value v) { result = scheduler.pin(v); });
        code = scheduler.runUntil([&] { return result.has_value(); });
        if (vm.exitRequested()) return vm.exitCode();
        if (!result) {
            if (code != 0) return code; // an uncaught exception elsewhere ended the program
            std::fprintf(stderr, "molt: --eval did not finish: it waits for something the "
                                 "program will never do (nothing is left to run)\n");
            return UncaughtException;
        }
        Value v = scheduler.pinned(*result);
        if (v.isException()) return UncaughtException; // reported as uncaught when it was thrown
        std::string text = isString(v) ? std::string(asString(v)->view()) : vm.inspect(v);
        text += "\n";
        vm.writeOut(text);
        std::fflush(stdout);
        return rolledBack ? RolledBack : Ok;
    }
    code = vm.runEventLoop();
    std::fflush(stdout);
    if (code != 0) return code;
    return rolledBack ? RolledBack : Ok;
}

// `molt run APP.js --control SOCKET`: the program runs with the socket served between its
// slices (control/control_host.h) until its threads and timers are done.
int runControlled(VM& vm, const std::string& app, const std::vector<std::string>& programArgs,
                  const RunOptions& o) {
    control::ControlSocket socket;
    socket.log = [](const std::string& line) { std::fprintf(stderr, "molt: %s\n", line.c_str()); };
    std::error_code ec;
    std::string path = std::filesystem::absolute(o.control, ec).lexically_normal().string();
    if (auto listening = socket.listen(vm.scheduler().loop(), path); !listening)
        return usageError(listening.error().message());
    // A service's log shows each line when it is written (as node's stdout to a file does).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    control::Journal journal;
    if (auto opened = journal.open(o.journal.empty() ? path + ".journal" : o.journal); !opened)
        return usageError(opened.error().message());
    control::RegistryEntry entry{::getpid(), path,
                                 std::filesystem::absolute(app, ec).lexically_normal().string(),
                                 control::utcTimestamp()};
    Result<std::string> listed = control::registerProcess(entry);
    if (!listed)
        std::fprintf(stderr, "molt: warning: not listed by `molt ps`: %s\n",
                     listed.error().message().c_str());
    std::string registered = listed ? listed.value() : "";
    copyPath(gSocketPath, path);
    copyPath(gRegistryPath, registered);
    struct sigaction action {};
    action.sa_handler = removeOnSignal;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(sig, &action, nullptr);
    int code;
    {
        control::ControlHost host(vm, socket, journal, app);
        code = host.run(programArgs);
    }
    std::fflush(stdout);
    control::unregisterProcess(registered);
    gRegistryPath[0] = 0;
    gSocketPath[0] = 0; // the socket's destructor removes it
    return code;
}

} // namespace

std::string runHelp() {
    CommandLine line("run", kRunSynopsis);
    RunOptions o;
    declare(line, o);
    return std::string("usage: ") + kRunSynopsis +
           "\n"
           "\n"
           "Runs APP.js as the main module. ARGS are passed to the program as\n"
           "process.argv[2...]: words after APP.js, and everything after `--` (an argument\n"
           "that starts with '-' must come after `--`: before it, it is an option of molt's,\n"
           "and one molt does not know is refused). The program ends when its top level, all\n"
           "green threads and all timers are done, or when it calls process.exit(code).\n"
           "Options may come before or after APP.js; each may be given once.\n"
           "\n" +
           line.optionsHelp() +
           "\n"
           "exit codes: 0 ok, 1 uncaught exception, 2 compile or usage error (also: a new version\n"
           "or patch that does not compile, a patch that is not a function or names an unknown\n"
           "class or field; nothing is changed), 3 the update rolled back (reason on stderr; EXPR\n"
           "is still evaluated in the unchanged program)\n";
}

int runCommand(const std::vector<std::string>& words) {
    CommandLine line("run", kRunSynopsis);
    RunOptions o;
    declare(line, o);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(runHelp().c_str(), stdout);
        return Ok;
    }
    if (line.operands().empty())
        return line.refuse(line.afterDashes().empty() ? "missing APP.js"
                                                      : "APP.js comes before `--`");
    const std::string& app = line.operands()[0];
    std::vector<std::string> programArgs(line.operands().begin() + 1, line.operands().end());
    for (const std::string& word : programArgs)
        if (!word.empty() && word[0] == '-')
            return line.refuse("unknown option '" + word +
                               "' (program arguments that start with '-' go after `--`)");
    programArgs.insert(programArgs.end(), line.afterDashes().begin(), line.afterDashes().end());

    Update update;
    update.then = o.then;
    update.patch = o.patch;
    update.reportPath = o.report;
    if (!o.safePointTimeout.empty()) {
        auto ms = parseNumber(line, "--safe-point-timeout", o.safePointTimeout, "milliseconds", 0,
                              false, 2147483647.0);
        if (!ms) return UsageError;
        update.safePointTimeout = *ms;
    }
    double maxHeapMb = 0;
    if (!o.maxHeap.empty()) {
        // The limit in bytes must fit a size_t with room to spare.
        auto mb =
            parseNumber(line, "--max-heap", o.maxHeap, "megabytes", 0, true, 1048576.0 * 1024);
        if (!mb) return UsageError;
        maxHeapMb = *mb;
    }
    bool updating = !o.then.empty() || !o.patch.empty();
    if (!o.control.empty() && (updating || !o.report.empty() || line.given("--eval")))
        return line.refuse("--control does not combine with --then, --patch, --eval or --report "
                           "(update the process with `molt update SOCKET NEW.js`)");
    if (!o.journal.empty() && o.control.empty()) return line.refuse("--journal needs --control");
    bool evaluating = line.given("--eval");
    if ((evaluating || !o.report.empty()) && !updating)
        return line.refuse("--eval and --report need --then or --patch");
    if (evaluating) update.eval = &o.eval;

    // Every file is checked before the program starts.
    if (!checkSource(app)) return UsageError;
    if (!o.then.empty() && !checkSource(o.then)) return UsageError;
    if (!o.patch.empty() && !readSource(o.patch, update.patchText)) return UsageError;
    std::error_code ec;
    if (!o.report.empty() && std::filesystem::is_directory(o.report, ec))
        return line.refuse("'" + o.report + "' is a directory, not a file for the report");

    bool stress = o.gcStress || (std::getenv("MOLT_GC_STRESS") &&
                                 std::strcmp(std::getenv("MOLT_GC_STRESS"), "0") != 0);
    VM vm;
    Canvas canvas(vm); // no sink: frames are recorded and dropped (headless)
    vm.heap.setStressMode(stress);
    vm.heap.setLimit(size_t(maxHeapMb * 1024 * 1024));
    if (!o.control.empty()) return runControlled(vm, app, programArgs, o);
    if (!updating) {
        int code = vm.runMain(app, programArgs);
        std::fflush(stdout);
        return code;
    }
    return runWithUpdate(vm, app, programArgs, update);
}

} // namespace molt::cli
