// refactor.cpp — the refactoring requests, the renames and the field refactorings, and the
// one-call live update (refactor.h). The ones that move members between classes are in
// refactor_move.cpp.
#include "dsu/refactor/refactor.h"

#include "dsu/refactor/refactor_internal.h"
#include "runtime/core/private_name.h"
#include "runtime/core/vm.h"
#include "runtime/exec/mop.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace molt::dsu {

using namespace refactoring;

std::string RefactorRequest::option(const std::string& name) const {
    for (const auto& [k, v] : options)
        if (k == name) return v;
    return "";
}

std::string RefactorRequest::commandLine() const {
    std::string s = kind;
    for (const std::string& a : args)
        s += " " + (a.find_first_of(" \"'") == std::string::npos && !a.empty() ? a : jsonQuoted(a));
    for (const auto& [k, v] : options)
        s += " --" + k + (k == "force" || k == "static" ? "" : " " + jsonQuoted(v));
    return s;
}

std::string SourceSite::format() const {
    return at.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
           lineText;
}

std::vector<std::string> RefactorResult::changedPaths() const {
    std::vector<std::string> out;
    for (const TextEdit& e : edits)
        if (std::find(out.begin(), out.end(), e.path) == out.end()) out.push_back(e.path);
    return out;
}

namespace {

struct KindEntry {
    RefactorKindInfo info;
    size_t minArgs, maxArgs;
    bool (*run)(Context&);
};

const std::vector<KindEntry>& kindTable() {
    static const std::vector<KindEntry> table = {
        {{"rename-class", "CLASS NEW", "rename a class and every reference to it"},
         2,
         2,
         renameClass},
        {{"rename-field", "CLASS FIELD NEW",
          "rename an instance, static or private (#f) field and its uses; live values move"},
         3,
         3,
         renameField},
        {{"rename-method", "CLASS METHOD NEW",
          "rename a method, its overrides and all its senders (listed for review)"},
         3,
         3,
         renameMethod},
        {{"add-field", "CLASS FIELD INIT",
          "declare a field (INIT: its initializer, '-' for none); --existing EXPR gives live "
          "instances their value (oldObj in scope), --static declares a static"},
         3,
         3,
         addField},
        {{"remove-field", "CLASS FIELD",
          "remove an unused field (refused, with its uses, while "
          "it is used); live values are dropped"},
         2,
         2,
         removeField},
        {{"make-static", "CLASS FIELD",
          "turn an instance field into a static; it takes the first live instance's value, or "
          "--value EXPR"},
         2,
         2,
         makeStatic},
        {{"make-instance", "CLASS FIELD",
          "turn a static field into an instance field; every live instance gets its value"},
         2,
         2,
         makeInstance},
        {{"push-up-field", "CLASS FIELD",
          "move a declared field to the superclass (from every sibling declaring it)"},
         2,
         2,
         pushUpField},
        {{"pull-down-field", "CLASS FIELD", "move a declared field into every direct subclass"},
         2,
         2,
         pullDownField},
        {{"push-up-method", "CLASS METHOD",
          "move a method to the superclass (identical copies in siblings are removed)"},
         2,
         2,
         pushUpMethod},
        {{"pull-down-method", "CLASS METHOD",
          "move a method into every direct subclass that does not override it"},
         2,
         2,
         pullDownMethod},
        {{"change-superclass", "CLASS SUPER",
          "make CLASS extend SUPER ('-' for none); fields "
          "of both layouts keep their values"},
         2,
         2,
         changeSuperclass},
        {{"extract-superclass", "NEW CLASS[,CLASS...] FIELDS METHODS",
          "a new superclass of the classes, holding the chosen fields and methods"},
         4,
         4,
         extractSuperclass},
        {{"inline-superclass", "CLASS",
          "move a superclass's members into its subclasses and remove it"},
         1,
         1,
         inlineSuperclass},
        {{"split-class", "CLASS NEW HOLDER FIELDS METHODS",
          "move fields and methods into a new class held by the field HOLDER; live instances "
          "get their part"},
         5,
         5,
         splitClass},
        {{"merge-class", "CLASS HOLDER",
          "move the members of the class held by HOLDER back into CLASS (inverse of split)"},
         2,
         2,
         mergeClass},
    };
    return table;
}

} // namespace

const std::vector<RefactorKindInfo>& refactorKinds() {
    static const std::vector<RefactorKindInfo> kinds = [] {
        std::vector<RefactorKindInfo> out;
        for (const KindEntry& e : kindTable())
            out.push_back(e.info);
        return out;
    }();
    return kinds;
}

