// source_model.h — what one version of a program declares, as the differ reads it: each
// module's classes (members by kind, the instance layout by the one layout rule of
// runtime/syntax/class_layout.h), functions, bindings and top-level statements, with their
// texts as token sequences. Internal to the differ (differ.cpp compares two of these).
#pragma once

#include "dsu/source/differ.h"

#include "runtime/core/member_kind.h"
#include "runtime/core/private_name.h"
#include "runtime/syntax/class_layout.h"
#include "runtime/syntax/syntax.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace molt::dsu::source_model {

// ---------------------------------------------------------------- tokens

enum class TokenKind : uint8_t {
    Identifier, // a variable, or a class name
    Property,   // a property or field name, public or private (#x)
    Other,
};

struct Token {
    std::string_view text;
    TokenKind kind;
    bool operator==(const Token& o) const { return kind == o.kind && text == o.text; }
};
using Tokens = std::vector<Token>;

// Name substitutions applied to the old version before comparing it with the new one.
// The map's strings own the text the substituted tokens point to.
struct Renames {
    std::map<std::string, std::string, std::less<>> identifiers; // class renames
    std::map<std::string, std::string, std::less<>> properties;  // field renames
    bool empty() const { return identifiers.empty() && properties.empty(); }
};

// ---------------------------------------------------------------- what a module declares

struct Member {
    std::string key; // "<kind> <name>", unique within a class
    MemberKind kind = MemberKind::Method;
    std::string name; // as written (private names with their #)
    TSNode node{};
    Tokens tokens;       // the whole member
    Tokens params, body; // methods
    TSNode value{};      // fields: the initializer (null when absent)
    Tokens valueTokens;
};

// A field's name, its declaration or first write, its initializer and whether it is declared.
using FieldInfo = LayoutField;

struct ClassInfo {
    std::string name;
    TSNode node{};
    Tokens tokens;         // the whole class, for class renames
    std::string superName; // the superclass's name as far as syntax tells ("" = none)
    TSNode superNode{};
    Tokens superTokens;
    std::vector<Member> members; // source order
    ClassLayout layout;          // the instance fields, as the compiler reads them
};

struct FunctionInfo {
    std::string name;
    TSNode node{};
    Tokens params, body;
};

struct BindingInfo {
    std::string name;
    TSNode at{};    // the name in its declarator
    TSNode value{}; // the initializer (null: none)
    Tokens valueTokens;
};

struct ModuleInfo {
    std::string path;
    std::string display; // how messages name the file: the version's own path for it
    std::unique_ptr<SyntaxTree> tree;
    std::vector<ClassInfo> classes;
    std::vector<FunctionInfo> functions;
    std::vector<BindingInfo> bindings;
    std::vector<TSNode> statements; // top-level code that is not a declaration
    std::vector<Tokens> statementTokens;

    const ClassInfo* findClass(std::string_view name) const {
        for (const ClassInfo& c : classes)
            if (c.name == name) return &c;
        return nullptr;
    }
    SourceLocation at(TSNode n) const {
        if (ts_node_is_null(n)) return {path, 0, 0, display};
        SourcePosition p = tree->position(n);
        return {path, p.line, p.column, display};
    }
    std::string text(TSNode n) const { return std::string(tree->text(n)); }
};

// ---------------------------------------------------------------- one version

struct Version {
    std::vector<ModuleInfo> modules;
    std::function<std::vector<std::string>(const std::string&)> builtinFields;
    const ModuleInfo* find(std::string_view path) const {
        for (const ModuleInfo& m : modules)
            if (m.path == path) return &m;
        return nullptr;
    }
    // A superclass by name: the same module first, then any other.
    const ClassInfo* resolve(const ModuleInfo& from, std::string_view name) const {
        if (name.empty()) return nullptr;
        if (const ClassInfo* c = from.findClass(name)) return c;
        for (const ModuleInfo& m : modules)
            if (const ClassInfo* c = m.findClass(name)) return c;
        return nullptr;
    }
    // The classes above `c`, nearest first (a cycle or an unknown name ends the chain).
    std::vector<const ClassInfo*> ancestors(const ModuleInfo& from, const ClassInfo& c) const {
        std::vector<const ClassInfo*> out;
        const ClassInfo* cur = &c;
        while (out.size() < 64) {
            const ClassInfo* up = resolve(from, cur->superName);
            if (!up || up == &c || std::find(out.begin(), out.end(), up) != out.end()) break;
            out.push_back(up);
            cur = up;
        }
        return out;
    }
    // The fields a built-in class at the top of `c`'s chain gives it (extends Error: message,
    // stack); none when the chain ends in a program class or nothing.
    std::vector<std::string> builtinBase(const ModuleInfo& from, const ClassInfo& c) const {
        auto chain = ancestors(from, c);
        const ClassInfo& top = chain.empty() ? c : *chain.back();
        if (top.superName.empty() || !builtinFields || resolve(from, top.superName)) return {};
        return builtinFields(top.superName);
    }
    // The instance layout of `c`: inherited public fields, then its own ones. A field an
    // ancestor has (or an inherited accessor) is not the class's own, as in the runtime.
    std::vector<std::string> ownFields(const ModuleInfo& from, const ClassInfo& c) const {
        std::set<std::string, std::less<>> inherited;
        for (std::string& f : builtinBase(from, c))
            inherited.insert(std::move(f));
        for (const ClassInfo* a : ancestors(from, c)) {
            for (const FieldInfo& f : a->layout.fields)
                if (!f.isPrivate()) inherited.insert(f.name);
            inherited.insert(a->layout.accessors.begin(), a->layout.accessors.end());
        }
        std::vector<std::string> out;
        for (const FieldInfo* f :
             c.layout.ownFields([&](std::string_view n) { return inherited.count(n) > 0; }))
            out.push_back(f->name);
        return out;
    }
    const ModuleInfo* moduleOf(const ClassInfo* c) const {
        for (const ModuleInfo& m : modules)
            if (!m.classes.empty() && c >= &m.classes.front() && c <= &m.classes.back()) return &m;
        return nullptr;
    }
    std::set<std::string> layout(const ModuleInfo& from, const ClassInfo& c) const {
        std::vector<std::string> own = ownFields(from, c);
        std::set<std::string> all(own.begin(), own.end());
        for (std::string& f : builtinBase(from, c))
            all.insert(std::move(f));
        for (const ClassInfo* a : ancestors(from, c))
            for (const FieldInfo& f : a->layout.fields)
                if (!PrivateName::isPrivate(f.name)) all.insert(f.name);
        return all;
    }
};

// The leaves of `n` (comments skipped), as the differ compares texts.
Tokens tokensOf(const SyntaxTree& tree, TSNode n);
// `in` with the renamed names put back to what the new version calls them.
Tokens substitute(const Tokens& in, const Renames& renames);
// Marks the tokens of `a` and `b` that belong to one longest common subsequence.
void align(const Tokens& a, const Tokens& b, std::vector<bool>& inA, std::vector<bool>& inB);
// Parses and reads every file of one version; false with `error` set on a syntax error.
bool parseVersion(const std::vector<SourceFile>& files, bool isNew, Version& out,
                  DiffError& error);

}  // namespace molt::dsu::source_model
