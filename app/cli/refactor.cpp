// molt refactor: rewrites a program's sources and writes the patch that keeps the live
// state. Everything is computed first; only a refactoring that applies writes anything.
#include "dsu/refactor/refactor.h"

#include "app/cli/cli.h"
#include "dsu/commit/version.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace molt::cli {

namespace {

constexpr const char* kRefactorSynopsis =
    "molt refactor KIND ARGS... FILE.js... --out-dir DIR --patch-out P.js [OPTIONS]";

struct RefactorOptions {
    std::string outDir, patchOut, value, existing;
    bool force = false, isStatic = false;
};

void declare(CommandLine& line, RefactorOptions& o) {
    line.option("--out-dir", o.outDir, "DIR", "write the new sources under DIR (required)");
    line.option("--patch-out", o.patchOut, "P.js", "write the patch script to P.js (required)");
    line.flag("--force", o.force, "also rewrite sites where the name may be another class's");
    line.option("--value", o.value, "EXPR",
                "make-static: the static's value (default: the first live instance's)");
    line.option("--existing", o.existing, "EXPR",
                "add-field: the value of live instances (oldObj in scope)");
    line.flag("--static", o.isStatic, "add-field: declare a static field");
}

// How many words a kind's arguments take ("CLASS OLD NEW": 3).
size_t arity(const dsu::RefactorKindInfo& kind) {
    size_t n = 1;
    for (const char* c = kind.arguments; *c; ++c)
        n += *c == ' ';
    return n;
}

} // namespace

std::string refactorHelp() {
    CommandLine line("refactor", kRefactorSynopsis);
    RefactorOptions o;
    declare(line, o);
    std::string s =
        std::string("usage: ") + kRefactorSynopsis +
        "\n"
        "\n"
        "Refactors a program and writes its new sources under DIR (every module, by its path\n"
        "relative to the main module's folder) and the patch script P.js that keeps the live\n"
        "state, so that `molt run FILE.js --then DIR/FILE.js --patch P.js` applies the\n"
        "refactoring to the running program. FILE.js is the main module (its relative\n"
        "requires are read too; more files may follow). The summary, and the senders of a\n"
        "renamed method, are printed on stdout. Lists are comma-separated ('-' for none).\n"
        "\n"
        "kinds:\n";
    for (const dsu::RefactorKindInfo& k : dsu::refactorKinds())
        s += std::string("  ") + k.kind + " " + k.arguments + "\n      " + k.summary + "\n";
    s += "\n" + line.optionsHelp() +
         "\n"
         "exit codes: 0 ok, 2 bad arguments (an unknown class or member, a clashing name, a\n"
         "refactoring that does not apply: file:line:col on stderr; nothing is written)\n";
    return s;
}

int refactorCommand(const std::vector<std::string>& words) {
    CommandLine line("refactor", kRefactorSynopsis);
    RefactorOptions o;
    declare(line, o);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(refactorHelp().c_str(), stdout);
        return Ok;
    }
    std::vector<std::string> positional = line.allOperands();
    if (positional.empty()) return line.refuse("missing KIND");
    dsu::RefactorRequest request;
    request.kind = positional[0];
    const dsu::RefactorKindInfo* kind = nullptr;
    std::vector<std::string> kindNames;
    for (const dsu::RefactorKindInfo& k : dsu::refactorKinds()) {
        kindNames.push_back(k.kind);
        if (request.kind == k.kind) kind = &k;
    }
    if (!kind) {
        std::string hint = nearest(request.kind, kindNames);
        return line.refuse("unknown refactoring '" + request.kind + "'" +
                           (hint.empty() ? "" : " (did you mean " + hint + "?)"));
    }
    size_t n = arity(*kind);
    if (positional.size() < 2 + n)
        return line.refuse(request.kind + " takes " + kind->arguments + " FILE.js...");
    if (o.outDir.empty() || o.patchOut.empty())
        return line.refuse("refactor needs --out-dir DIR and --patch-out P.js");
    // The options in the order given, as the undo command line repeats them.
    for (const std::string& option : line.parseOrder()) {
        std::string name = option.substr(2);
        if (name == "force" || name == "static") request.options.push_back({name, "1"});
        if (name == "value") request.options.push_back({name, o.value});
        if (name == "existing") request.options.push_back({name, o.existing});
    }
    request.args.assign(positional.begin() + 1, positional.begin() + 1 + long(n));
    std::vector<std::string> paths(positional.begin() + 1 + long(n), positional.end());
    if (!checkSource(paths[0])) return UsageError;
    auto read = dsu::readProgram(paths[0]);
    if (!read) return printError(read.error().message());
    std::vector<dsu::SourceFile> files = read.release();
    fs::path root = fs::absolute(paths[0]).lexically_normal().parent_path();
    for (size_t i = 1; i < paths.size(); ++i) {
        std::string rel =
            fs::absolute(paths[i]).lexically_normal().lexically_relative(root).generic_string();
        if (rel.empty() || rel.rfind("..", 0) == 0)
            return line.refuse("'" + paths[i] + "' is outside the main module's folder");
        bool known = std::any_of(files.begin(), files.end(),
                                 [&](const dsu::SourceFile& f) { return f.path == rel; });
        if (known) continue;
        std::string text;
        if (!readSource(paths[i], text)) return UsageError;
        files.push_back({rel, std::move(text), paths[i]});
    }
    dsu::RefactorResult result = dsu::refactor(files, request);
    if (!result.ok()) return printError(result.error);
    // Everything is computed; only now is anything written.
    std::error_code ec;
    for (const dsu::SourceFile& f : result.files) {
        fs::path out = fs::path(o.outDir) / f.path;
        fs::create_directories(out.parent_path(), ec);
        std::ofstream file(out, std::ios::binary);
        file << f.text;
        if (!file) {
            std::fprintf(stderr, "molt: cannot write '%s'\n", out.string().c_str());
            return UsageError;
        }
    }
    std::ofstream patch(o.patchOut, std::ios::binary);
    patch << result.patch;
    if (!patch) {
        std::fprintf(stderr, "molt: cannot write '%s'\n", o.patchOut.c_str());
        return UsageError;
    }
    std::printf("%s\n", result.summary.c_str());
    for (const dsu::SourceSite& s : result.senders)
        std::printf("  %s%s\n", s.format().c_str(), s.ambiguous ? "   (ambiguous)" : "");
    std::printf("undo: molt refactor %s\n", result.inverse.commandLine().c_str());
    return Ok;
}

} // namespace molt::cli