namespace refactoring {

bool Context::fail(const std::string& message) {
    out.error = message + (message.empty() || message.back() == '\n' ? "" : "\n");
    return false;
}

bool Context::failAt(const Module& m, TSNode n, const std::string& message) {
    SourcePosition p = m.tree->position(n);
    out.errorAt = {m.path, p.line, p.column};
    out.error = program.format(m, n, message);
    return false;
}

const ClassDecl* Context::needClass(const std::string& name) {
    if (const ClassDecl* c = program.find(name)) return c;
    std::string known;
    for (const ClassDecl& c : program.classes)
        known += (known.empty() ? "" : ", ") + c.name;
    fail("unknown class '" + name + "'" +
         (known.empty() ? " (the program declares no class)"
                        : " (the program's classes: " + known + ")"));
    return nullptr;
}

bool Context::needIdentifier(const std::string& name, const char* what, bool allowPrivate) {
    size_t i = allowPrivate && PrivateName::isPrivate(name) ? 1 : 0;
    bool ok = name.size() > i && !std::isdigit(static_cast<unsigned char>(name[i]));
    for (; ok && i < name.size(); ++i) {
        char ch = name[i];
        ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '$';
    }
    static const std::set<std::string> reserved = {
        "class",    "const",   "let",        "var",   "function", "return",     "if",      "else",
        "for",      "while",   "do",         "new",   "this",     "super",      "typeof",  "delete",
        "in",       "of",      "switch",     "case",  "break",    "continue",   "throw",   "try",
        "catch",    "finally", "null",       "true",  "false",    "undefined",  "extends", "static",
        "import",   "export",  "yield",      "await", "void",     "instanceof", "default", "with",
        "debugger", "enum",    "constructor"};
    if (ok && !reserved.count(name)) return true;
    return fail("'" + name + "' is not a valid " + what + " name");
}

bool Context::failWithUses(const std::string& message, const std::vector<SourceSite>& uses) {
    std::string text;
    if (!uses.empty()) {
        const SourceSite& first = uses.front();
        const Module* m = nullptr;
        for (const Module& mod : program.modules)
            if (mod.path == first.at.path) m = &mod;
        out.errorAt = first.at;
        text = (m ? m->shown : first.at.path) + ":" + std::to_string(first.at.line) + ":" +
               std::to_string(first.at.column) + ": " + message + "\n";
        for (const SourceSite& s : uses)
            text += "  " + s.format() + (s.ambiguous ? "   (may be another class's)" : "") + "\n";
    } else {
        text = message + "\n";
    }
    out.uses = uses;
    out.error = text;
    return false;
}

std::vector<std::pair<size_t, TSNode>>
fieldAccesses(const Program& p, const ClassDecl& c, const std::string& name,
              std::vector<std::pair<size_t, TSNode>>* ambiguous) {
    std::vector<std::pair<size_t, TSNode>> out;
    const Module& home = p.modules[c.module];
    if (PrivateName::isPrivate(name)) {
        walk(c.node, [&](TSNode n) {
            if (is(n, "private_property_identifier") && home.of(n) == name &&
                !is(ts_node_parent(n), "field_definition") &&
                !is(ts_node_parent(n), "method_definition"))
                out.emplace_back(c.module, n);
        });
        return out;
    }
    std::vector<const ClassDecl*> owners = p.descendants(c);
    owners.push_back(&c);
    auto owns = [&](const ClassDecl* k) {
        return std::find(owners.begin(), owners.end(), k) != owners.end();
    };
    int shared = -1;
    auto isShared = [&] {
        if (shared < 0)
            shared =
                p.nameIsShared(name, [&](const ClassDecl& k) { return p.inHierarchyOf(c, &k); });
        return shared == 1;
    };
    for (const Module& m : p.modules) {
        walk(m.tree->root(), [&](TSNode n) {
            if (!is(n, "member_expression")) return;
            TSNode prop = field(n, "property");
            if (!is(prop, "property_identifier") || m.of(prop) != name) return;
            TSNode obj = field(n, "object");
            bool mine = false, unsure = false;
            if (is(obj, "this")) {
                ThisBinding tb = p.thisAt(m, n);
                if (tb.cls && tb.staticSide) return;
                if (tb.cls && owns(tb.cls))
                    mine = true;
                else if (!tb.cls || p.inHierarchyOf(c, tb.cls))
                    unsure = true;
                else
                    return;
            } else if (is(obj, "super")) {
                return;
            } else if (is(obj, "identifier") && p.find(m.of(obj))) {
                return; // a static of a class
            } else if (isShared()) {
                unsure = true;
            } else {
                mine = true;
            }
            if (mine) out.emplace_back(m.index, prop);
            if (unsure && ambiguous) ambiguous->emplace_back(m.index, prop);
        });
    }
    return out;
}

std::vector<TSNode> thisAccessesIn(const Program& p, const ClassDecl& c, const std::string& name) {
    std::vector<TSNode> out;
    const Module& m = p.modules[c.module];
    walk(c.body, [&](TSNode n) {
        if (!is(n, "member_expression") || !is(field(n, "object"), "this")) return;
        if (m.of(field(n, "property")) != name) return;
        ThisBinding tb = p.thisAt(m, n);
        if (tb.cls == &c && !tb.staticSide) out.push_back(field(n, "property"));
    });
    return out;
}

namespace {

std::vector<SourceSite> sitesOf(const Program& p, const std::vector<std::pair<size_t, TSNode>>& v,
                                bool ambiguous) {
    std::vector<SourceSite> out;
    for (auto& [mi, n] : v)
        out.push_back(p.site(p.modules[mi], n, ambiguous));
    return out;
}

// Static uses of `name` on c or its subclasses: `C.name`, and `this.name` on their static
// side. `inInstance` gets those written where `this` is an instance of c or a subclass.
std::vector<std::pair<size_t, TSNode>> staticAccesses(const Program& p, const ClassDecl& c,
                                                      const std::string& name) {
    std::vector<const ClassDecl*> owners = p.descendants(c);
    owners.push_back(&c);
    auto owns = [&](const ClassDecl* k) {
        return k && std::find(owners.begin(), owners.end(), k) != owners.end();
    };
    std::vector<std::pair<size_t, TSNode>> out;
    for (const Module& m : p.modules) {
        walk(m.tree->root(), [&](TSNode n) {
            if (!is(n, "member_expression")) return;
            TSNode prop = field(n, "property");
            if (m.of(prop) != name) return;
            TSNode obj = field(n, "object");
            if (is(obj, "identifier") && owns(p.find(m.of(obj)))) out.emplace_back(m.index, n);
            if (is(obj, "this")) {
                ThisBinding tb = p.thisAt(m, n);
                if (tb.staticSide && owns(tb.cls)) out.emplace_back(m.index, n);
            }
        });
    }
    return out;
}

// Every place that names the class `name`: identifiers (its declaration, `new C`,
// `extends C`, bindings), `exports.C` / `lib.C` for a required module, `{ C: C }`.
// `naming` gets the modules with a plain identifier for it.
std::vector<std::pair<size_t, TSNode>> classReferences(const Program& p, const std::string& name,
                                                       std::set<size_t>* naming) {
    std::vector<std::pair<size_t, TSNode>> sites;
    for (const Module& m : p.modules) {
        std::set<std::string> requireBindings;
        walk(m.tree->root(), [&](TSNode n) {
            if (is(n, "variable_declarator") && is(field(n, "name"), "identifier") &&
                is(field(n, "value"), "call_expression") &&
                m.of(field(field(n, "value"), "function")) == "require")
                requireBindings.insert(std::string(m.of(field(n, "name"))));
        });
        walk(m.tree->root(), [&](TSNode n) {
            std::string_view t = m.of(n);
            if (t != name) return;
            if (is(n, "identifier") || is(n, "shorthand_property_identifier") ||
                is(n, "shorthand_property_identifier_pattern")) {
                sites.emplace_back(m.index, n);
                if (naming) naming->insert(m.index);
                return;
            }
            TSNode parent = ts_node_parent(n);
            if (is(n, "property_identifier") && is(parent, "member_expression")) {
                // exports.Cart, module.exports.Cart, lib.Cart (lib = require("./lib"))
                std::string obj(m.of(field(parent, "object")));
                if (obj == "exports" || obj == "module.exports" || requireBindings.count(obj))
                    sites.emplace_back(m.index, n);
            }
            if (is(n, "property_identifier") &&
                (is(parent, "pair") || is(parent, "pair_pattern")) &&
                m.of(field(parent, "value")) == name)
                sites.emplace_back(m.index, n); // { Cart: Cart }
        });
    }
    return sites;
}

std::string uses(size_t n) {
    return std::to_string(n) + (n == 1 ? " use" : " uses");
}

bool parsesAsExpression(const std::string& text) {
    auto tree = SyntaxTree::parse("(" + text + "\n);\n", "");
    if (tree->firstError()) return false;
    std::vector<TSNode> top = namedChildren(tree->root());
    return top.size() == 1 && is(top[0], "expression_statement");
}

const char* sideName(const MemberDecl& m) {
    return m.isStatic() ? "static " : "";
}

} // namespace

// ---------------------------------------------------------------- rename-class

bool renameClass(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string from = c->name, to = cx.arg(1);
    if (!cx.needIdentifier(to, "class")) return false;
    if (from == to) return cx.fail("class '" + from + "' is already called '" + to + "'");
    if (const ClassDecl* other = cx.program.find(to))
        return cx.failAt(cx.moduleOf(*other), other->nameNode,
                         "the program already has a class named '" + to + "'");
    // Every module that names the class must not already use the new name.
    std::set<size_t> naming;
    std::vector<std::pair<size_t, TSNode>> sites = classReferences(cx.program, from, &naming);
    for (size_t mi : naming) {
        const Module& m = cx.program.modules[mi];
        TSNode clash{};
        walk(m.tree->root(), [&](TSNode n) {
            if (ts_node_is_null(clash) && is(n, "identifier") && m.of(n) == to) clash = n;
        });
        if (!ts_node_is_null(clash))
            return cx.failAt(m, clash,
                             "'" + to + "' already names something in " + m.path +
                                 ", where class '" + from + "' is used; choose another name");
    }
    for (auto& [mi, n] : sites)
        cx.edits.replace(cx.program.modules[mi], n, to);
    cx.out.senders = sitesOf(cx.program, sites, false);
    cx.comment("The live class " + from + " becomes " + to +
               ": its instances keep their identity and state.");
    cx.call("dsu.renameClass(" + jsonQuoted(from) + ", " + jsonQuoted(to) + ");");
    cx.out.summary = "Renamed class " + from + " to " + to + " (" + std::to_string(sites.size()) +
                     " references).";
    cx.out.inverse = {"rename-class", {to, from}, {}};
    return true;
}

// ---------------------------------------------------------------- rename-field

bool renameField(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string from = cx.arg(1), to = cx.arg(2);
    const Program& p = cx.program;
    const Module& home = cx.moduleOf(*c);
    bool isPrivate = PrivateName::isPrivate(from);
    if (!cx.needIdentifier(to, "field", true)) return false;
    if (isPrivate != PrivateName::isPrivate(to))
        return cx.fail("'" + from + "' and '" + to +
                       "': a private field keeps its '#', and a public one cannot take one");
    const MemberDecl* staticDecl = c->member(from, true);
    if (staticDecl && staticDecl->kind != MemberKind::StaticField) staticDecl = nullptr;
    bool isStatic = staticDecl != nullptr;
    if (!isStatic && !c->declaresField(from)) {
        for (const ClassDecl* a : p.ancestors(*c))
            if (a->declaresField(from))
                return cx.failAt(home, c->nameNode,
                                 "field '" + from + "' of " + c->name + " is declared by " +
                                     a->name + "; rename it there: rename-field " + a->name + " " +
                                     from + " " + to);
        return cx.failAt(home, c->nameNode, "class " + c->name + " has no field '" + from + "'");
    }
    // The new name must be free in the whole hierarchy.
    std::vector<const ClassDecl*> family = p.ancestors(*c);
    for (const ClassDecl* d : p.descendants(*c))
        family.push_back(d);
    family.push_back(c);
    for (const ClassDecl* k : family) {
        const MemberDecl* m = isStatic ? k->member(to, true) : k->anyMember(to);
        if (m && (isStatic || !m->isStatic()))
            return cx.failAt(cx.moduleOf(*k), m->nameNode,
                             "'" + to + "' is already a member of " + k->name);
        if (!isStatic && k->declaresField(to))
            return cx.failAt(cx.moduleOf(*k), k->nameNode,
                             "'" + to + "' is already a field of " + k->name);
    }
    std::vector<std::pair<size_t, TSNode>> sites, ambiguous;
    if (isStatic) {
        for (auto& [mi, n] : staticAccesses(p, *c, from))
            sites.emplace_back(mi, field(n, "property"));
        cx.edits.replace(home, staticDecl->nameNode, to);
    } else {
        sites = fieldAccesses(p, *c, from, &ambiguous);
        if (const MemberDecl* decl = c->member(from, false)) cx.edits.replace(home, decl->nameNode, to);
    }
    if (!ambiguous.empty() && !cx.request.forced())
        return cx.failWithUses(std::to_string(ambiguous.size()) + " use" +
                                   (ambiguous.size() == 1 ? "" : "s") + " of '" + from +
                                   "' may not be " + c->name +
                                   "'s (another class, a record or a built-in has a member of "
                                   "that name); rename with --force to rewrite them too:",
                               sitesOf(p, ambiguous, true));
    sites.insert(sites.end(), ambiguous.begin(), ambiguous.end());
    for (auto& [mi, n] : sites)
        cx.edits.replace(p.modules[mi], n, to);
    cx.out.senders = sitesOf(p, sites, false);
    if (isStatic) {
        cx.comment("The live value of static " + c->name + "." + from + " moves to " + to + ".");
        cx.call("dsu.renameStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(from) + ", " +
                jsonQuoted(to) + ");");
    } else {
        cx.comment("Every live " + c->name +
                   " (and subclass instance) keeps its value under the new name.");
        cx.call("dsu.renameInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(from) +
                ", " + jsonQuoted(to) + ");");
    }
    cx.out.summary = "Renamed " + std::string(isStatic ? "static " : "") + "field " + c->name +
                     "." + from + " to " + to + " (" + uses(sites.size()) + ").";
    cx.out.inverse = {"rename-field", {c->name, to, from}, {}};
    if (cx.request.forced()) cx.out.inverse.options.push_back({"force", "1"});
    return true;
}

// ---------------------------------------------------------------- rename-method

bool renameMethod(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string from = cx.arg(1), to = cx.arg(2);
    const Program& p = cx.program;
    const MemberDecl* m = nullptr;
    for (const MemberDecl& mem : c->members)
        if (mem.name == from && mem.isMethodLike() && (!m || m->isStatic())) m = &mem;
    if (!m || m->kind == MemberKind::Constructor)
        return cx.failAt(cx.moduleOf(*c), c->nameNode,
                         "class " + c->name + " has no method '" + from + "'");
    if (!cx.needIdentifier(to, "method", true)) return false;
    bool staticSide = m->isStatic();
    // The implementors: every class of the hierarchy defining the method on the same side.
    std::vector<const ClassDecl*> up = p.ancestors(*c);
    const ClassDecl* root = up.empty() ? c : up.back();
    std::vector<const ClassDecl*> family = p.descendants(*root);
    family.insert(family.begin(), root);
    auto inFamily = [&](const ClassDecl* k) {
        return k && std::find(family.begin(), family.end(), k) != family.end();
    };
    std::vector<std::pair<size_t, TSNode>> sites, ambiguous;
    std::vector<const MemberDecl*> implementors;
    std::vector<const ClassDecl*> implementorClasses;
    for (const ClassDecl* k : family) {
        if (const MemberDecl* clash = k->member(to, staticSide))
            return cx.failAt(cx.moduleOf(*k), clash->nameNode,
                             "'" + to + "' is already a " + sideName(*clash) + "member of " +
                                 k->name);
        if (!staticSide && k->declaresField(to))
            return cx.failAt(cx.moduleOf(*k), k->nameNode,
                             "'" + to + "' is already a field of " + k->name);
        for (const MemberDecl& mem : k->members)
            if (mem.name == from && mem.isMethodLike() && mem.isStatic() == staticSide) {
                implementors.push_back(&mem);
                implementorClasses.push_back(k);
                cx.edits.replace(cx.moduleOf(*k), mem.nameNode, to);
            }
    }
    int shared = -1;
    for (const Module& mod : p.modules) {
        walk(mod.tree->root(), [&](TSNode n) {
            if (!is(n, "member_expression")) return;
            TSNode prop = field(n, "property");
            if (mod.of(prop) != from) return;
            TSNode obj = field(n, "object");
            bool mine = false, unsure = false;
            if (is(obj, "this") || is(obj, "super")) {
                ThisBinding tb = p.thisAt(mod, n);
                if (tb.cls && !inFamily(tb.cls)) return;
                if (tb.cls && tb.staticSide == staticSide)
                    mine = true;
                else if (!tb.cls)
                    unsure = true;
                else
                    return;
            } else if (is(obj, "identifier") && p.find(mod.of(obj))) {
                if (!staticSide || !inFamily(p.find(mod.of(obj)))) return;
                mine = true;
            } else {
                if (shared < 0)
                    shared = p.nameIsShared(from, [&](const ClassDecl& k) { return inFamily(&k); });
                (shared ? unsure : mine) = true;
            }
            if (mine) sites.emplace_back(mod.index, prop);
            if (unsure) ambiguous.emplace_back(mod.index, prop);
        });
    }
    if (!ambiguous.empty() && !cx.request.forced())
        return cx.failWithUses(std::to_string(ambiguous.size()) + " sender" +
                                   (ambiguous.size() == 1 ? "" : "s") + " of '" + from +
                                   "' may not call " + c->name +
                                   "'s method (another class, a record or a built-in has a member "
                                   "of that name); rename with --force to rewrite them too:",
                               sitesOf(p, ambiguous, true));
    std::vector<SourceSite> senders = sitesOf(p, sites, false);
    std::vector<SourceSite> unsureSites = sitesOf(p, ambiguous, true);
    senders.insert(senders.end(), unsureSites.begin(), unsureSites.end());
    sites.insert(sites.end(), ambiguous.begin(), ambiguous.end());
    for (auto& [mi, n] : sites)
        cx.edits.replace(p.modules[mi], n, to);
    std::sort(senders.begin(), senders.end(), [&](const SourceSite& a, const SourceSite& b) {
        return std::tie(a.at.path, a.at.line, a.at.column) <
               std::tie(b.at.path, b.at.line, b.at.column);
    });
    cx.out.senders = senders;
    cx.comment("Code only: no instance changes. The new version's methods replace the old ones;");
    cx.comment("senders (" + std::to_string(senders.size()) + ") were rewritten with them.");
    for (size_t i = 0; i < implementors.size(); ++i) {
        const std::string& k = implementorClasses[i]->name;
        cx.call("dsu.removeMethod(" + jsonQuoted(k) + ", " + jsonQuoted(from) +
                methodKindArgument(implementors[i]->kind) + ");");
        cx.call("dsu.addMethod(" + jsonQuoted(k) + ", " + jsonQuoted(to) +
                methodKindArgument(implementors[i]->kind) + ");");
    }
    cx.out.summary = "Renamed " + std::string(sideName(*m)) + "method " + from + " to " + to +
                     " in " + std::to_string(implementors.size()) + " class" +
                     (implementors.size() == 1 ? "" : "es") + " and " +
                     std::to_string(senders.size()) + " sender" + (senders.size() == 1 ? "" : "s") +
                     ".";
    cx.out.inverse = {"rename-method", {c->name, to, from}, {}};
    if (cx.request.forced()) cx.out.inverse.options.push_back({"force", "1"});
    return true;
}

// ---------------------------------------------------------------- add-field / remove-field

bool addField(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1), init = cx.arg(2);
    const Program& p = cx.program;
    bool isStatic = cx.request.option("static") == "1";
    std::string existing = cx.request.option("existing");
    if (!cx.needIdentifier(name, "field", true)) return false;
    if (init != "-" && !parsesAsExpression(init))
        return cx.fail("the initializer '" + init + "' is not a JavaScript expression");
    if (!existing.empty() && !parsesAsExpression(existing))
        return cx.fail("--existing '" + existing + "' is not a JavaScript expression");
    if (isStatic && !existing.empty())
        return cx.fail("--existing is for instance fields: a static has one value, its "
                       "initializer's");
    std::vector<const ClassDecl*> family = p.ancestors(*c);
    for (const ClassDecl* d : p.descendants(*c))
        family.push_back(d);
    family.push_back(c);
    for (const ClassDecl* k : family) {
        if (const MemberDecl* m = k->anyMember(name))
            return cx.failAt(cx.moduleOf(*k), m->nameNode,
                             "'" + name + "' is already a member of " + k->name);
        if (k->declaresField(name))
            return cx.failAt(cx.moduleOf(*k), k->nameNode,
                             "'" + name + "' is already a field of " + k->name);
    }
    const Module& m = cx.moduleOf(*c);
    std::string decl =
        std::string(isStatic ? "static " : "") + name + (init == "-" ? "" : " = " + init) + ";";
    insertField(cx.edits, m, *c, memberIndent(m, *c) + decl + "\n");
    if (isStatic) {
        cx.comment("A new static: its initializer runs once.");
        cx.call("dsu.addStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ");");
    } else if (!existing.empty()) {
        cx.comment("Live instances (and subclass instances) get " + name +
                   " from the old object; new ones from the initializer.");
        cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
                ", (oldObj, newObj) => (" + existing + "));");
    } else if (init != "-") {
        cx.comment("Live instances (and subclass instances) get " + name +
                   " from its initializer, with this = the migrated object.");
        cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
                ", dsu.initializer(function () { return " + init + "; }));");
    } else {
        cx.comment("No initializer: live instances get undefined.");
        cx.call("dsu.addInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ");");
    }
    cx.out.summary =
        "Added " + std::string(isStatic ? "static " : "") + "field " + c->name + "." + name + ".";
    cx.out.inverse = {"remove-field", {c->name, name}, {}};
    return true;
}

