// refactor.h — atomic refactorings of a live program (issue 6; DESIGN.md §1.3).
//
// A refactoring is computed from the program's sources alone, with the shared tree-sitter
// layer (runtime/syntax.h): it yields the precise text edits (byte ranges of the old
// sources and their replacements), the new sources, and the patch script that says how the
// live state moves over. Only the names and members a refactoring is about are edited:
// formatting, comments and the text of strings are never touched (the code inside a
// template literal's `${}` is code, and is).
//
// The patch is read in version mode (version.h): the new sources give code and layouts,
// the generated patch (differ.h) runs first, and the refactoring's patch runs after it, so
// its decisions win — a field rename is a `renameInstanceVariable`, not the differ's
// remove-and-add; a value moved to another object is a field policy that reads the old
// object. Every refactoring is checked so that the combined update keeps the state and
// identity of every live instance that still has the field it held.
//
// Atomicity: `refactor` never touches disk or a VM. `applyRefactoringLive` updates a live
// program with the refactoring's patch and hands the new sources back only when the update
// committed; the caller writes them then. A rolled-back update leaves the program exactly
// as it was (same identities and field values) and the caller's sources unwritten.
//
// Each successful refactoring also returns its inverse request (rename back, pull down
// what was pushed up, ...): applied to the new sources it gives back the old ones, which
// is how Undo works. Where the inverse cannot bring values back (a removed field), its
// patch says so.
#pragma once

#include "dsu/commit/report.h"
#include "dsu/commit/version.h"
#include "dsu/source/differ.h"

#include <optional>
#include <string>
#include <vector>

namespace molt {
class VM;
}

namespace molt::dsu {

// A refactoring and its arguments, as `molt refactor KIND ARGS...` takes them. Lists of
// members are comma-separated ("street,city"; "-" for none).
struct RefactorRequest {
    std::string kind;              // "rename-class", ... (see refactorKinds())
    std::vector<std::string> args; // positional arguments of the kind
    // Named options: "value" (make-static: the static's value, a JS expression),
    // "existing" (add-field: a JS expression giving live instances their value, with
    // `oldObj` in scope), "force" ("1": also rewrite ambiguous sites).
    std::vector<std::pair<std::string, std::string>> options;

    std::string option(const std::string& name) const;
    bool forced() const { return option("force") == "1"; }
    std::string commandLine() const; // "rename-field Cart items lines --force"
};

struct RefactorKindInfo {
    const char* kind;
    const char* arguments; // "CLASS OLD NEW"
    const char* summary;   // one line for menus and --help
};
const std::vector<RefactorKindInfo>& refactorKinds();

// One precise edit of one file: bytes [start, end) of the old text become `replacement`.
struct TextEdit {
    std::string path;
    uint32_t start = 0, end = 0;
    std::string replacement;
};

// A place in the sources shown to the user: rename-method's senders, a field's uses,
// ambiguous sites.
struct SourceSite {
    SourceLocation at;
    std::string lineText;       // the whole source line, without its newline
    bool ambiguous = false;     // the name may belong to another class, a record or a built-in
    std::string format() const; // "path:line:col: line text"
};

struct RefactorResult {
    // Empty when the refactoring applies. Otherwise "path:line:col: message" (the source
    // line and the uses follow on the next lines) or a message without location.
    std::string error;
    SourceLocation errorAt;
    std::vector<SourceSite> uses; // with an error: the uses that make it refuse

    std::vector<SourceFile> files;   // every file of the program, edited or not, same order
    std::vector<TextEdit> edits;     // sorted by path order of `files`, then by offset
    std::string patch;               // the patch script (hosted JS, version mode)
    std::string summary;             // what was done, in a few lines
    std::vector<SourceSite> senders; // rename-method: every sender; rename-field: the
                                     // rewritten accesses outside the class hierarchy
    RefactorRequest inverse;

    bool ok() const { return error.empty(); }
    std::vector<std::string> changedPaths() const;
};

// Computes a refactoring of the program `files` (paths relative to the program's folder,
// the main module first, as readProgram gives them).
[[nodiscard]] RefactorResult refactor(const std::vector<SourceFile>& files,
                                      const RefactorRequest& request);

// Where the program refers to class `className` (member empty: every name of it, as
// rename-class would rewrite them) or to its field `member` (its declaration, `this.f` in
// the hierarchy's methods, `C.f` for a static one, and `x.f` elsewhere, marked ambiguous
// when another class, a record or a built-in may own the name). In file then source order.
struct References {
    std::string error; // a syntax error, or an unknown class
    std::vector<SourceSite> sites;
};
[[nodiscard]] References findReferences(const std::vector<SourceFile>& files,
                                        const std::string& className,
                                        const std::string& member = {});

// The outcome of a refactoring applied to a running program.
struct LiveRefactoring {
    RefactorResult refactoring;         // with its error when it did not apply
    std::string prepareError;           // VersionUpdate::prepare failed (nothing changed)
    std::optional<UpdateReport> report; // present when the update was committed or rolled back
    // The new sources, present only when the update committed: write them now.
    std::optional<std::vector<SourceFile>> newSources;
    bool committed() const { return newSources.has_value(); }
};

// Computes the refactoring against the live sources of `vm` (liveSources), then updates
// the program to the new sources with the refactoring's patch as the user patch and commits
// at once (call between scheduler slices; no hosted code may be running).
[[nodiscard]] LiveRefactoring applyRefactoringLive(VM& vm, const RefactorRequest& request);

} // namespace molt::dsu
