// refactor_model.h — what the refactorings (refactor.h) know about a program: its classes
// and their members, read with the shared syntax layer, and the edits they make.
//
// The model is syntactic, like the differ's: a class is a `class` declaration (or a class
// expression bound by `const X = class ...`), its instance fields are the compiler's
// (class_layout.h: the declared ones, then those its own methods write through `this`), and its
// superclass is the name its `extends` clause ends with. A name is matched to a class by
// where it is written: `this.f` in a method belongs to the method's class, `C.f` to the
// class C, and `x.f` to whichever class of the program has a member `f` — when more than
// one could (or a record key, or a built-in member), the site is ambiguous and the
// refactoring refuses it unless forced.
//
// Edits are byte ranges of the old text; they never overlap (`Edits::apply` checks), so a
// refactoring can be reviewed edit by edit and inverted.
#pragma once

#include "dsu/refactor/refactor.h"
#include "runtime/core/result.h"
#include "runtime/core/utf8.h"
#include "runtime/syntax/class_layout.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace molt::dsu::refactoring {

struct Module {
    size_t index = 0;
    std::string path, shown; // relative path; how messages name it
    std::unique_ptr<SyntaxTree> tree;
    const std::string& text() const { return tree->source(); }
    std::string_view of(TSNode n) const { return tree->text(n); }
};

struct MemberDecl {
    std::string name; // as written; private names with their '#'
    MemberKind kind = MemberKind::Method;
    TSNode node{};
    TSNode nameNode{};
    bool isStatic() const { return molt::isStatic(kind); }
    bool isField() const { return molt::isField(kind); }
    bool isMethodLike() const { return !isField() && kind != MemberKind::StaticBlock; }
};

struct ClassDecl {
    std::string name;
    size_t module = 0;
    TSNode node{};     // class_declaration or class
    TSNode nameNode{}; // the class's own name, or the binding's for `const X = class {}`
    TSNode body{};     // class_body
    TSNode heritage{}; // class_heritage (null: no extends)
    TSNode superExpr{};
    std::string superName;
    std::vector<MemberDecl> members;
    ClassLayout layout; // its instance fields by the one rule (runtime/syntax/class_layout.h)
    std::vector<std::pair<std::string, TSNode>> inferred; // layout's written fields, first writes

    const MemberDecl* member(std::string_view name, bool staticSide) const;
    const MemberDecl* anyMember(std::string_view name) const;
    bool declaresField(std::string_view name) const; // declared or inferred instance field
};

// A node's innermost enclosing class, and whether `this` there is the class (static side).
struct ThisBinding {
    const ClassDecl* cls = nullptr;
    bool staticSide = false;
};

class Program {
public:
    // Parses every file; fails on the first syntax error.
    Result<void> read(const std::vector<SourceFile>& files);

    std::vector<Module> modules;
    std::vector<ClassDecl> classes;

    const ClassDecl* find(std::string_view name) const;
    const ClassDecl* superOf(const ClassDecl& c) const;
    std::vector<const ClassDecl*> ancestors(const ClassDecl& c) const;    // nearest first
    std::vector<const ClassDecl*> subclasses(const ClassDecl& c) const;   // direct
    std::vector<const ClassDecl*> descendants(const ClassDecl& c) const;  // all, depth first
    bool inHierarchyOf(const ClassDecl& c, const ClassDecl* other) const; // c, above or below
    // Every instance field of c's layout (inherited first), public names only inherited.
    std::vector<std::string> layout(const ClassDecl& c) const;
    bool hasInstanceField(const ClassDecl& c, std::string_view name) const; // own or inherited

    // `this` at node n of module m.
    ThisBinding thisAt(const Module& m, TSNode n) const;
    // The class whose body directly holds the method or field `n` is in (null: none).
    const ClassDecl* classAt(const Module& m, TSNode n) const;
    // Whether some class other than those accepted has a member named `name`, or a record
    // literal has such a key, or it is a common built-in member.
    bool nameIsShared(std::string_view name,
                      const std::function<bool(const ClassDecl&)>& accepted) const;

    std::string format(const Module& m, TSNode n, const std::string& message) const;
    SourceSite site(const Module& m, TSNode n, bool ambiguous = false) const;
};

// Every node of a tree, depth first, in source order.
void walk(TSNode n, const std::function<void(TSNode)>& visit);

class Edits {
public:
    void replace(const Module& m, TSNode n, std::string text);
    void replace(const Module& m, uint32_t start, uint32_t end, std::string text);
    void insert(const Module& m, uint32_t at, std::string text) { replace(m, at, at, text); }
    bool empty() const { return list_.empty(); }
    // Applies the edits; fails when two of them overlap.
    Result<void> apply(const std::vector<SourceFile>& files, const Program& program,
                       RefactorResult& out);

private:
    struct Entry {
        size_t module;
        TextEdit edit;
    };
    std::vector<Entry> list_;
};

// ---- text layout: members are moved as whole lines, with their leading comments

std::string indentOf(const Module& m, uint32_t byte); // the whitespace starting its line
uint32_t lineStart(const Module& m, uint32_t byte);
uint32_t nextLine(const Module& m, uint32_t byte); // just past the line's newline
bool blankLine(const Module& m, uint32_t lineStartByte);
// The member's text with its leading comments, as whole lines ([start, end) includes the
// final newline).
struct LineRange {
    uint32_t start = 0, end = 0;
};
LineRange memberLines(const Module& m, TSNode member);
// The range to delete so that the class reads as if the member had never been written
// (see refactor_model.cpp for the blank-line rules; insertField/insertMethod are their
// inverse).
// `removedToo`: the other members removed with it (blank lines are judged on what stays).
LineRange removalRange(const Module& m, const ClassDecl& c, TSNode member,
                       const std::vector<TSNode>& removedToo = {});
// A top-level statement's lines, with its leading comments and the blank line after it.
LineRange statementLines(const Module& m, TSNode statement);
std::string memberIndent(const Module& m, const ClassDecl& c);
// `text` (whole lines) re-indented from `from` to `to`.
std::string reindent(std::string_view text, const std::string& from, const std::string& to);
// Inserts whole lines of a field declaration / method into c (after the last field; at
// the end of the body).
void insertField(Edits& e, const Module& m, const ClassDecl& c, const std::string& lines);
void insertMethod(Edits& e, const Module& m, const ClassDecl& c, const std::string& lines);

std::vector<std::string> splitList(const std::string& s); // "a,b" -> {a, b}; "-" -> {}
std::string joinList(const std::vector<std::string>& v);  // {} -> "-"

} // namespace molt::dsu::refactoring
