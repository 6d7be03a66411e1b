// molt update: updates a separately started process (`molt run APP.js --control SOCKET`)
// to a new version of its source. The new version is read here — the main module and every
// module it requires — and sent whole, so the same command works through an SSH-forwarded
// socket. The process commits it as `molt run --then` would: atomically, at a safe point.
#include "app/cli/control_client.h"
#include "dsu/commit/version.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace molt::cli {

namespace {

constexpr const char* kUpdateSynopsis = "molt update [OPTIONS] SOCKET NEW_MAIN.js";

struct UpdateOptions {
    std::string patch, eval, report, safePointTimeout;
    bool dryRun = false;
};

void declare(CommandLine& line, UpdateOptions& o) {
    line.option("--patch", o.patch, "P.js",
                "after the generated patch, run the patch script P.js (sent with the sources)");
    line.flag("--dry-run", o.dryRun,
              "compile, diff, build the new classes, migrate copies of the live instances and "
              "run the validations, then drop it all: report what the update would do; "
              "nothing is swapped");
    line.option("--eval", o.eval, "EXPR",
                "after the update, print EXPR (evaluated in the process's main "
                "module) as console.log would");
    line.option("--report", o.report, "R.json", "write the update report");
    line.option("--safe-point-timeout", o.safePointTimeout, "MS",
                "give up waiting for a safe point after MS milliseconds (default 2000)");
}

// A dry run never pauses the program; what it can say is how long the work a commit does
// inside its pause (prepare, migrate, validate) took now. The swap itself is not timed.
std::string summary(const control::Json& report, bool dryRun) {
    std::string out;
    char buf[96];
    if (dryRun) {
        const control::Json& phases = report.value("phases", control::Json::object());
        double work = phases.value("prepare", 0.0) + phases.value("migrate", 0.0) +
                      phases.value("validate", 0.0);
        std::snprintf(buf, sizeof buf, "its work before the swap took %.3f ms, ", work);
    } else {
        std::snprintf(buf, sizeof buf, "pause %.3f ms, ", report.value("pause_ms", 0.0));
    }
    out += buf;
    out += std::to_string(report.value("instances_migrated", 0)) + " instances migrated";
    std::string classes;
    for (const auto& c : report.value("classes_changed", control::Json::array()))
        if (c.is_string()) classes += (classes.empty() ? "" : ", ") + c.get<std::string>();
    if (!classes.empty()) out += ", classes changed: " + classes;
    return out;
}

} // namespace

std::string updateHelp() {
    CommandLine line("update", kUpdateSynopsis);
    UpdateOptions o;
    declare(line, o);
    return std::string("usage: ") + kUpdateSynopsis +
           "\n"
           "\n"
           "Updates the process listening on the control socket SOCKET (started with\n"
           "`molt run APP.js --control SOCKET`) to the new version NEW_MAIN.js and the modules\n"
           "it requires. The process diffs it against what it runs, runs the generated patch\n"
           "and then P.js, and commits at its first safe point, or rolls back: the same atomic\n"
           "update as `molt run --then`. Every update is journaled by the process\n"
           "(`molt history SOCKET`).\n"
           "\n" +
           line.optionsHelp() +
           "\n"
           "exit codes: 0 ok (committed, or a dry run that would commit), 2 bad input: a file\n"
           "cannot be read or does not compile, a patch is wrong (nothing changed), 3 rolled back\n"
           "(reason on stderr; EXPR is still evaluated in the unchanged program), 4 the process\n"
           "cannot be reached\n";
}

int updateCommand(const std::vector<std::string>& words) {
    CommandLine line("update", kUpdateSynopsis);
    UpdateOptions o;
    declare(line, o);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(updateHelp().c_str(), stdout);
        return Ok;
    }
    std::vector<std::string> operands = line.allOperands();
    if (operands.size() != 2) return line.refuse("needs SOCKET and NEW_MAIN.js");
    const std::string& socket = operands[0];
    const std::string& main = operands[1];

    control::Request r;
    r.op = control::Op::Commit;
    r.id = 1;
    r.dryRun = o.dryRun;
    if (line.given("--eval")) {
        if (o.eval.empty()) return line.refuse("'--eval' needs an expression");
        r.expr = o.eval;
    }
    if (!o.safePointTimeout.empty()) {
        auto ms = parseNumber(line, "--safe-point-timeout", o.safePointTimeout, "milliseconds", 0,
                              false, 2147483647.0);
        if (!ms) return UsageError;
        r.safePointTimeoutMs = *ms;
    }
    std::error_code ec;
    if (!o.report.empty() && std::filesystem::is_directory(o.report, ec))
        return line.refuse("'" + o.report + "' is a directory, not a file for the report");
    if (!checkSource(main)) return UsageError;
    auto files = dsu::readProgram(main);
    if (!files) return printError(files.error().message());
    for (const dsu::SourceFile& f : files.value())
        r.files.push_back({f.path, f.text});
    if (!o.patch.empty()) {
        if (!readSource(o.patch, r.patch)) return UsageError;
        r.patchPath = o.patch;
    }

    control::Reply reply;
    if (auto code = askProcess(socket, r, reply)) return *code;
    if (!reply.ok) return printRefusal(reply);
    const control::Json& result = reply.result;
    control::Json report = result.value("report", control::Json::object());
    std::string outcome = result.value("outcome", "rolled_back");
    if (!o.report.empty()) {
        std::ofstream out(o.report);
        out << report.dump(2) << "\n";
        if (!out) std::fprintf(stderr, "molt: cannot write the report to '%s'\n", o.report.c_str());
    }
    if (result.contains("journal_error"))
        std::fprintf(stderr, "molt: warning: the process could not journal the update: %s\n",
                     result["journal_error"].get<std::string>().c_str());
    bool rolledBack = outcome == "rolled_back";
    std::string reason = report.value("rollback_reason", control::Json(nullptr)).is_string()
                             ? report["rollback_reason"].get<std::string>()
                             : "";
    if (outcome == "committed") {
        std::fprintf(stderr, "molt: update committed: %s\n", summary(report, false).c_str());
    } else if (outcome == "validated") {
        std::string blockers;
        for (const auto& b : report.value("blockers", control::Json::array()))
            if (b.is_string()) blockers += "\n  waits for " + b.get<std::string>();
        std::fprintf(stderr, "molt: dry run: the update would commit (%s); nothing was changed%s\n",
                     summary(report, true).c_str(), blockers.c_str());
    } else {
        std::fprintf(stderr, "molt: %supdate rolled back: %s\n", o.dryRun ? "dry run: the " : "",
                     reason.c_str());
    }
    int code = rolledBack ? RolledBack : Ok;
    if (result.contains("eval") && result["eval"].is_string()) {
        std::fputs((result["eval"].get<std::string>() + "\n").c_str(), stdout);
    } else if (result.contains("eval_error") && result["eval_error"].is_string()) {
        std::string text = result["eval_error"].get<std::string>();
        std::fputs((text + (text.empty() || text.back() != '\n' ? "\n" : "")).c_str(), stderr);
        if (!rolledBack) code = UncaughtException;
    }
    return code;
}

} // namespace molt::cli