bool removeField(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const Module& m = cx.moduleOf(*c);
    const MemberDecl* decl = c->member(name, true);
    if (!decl || decl->kind != MemberKind::StaticField) decl = c->member(name, false);
    if (decl && !decl->isField()) decl = nullptr;
    bool inferredOnly = !decl && c->declaresField(name);
    if (!decl && !inferredOnly)
        return cx.failAt(m, c->nameNode, "class " + c->name + " has no field '" + name + "'");
    std::vector<SourceSite> uses;
    if (decl && decl->isStatic()) {
        for (auto& [mi, n] : staticAccesses(p, *c, name))
            uses.push_back(p.site(p.modules[mi], n));
    } else {
        std::vector<std::pair<size_t, TSNode>> ambiguous;
        uses = sitesOf(p, fieldAccesses(p, *c, name, &ambiguous), false);
        std::vector<SourceSite> maybe = sitesOf(p, ambiguous, true);
        uses.insert(uses.end(), maybe.begin(), maybe.end());
    }
    if (!uses.empty())
        return cx.failWithUses("field '" + name + "' of " + c->name + " is still used (" +
                                   std::to_string(uses.size()) +
                                   (uses.size() == 1 ? " use" : " uses") +
                                   "); remove the uses first:",
                               uses);
    LineRange r = removalRange(m, *c, decl->node);
    cx.edits.replace(m, r.start, r.end, "");
    TSNode value = field(decl->node, "value");
    std::string init = ts_node_is_null(value) ? "-" : std::string(m.of(value));
    if (decl->isStatic()) {
        cx.call("dsu.removeStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
                "); // its live value is dropped");
    } else {
        cx.comment("No code uses it: the live values are dropped.");
        cx.call("dsu.removeInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
                ");");
    }
    cx.out.summary = "Removed unused field " + c->name + "." + name + ".";
    cx.out.inverse = {"add-field", {c->name, name, init}, {}};
    if (decl->isStatic()) cx.out.inverse.options.push_back({"static", "1"});
    return true;
}

