// molt diff: the patch script that moves a program running OLD to NEW, on stdout. The
// program's modules are read as `molt run --then` reads a new version, so the script
// covers exactly what an update would.
#include "app/cli/cli.h"
#include "dsu/commit/version.h"
#include "dsu/source/differ.h"
#include "dsu/source/patch_script.h"
#include "runtime/core/vm.h"

#include <cstdio>

namespace molt::cli {

namespace {
constexpr const char* kDiffSynopsis = "molt diff OLD.js NEW.js";
}

std::string diffHelp() {
    CommandLine line("diff", kDiffSynopsis);
    return std::string("usage: ") + kDiffSynopsis +
           "\n"
           "\n"
           "Compares two versions of a program and prints the patch script that moves a running\n"
           "OLD to NEW: one dsu.* call per change, a comment on every default migration decision\n"
           "and a REVIEW line on every decision a person should check. Edit it and pass it to\n"
           "`molt run OLD.js --then NEW.js --patch P.js`, or keep it as the record of the update.\n"
           "\n"
           "OLD.js and NEW.js are main modules. A program is its main module plus every module it\n"
           "reaches through require('./relative') with a string literal; modules are matched by\n"
           "their path relative to the main module's folder. Whitespace and comments are no "
           "change.\n"
           "\n" +
           line.optionsHelp() +
           "\n"
           "exit codes: 0 ok (the script is on stdout, even when nothing changed), 2 a file "
           "cannot\n"
           "be read, has a syntax error (file:line:col on stderr), or a usage error\n";
}

int diffCommand(const std::vector<std::string>& words) {
    CommandLine line("diff", kDiffSynopsis);
    if (auto refused = line.parse(words)) return *refused;
    if (line.helpRequested()) {
        std::fputs(diffHelp().c_str(), stdout);
        return Ok;
    }
    std::vector<std::string> paths = line.allOperands();
    if (paths.size() != 2) return line.refuse("diff needs OLD.js and NEW.js");
    const std::string& oldPath = paths[0];
    const std::string& newPath = paths[1];
    if (!checkSource(oldPath) || !checkSource(newPath)) return UsageError;
    auto oldRead = dsu::readProgram(oldPath);
    if (!oldRead) return printError(oldRead.error().message());
    std::vector<dsu::SourceFile> oldFiles = oldRead.release();
    // NEW's main module is the next version of OLD's, whatever the two files are called.
    auto newRead = dsu::readProgram(newPath, oldFiles[0].path);
    if (!newRead) return printError(newRead.error().message());
    std::vector<dsu::SourceFile> newFiles = newRead.release();
    dsu::DiffOptions options;
    options.oldLabel = oldPath;
    options.newLabel = newPath;
    VM vm; // it knows the built-in classes' layouts (extends Error: message, stack)
    options.builtinFields = dsu::builtinLayouts(vm);
    dsu::ChangeSet changes;
    dsu::DiffError diffError;
    if (!dsu::diffSources(oldFiles, newFiles, changes, diffError, options))
        return printError(diffError.message);
    std::fputs(dsu::generatePatchScript(changes, options).c_str(), stdout);
    return Ok;
}

} // namespace molt::cli
