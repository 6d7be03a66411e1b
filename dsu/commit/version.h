// version.h — updating a running program to a new version of its source
// (`molt run OLD --then NEW`, the IDE's Apply; DESIGN.md §5 and §7, decision 0005).
//
// An update to a new version:
//   1. diffs the live source of every module (Module::source) against the new source
//      (differ.h) and generates the patch script;
//   2. stages the new version: each changed module is compiled against a copy of its live
//      namespace, so a binding in both versions keeps its slot, and only its definitions
//      run — class declarations, function declarations and the declarations of new
//      bindings. Top-level statements are not re-run; nothing live is touched;
//   3. opens a Transaction in version mode: every class of the old version is mapped to
//      the class of the same name in the new one (or the one a renameClass names); the
//      new class supplies layout, methods, statics and superclass;
//   4. runs the generated script, then the user's patch (if any), both compiled in the
//      new version's namespace (free names see the new version's bindings);
//   5. commits (transaction.h): migrate, validate, wait for a safe point, swap. The live
//      modules take the new code; bindings in both versions keep their live values.
//
// How a script's `dsu.*` calls read in version mode (the new source already says what the
// code and the layouts are; the script says how live state moves over):
//   dsu.addInstanceVariable(cls, f, policy?)  f is in the new layout of cls: the policy gives
//                                             migrated instances their value (undefined
//                                             when absent)
//   dsu.setFieldPolicy(cls, f, policy)        same, for any field of the new layout
//   dsu.renameInstanceVariable(cls, a, b)     new field b takes the old field a's value
//   dsu.removeInstanceVariable(cls, f)        acknowledges that f's values are dropped
//   dsu.migrateInstances(cls, fn)             an instance policy, as without a new version
//   dsu.renameClass(a, b)                     the old class a becomes the new class b
//   dsu.removeClass(a) / dsu.addClass(b)      acknowledge (b: a name, not a class value)
//   dsu.migrateInstancesTo(a, b, fn?)         instances of the removed class a become b's
//   dsu.changeSuperclass(c, s)                acknowledges; must agree with the new source
//   dsu.addMethod/replaceMethod/removeMethod(cls, name, kind?)
//                                             acknowledge (the code is the new version's);
//                                             with a function as third argument to
//                                             add/replace, that function is used instead
//   dsu.addStaticField(cls, name, value?)     acknowledges; a value overrides the
//                                             initializer's
//   dsu.removeStaticField(cls, name)          acknowledges
//   dsu.renameStaticField(cls, a, b)          the new static b takes the old static a's value
//   dsu.addBinding(name, value?) / dsu.removeBinding(name) / dsu.replaceFunction(name)
//                                             acknowledge; a value overrides the new
//                                             binding's initializer
//   dsu.setBinding(name, value)               a binding in both versions takes `value`
//                                             instead of keeping its live one
//   dsu.addValidation(name, fn)               as without a new version
// An acknowledgement that does not match the new version (a field the new class does not
// have, a method it does not define, a superclass it does not name) is an error at the
// script's file:line:col, and nothing changes.
#pragma once

#include "runtime/core/result.h"
#include "dsu/commit/report.h"
#include "dsu/commit/transaction.h"
#include "dsu/source/differ.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace molt::dsu {

struct NewVersion {
    // The new source of each module, by path relative to the program's root (the folder
    // of the main module). A module of the running program missing here is unchanged.
    std::vector<SourceFile> files;
    std::string label = "new"; // for messages and the generated script's header
    std::string oldLabel;      // how the header names the live version (default: its path)
};

struct UserPatch {
    std::string path; // for messages; read from disk when `text` is empty
    std::string text;
    bool present() const { return !path.empty() || !text.empty(); }
};

class VersionUpdate {
public:
    explicit VersionUpdate(VM& vm);
    ~VersionUpdate();
    VersionUpdate(const VersionUpdate&) = delete;
    VersionUpdate& operator=(const VersionUpdate&) = delete;

    // Steps 1-4. Call between scheduler slices (no hosted code running). Fails (the message
    // already names file:line:col and shows the source line) when either version or a patch
    // does not compile, a patch is not a function or throws, or an acknowledgement does not
    // match; the running program is then exactly as it was.
    Result<void> prepare(const NewVersion& next, const UserPatch& userPatch);

    // Available after prepare (also when it failed after diffing).
    const ChangeSet& changes() const;
    const std::string& generatedScript() const;

    // Step 5, now (between slices) or at the first safe point.
    UpdateReport commit();
    void commitAsync(std::function<void(const UpdateReport&)> done);
    // Instead of step 5: a dry run (Transaction::dryRun); nothing is swapped.
    UpdateReport dryRun();
    // Gives up while commitAsync waits for a safe point (Transaction::cancel).
    bool cancel();
    double safePointTimeoutMs = 2000;

private:
    struct State;
    std::unique_ptr<State> s_;
};

// What the VM's built-in classes give subclasses as fields (DiffOptions::builtinFields):
// the layout of the global class of that name when it is a built-in one.
std::function<std::vector<std::string>(const std::string&)> builtinLayouts(VM& vm);

// The live source of the running program, by path relative to the main module's folder.
std::vector<SourceFile> liveSources(VM& vm);

// Reads a program from disk: the main module first, then every module reachable from it
// through `require('./relative')` calls with a literal argument (resolved as the runtime
// does: x, x.js, x/index.js), by path relative to the main module's folder. The main module
// is listed as `mainName` when given, so that a new version's main file is compared with
// the live one whatever it is called. Returns false with a message when a file cannot be
// read, or a module it requires cannot be found.
Result<std::vector<SourceFile>> readProgram(const std::string& mainPath,
                                            const std::string& mainName = "");

} // namespace molt::dsu