// ---------------------------------------------------------------- make-static / make-instance

bool makeStatic(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1), value = cx.request.option("value");
    const Program& p = cx.program;
    const Module& m = cx.moduleOf(*c);
    const MemberDecl* decl = c->member(name, false);
    if (!decl || decl->kind != MemberKind::Field) {
        if (c->member(name, true))
            return cx.failAt(m, c->member(name, true)->nameNode,
                             "field '" + name + "' of " + c->name + " is already static");
        if (c->declaresField(name))
            return cx.failAt(m, c->nameNode,
                             "field '" + name + "' of " + c->name +
                                 " is only assigned in methods; declare it (" + name +
                                 ";) to make it static");
        return cx.failAt(m, c->nameNode, "class " + c->name + " has no field '" + name + "'");
    }
    if (!value.empty() && !parsesAsExpression(value))
        return cx.fail("--value '" + value + "' is not a JavaScript expression");
    std::vector<std::pair<size_t, TSNode>> ambiguous;
    std::vector<std::pair<size_t, TSNode>> sites = fieldAccesses(p, *c, name, &ambiguous);
    std::vector<SourceSite> outside;
    for (auto& [mi, n] : sites)
        if (!is(field(ts_node_parent(n), "object"), "this"))
            outside.push_back(p.site(p.modules[mi], n));
    for (const SourceSite& s : sitesOf(p, ambiguous, true))
        outside.push_back(s);
    if (!outside.empty())
        return cx.failWithUses("field '" + name + "' of " + c->name +
                                   " is read from instances outside its class; make those read " +
                                   c->name + "." + name + " first:",
                               outside);
    cx.edits.insert(m, ts_node_start_byte(decl->node), "static ");
    for (auto& [mi, n] : sites)
        cx.edits.replace(p.modules[mi], field(ts_node_parent(n), "object"), c->name);
    cx.call("dsu.removeInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
            "); // the per-instance values are dropped");
    if (!value.empty()) {
        cx.comment("The static takes the value given to the refactoring.");
        cx.call("dsu.addStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ", " +
                value + ");");
    } else {
        cx.comment("The static takes the value of the first live " + c->name +
                   " (in heap order), read while the update");
        cx.comment("validates; with no live instance it keeps its initializer's.");
        cx.call("dsu.addStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ");");
        cx.call("dsu.addValidation(" +
                jsonQuoted("static " + c->name + "." + name + " takes a live instance's value") +
                ", (oldNs, newNs) => {");
        cx.call("  const live = oldNs.allInstances(" + jsonQuoted(c->name) + ");");
        cx.call("  if (live.length > 0) newNs.get(" + jsonQuoted(c->name) + ")." + name +
                " = live[0]." + name + ";");
        cx.call("  return true;");
        cx.call("});");
    }
    cx.out.summary = "Made field " + c->name + "." + name + " static (" + uses(sites.size()) +
                     " now read " + c->name + "." + name + ").";
    cx.out.inverse = {"make-instance", {c->name, name}, {}};
    return true;
}

