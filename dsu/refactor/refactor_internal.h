// refactor_internal.h — what the refactorings share: the context one refactoring runs in.
// refactor.cpp holds the renames and field refactorings, refactor_move.cpp the ones that
// move members between classes; both fill a Context and return whether it applies.
#pragma once

#include "dsu/refactor/refactor_model.h"
#include "dsu/source/patch_script.h"

#include <string>
#include <vector>

namespace molt::dsu::refactoring {

struct Context {
    const std::vector<SourceFile>& files;
    const RefactorRequest& request;
    Program program;
    Edits edits;
    RefactorResult out;
    std::vector<std::string> patchLines;  // the body of the patch function, indented
    std::vector<std::string> headerLines; // comments above it

    const std::string& arg(size_t i) const { return request.args[i]; }

    // Errors: false, so that a refactoring can `return fail(...)`.
    bool fail(const std::string& message); // no location
    bool failAt(const Module& m, TSNode n, const std::string& message);
    // Looks a class up; fails "unknown class 'X'" when the program has none.
    const ClassDecl* needClass(const std::string& name);
    bool needIdentifier(const std::string& name, const char* what, bool allowPrivate = false);
    // Fails at the first use, listing them all (with a hint ending the message).
    bool failWithUses(const std::string& message, const std::vector<SourceSite>& uses);

    const Module& moduleOf(const ClassDecl& c) const { return program.modules[c.module]; }
    void call(const std::string& line) { patchLines.push_back(line); }
    void comment(const std::string& line) { patchLines.push_back("// " + line); }
};

// The refactorings, by kind (refactor.cpp / refactor_move.cpp).
bool renameClass(Context& cx);
bool renameField(Context& cx);
bool renameMethod(Context& cx);
bool addField(Context& cx);
bool removeField(Context& cx);
bool makeStatic(Context& cx);
bool makeInstance(Context& cx);
bool pushUpField(Context& cx);
bool pullDownField(Context& cx);
bool pushUpMethod(Context& cx);
bool pullDownMethod(Context& cx);
bool changeSuperclass(Context& cx);
bool extractSuperclass(Context& cx);
bool inlineSuperclass(Context& cx);
bool splitClass(Context& cx);
bool mergeClass(Context& cx);

// Uses of the instance field `name` of c (and its subclasses): `this.name` in their
// methods, `x.name` elsewhere when no other class, record or built-in has that name
// (`ambiguous` gets those that may be another's). Private names: every `#name` in c.
std::vector<std::pair<size_t, TSNode>>
fieldAccesses(const Program& p, const ClassDecl& c, const std::string& name,
              std::vector<std::pair<size_t, TSNode>>* ambiguous);
// `this.name` sites (property nodes) inside class c's own members.
std::vector<TSNode> thisAccessesIn(const Program& p, const ClassDecl& c, const std::string& name);

} // namespace molt::dsu::refactoring