bool makeInstance(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const Module& m = cx.moduleOf(*c);
    const MemberDecl* decl = c->member(name, true);
    if (!decl || decl->kind != MemberKind::StaticField) {
        if (c->declaresField(name))
            return cx.failAt(m, c->nameNode,
                             "field '" + name + "' of " + c->name +
                                 " is already an instance field");
        return cx.failAt(m, c->nameNode,
                         "class " + c->name + " has no static field '" + name + "'");
    }
    for (const ClassDecl* k : p.descendants(*c))
        if (k->anyMember(name) || k->declaresField(name))
            return cx.failAt(cx.moduleOf(*k), k->nameNode,
                             "'" + name + "' is already a member of " + k->name);
    std::vector<const ClassDecl*> owners = p.descendants(*c);
    owners.push_back(c);
    std::vector<std::pair<size_t, TSNode>> rewrite;
    std::vector<SourceSite> noInstance;
    for (auto& [mi, n] : staticAccesses(p, *c, name)) {
        const Module& mod = p.modules[mi];
        ThisBinding tb = p.thisAt(mod, n);
        bool instanceSide = tb.cls && !tb.staticSide &&
                            std::find(owners.begin(), owners.end(), tb.cls) != owners.end();
        if (instanceSide && is(field(n, "object"), "identifier"))
            rewrite.emplace_back(mi, field(n, "object"));
        else
            noInstance.push_back(p.site(mod, n));
    }
    if (!noInstance.empty())
        return cx.failWithUses("static '" + name + "' of " + c->name +
                                   " is used where there is no instance of it:",
                               noInstance);
    // `static name = v;` loses its keyword (and the space after it).
    for (TSNode k : children(decl->node))
        if (nodeType(k) == "static") {
            uint32_t end = ts_node_end_byte(k);
            while (end < m.text().size() && m.text()[end] == ' ')
                ++end;
            cx.edits.replace(m, ts_node_start_byte(k), end, "");
        }
    for (auto& [mi, n] : rewrite)
        cx.edits.replace(p.modules[mi], n, "this");
    cx.call("dsu.removeStaticField(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ");");
    cx.comment("Every live " + c->name + " (and subclass instance) gets the static's live value.");
    cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) +
            ", (oldObj, newObj, oldNs) => oldNs.get(" + jsonQuoted(c->name) + ")." + name + ");");
    cx.out.summary = "Made static " + c->name + "." + name + " an instance field (" +
                     uses(rewrite.size()) + " now read this." + name + ").";
    cx.out.inverse = {"make-static", {c->name, name}, {}};
    return true;
}

} // namespace refactoring

RefactorResult refactor(const std::vector<SourceFile>& files, const RefactorRequest& request) {
    const KindEntry* entry = nullptr;
    for (const KindEntry& e : kindTable())
        if (request.kind == e.info.kind) entry = &e;
    Context cx{files, request, {}, {}, {}, {}, {}};
    if (!entry) {
        cx.fail("unknown refactoring '" + request.kind + "' (see molt refactor --help)");
        return cx.out;
    }
    if (request.args.size() < entry->minArgs || request.args.size() > entry->maxArgs) {
        cx.fail(std::string(entry->info.kind) + " takes " + entry->info.arguments);
        return cx.out;
    }
    if (files.empty()) {
        cx.fail("no program given");
        return cx.out;
    }
    if (auto read = cx.program.read(files); !read) {
        cx.out.error = read.error().format();
        return cx.out;
    }
    if (!entry->run(cx)) {
        cx.out.files.clear();
        return cx.out;
    }
    if (auto applied = cx.edits.apply(files, cx.program, cx.out); !applied) {
        RefactorResult failed;
        failed.error = applied.error().format() + "\n";
        return failed;
    }
    // The result must still parse: a refactoring that breaks the syntax is a bug, not an
    // update to attempt.
    for (const SourceFile& f : cx.out.files) {
        auto tree = SyntaxTree::parse(f.text, f.path);
        if (auto diag = tree->firstError()) {
            RefactorResult failed;
            failed.error = "internal error: the refactored " + f.path + " does not parse (" +
                           std::to_string(diag->position.line) + ":" +
                           std::to_string(diag->position.column) + ": " + diag->message + ")\n";
            return failed;
        }
    }
    std::string patch = "// molt refactor " + request.commandLine() + "\n";
    patch += "// " + cx.out.summary + "\n";
    for (const std::string& h : cx.headerLines)
        patch += "// " + h + "\n";
    patch += "module.exports = function (dsu) {\n";
    for (const std::string& line : cx.patchLines)
        patch += "  " + line + "\n";
    patch += "};\n";
    cx.out.patch = std::move(patch);
    return std::move(cx.out);
}

LiveRefactoring applyRefactoringLive(VM& vm, const RefactorRequest& request) {
    LiveRefactoring live;
    std::vector<SourceFile> current = liveSources(vm);
    // The main module first, as refactor() and the differ expect.
    if (molt::Module* main = vm.mainModule(); main && main->path) {
        std::string mainName =
            std::filesystem::path(std::string(main->path->view())).filename().string();
        std::stable_partition(current.begin(), current.end(),
                              [&](const SourceFile& f) { return f.path == mainName; });
    }
    live.refactoring = refactor(current, request);
    if (!live.refactoring.ok()) return live;
    VersionUpdate update(vm);
    NewVersion next{live.refactoring.files, "refactor " + request.kind, {}};
    UserPatch patch{"refactor-" + request.kind + ".js", live.refactoring.patch};
    if (auto prepared = update.prepare(next, patch); !prepared) {
        live.prepareError = prepared.error().message();
        return live;
    }
    live.report = update.commit();
    if (live.report->committed()) live.newSources = live.refactoring.files;
    return live;
}

References findReferences(const std::vector<SourceFile>& files, const std::string& className,
                          const std::string& member) {
    using namespace refactoring;
    References out;
    Program p;
    if (auto read = p.read(files); !read) {
        out.error = read.error().format();
        return out;
    }
    const ClassDecl* c = p.find(className);
    if (!c) {
        out.error = "the program has no class '" + className + "'";
        return out;
    }
    auto inOrder = [&](std::vector<std::pair<size_t, TSNode>>& v) {
        std::sort(v.begin(), v.end(), [](auto& a, auto& b) {
            return a.first != b.first ? a.first < b.first
                                      : ts_node_start_byte(a.second) < ts_node_start_byte(b.second);
        });
    };
    if (member.empty()) {
        std::vector<std::pair<size_t, TSNode>> sites = classReferences(p, className, nullptr);
        inOrder(sites);
        out.sites = sitesOf(p, sites, false);
        return out;
    }
    // An inherited field: the uses are those of the class that declares it.
    if (!PrivateName::isPrivate(member) && !c->declaresField(member))
        for (const ClassDecl* a : p.ancestors(*c))
            if (a->declaresField(member)) {
                c = a;
                break;
            }
    std::vector<std::pair<size_t, TSNode>> sites, ambiguous;
    const MemberDecl* staticDecl = c->member(member, true);
    if (staticDecl && staticDecl->isField()) {
        sites.emplace_back(c->module, staticDecl->nameNode);
        for (auto& [mi, n] : staticAccesses(p, *c, member))
            sites.emplace_back(mi, field(n, "property"));
    } else {
        if (const MemberDecl* decl = c->member(member, false))
            sites.emplace_back(c->module, decl->nameNode);
        for (auto& site : fieldAccesses(p, *c, member, &ambiguous))
            sites.push_back(site);
    }
    for (auto& site : ambiguous)
        sites.push_back(site);
    inOrder(sites);
    sites.erase(std::unique(sites.begin(), sites.end(),
                            [](auto& a, auto& b) {
                                return a.first == b.first && ts_node_eq(a.second, b.second);
                            }),
                sites.end());
    for (auto& [mi, n] : sites) {
        bool unsure = std::any_of(ambiguous.begin(), ambiguous.end(), [&](auto& a) {
            return a.first == mi && ts_node_eq(a.second, n);
        });
        out.sites.push_back(p.site(p.modules[mi], n, unsure));
    }
    return out;
}

} // namespace molt::dsu
