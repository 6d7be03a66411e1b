// source_model.cpp — reading one version of a program for the differ (source_model.h).
#include "dsu/source/source_model.h"

#include "dsu/source/alignment.h"
#include "runtime/core/vm.h"
#include "runtime/syntax/constructor_function.h"

namespace molt::dsu::source_model {

namespace {

void collectTokens(const SyntaxTree& tree, TSNode n, Tokens& out) {
    if (ts_node_is_null(n) || is(n, "comment")) return;
    std::string_view type = nodeType(n);
    uint32_t count = ts_node_child_count(n);
    // Literals are single tokens: their inside is not a place for insignificant whitespace.
    if (count == 0 || type == "string" || type == "regex" || type == "number") {
        std::string_view text = tree.text(n);
        if (text.empty()) return;
        TokenKind kind = TokenKind::Other;
        if (type == "identifier" || type == "shorthand_property_identifier" ||
            type == "shorthand_property_identifier_pattern")
            kind = TokenKind::Identifier;
        else if (type == "property_identifier" || type == "private_property_identifier")
            kind = TokenKind::Property;
        out.push_back({text, kind});
        return;
    }
    for (uint32_t i = 0; i < count; ++i)
        collectTokens(tree, ts_node_child(n, i), out);
}

// ---------------------------------------------------------------- what a module declares

ClassInfo readClass(const SyntaxTree& tree, TSNode node, std::string name) {
    ClassInfo c;
    c.name = std::move(name);
    c.node = node;
    c.tokens = tokensOf(tree, node);
    for (TSNode h : namedChildren(node)) {
        if (!is(h, "class_heritage")) continue;
        std::vector<TSNode> hs = namedChildren(h);
        if (hs.empty()) break;
        c.superNode = hs[0];
        c.superTokens = tokensOf(tree, hs[0]);
        // `extends Base`, `extends lib.Base`, `extends require("./base").Base`
        if (is(hs[0], "identifier"))
            c.superName = tree.text(hs[0]);
        else if (is(hs[0], "member_expression"))
            c.superName = tree.text(field(hs[0], "property"));
    }
    TSNode body = field(node, "body");
    std::vector<TSNode> members = namedChildren(body);
    std::set<std::string> keys;
    int staticBlocks = 0;
    for (TSNode m : members) {
        Member mem;
        mem.node = m;
        mem.tokens = tokensOf(tree, m);
        if (is(m, "method_definition")) {
            mem.name = memberKeyName(tree, field(m, "name"));
            mem.params = tokensOf(tree, field(m, "parameters"));
            mem.body = tokensOf(tree, field(m, "body"));
        } else if (is(m, "field_definition")) {
            mem.name = memberKeyName(tree, field(m, "property"));
            mem.value = field(m, "value");
            mem.valueTokens = tokensOf(tree, mem.value);
        } else if (is(m, "class_static_block")) {
            mem.name = std::to_string(++staticBlocks);
        } else {
            continue;
        }
        mem.kind = *classMemberKind(m, mem.name);
        mem.key = std::string(memberKindName(mem.kind)) + " " + mem.name;
        if (!keys.insert(mem.key).second)
            continue; // a duplicate: the last one is not
                      // what the compiler keeps either way
        c.members.push_back(std::move(mem));
    }
    c.layout = readClassLayout(tree, node);
    return c;
}

// A constructor function as the class the runtime makes of it (constructor_function.h): its
// body is the constructor, the prototype methods are its methods.
ClassInfo readConstructorClass(const SyntaxTree& tree, const ConstructorFunction& cf) {
    ClassInfo c;
    c.name = cf.name;
    c.node = cf.declaration;
    c.superName = cf.superName; // `P.prototype = Object.create(S.prototype)`
    c.superNode = cf.superNode;
    if (!cf.superName.empty()) c.superTokens = tokensOf(tree, cf.superNode);
    c.tokens = tokensOf(tree, cf.declaration);
    for (TSNode s : cf.statements) {
        Tokens more = tokensOf(tree, s);
        c.tokens.insert(c.tokens.end(), more.begin(), more.end());
    }
    auto method = [&](std::string name, TSNode fn) {
        Member mem;
        mem.kind = MemberKind::Method;
        mem.name = std::move(name);
        mem.key = std::string(memberKindName(mem.kind)) + " " + mem.name;
        mem.node = fn;
        mem.tokens = tokensOf(tree, fn);
        mem.params = tokensOf(tree, field(fn, "parameters"));
        mem.body = tokensOf(tree, field(fn, "body"));
        c.members.push_back(std::move(mem));
    };
    method("constructor", cf.declaration);
    for (const PrototypeMethod& m : cf.methods)
        method(m.name, m.function);
    c.layout = readConstructorLayout(tree, cf);
    return c;
}

void readDeclarator(ModuleInfo& mod, TSNode d) {
    const SyntaxTree& tree = *mod.tree;
    TSNode target = field(d, "name"), value = field(d, "value");
    if (is(target, "identifier") && is(value, "class")) {
        // `const Cart = class { ... }` is a class to the runtime, named like its binding
        // unless it names itself.
        TSNode own = field(value, "name");
        mod.classes.push_back(
            readClass(tree, value, std::string(tree.text(ts_node_is_null(own) ? target : own))));
        return;
    }
    Tokens valueTokens = tokensOf(tree, value);
    std::vector<TSNode> pending{target};
    while (!pending.empty()) {
        TSNode p = pending.back();
        pending.pop_back();
        if (is(p, "identifier") || is(p, "shorthand_property_identifier_pattern")) {
            mod.bindings.push_back({std::string(tree.text(p)), p, value, valueTokens});
            continue;
        }
        if (is(p, "pair_pattern")) {
            pending.push_back(field(p, "value"));
            continue;
        }
        if (is(p, "assignment_pattern")) {
            pending.push_back(field(p, "left"));
            continue;
        }
        std::vector<TSNode> kids = namedChildren(p); // array/object/rest patterns
        for (size_t i = kids.size(); i-- > 0;)
            pending.push_back(kids[i]);
    }
}

void readModule(ModuleInfo& mod) {
    const SyntaxTree& tree = *mod.tree;
    ConstructorFunctions constructors = readConstructorFunctions(tree);
    for (TSNode s : namedChildren(tree.root())) {
        const ConstructorFunction* cf =
            is(s, "function_declaration") ? constructors.find(tree.text(field(s, "name"))) : nullptr;
        if (cf && ts_node_eq(cf->declaration, s)) {
            mod.classes.push_back(readConstructorClass(tree, *cf));
        } else if (constructors.isPrototypeStatement(s)) {
            continue; // part of its constructor function's class
        } else if (is(s, "class_declaration")) {
            mod.classes.push_back(readClass(tree, s, std::string(tree.text(field(s, "name")))));
        } else if (is(s, "function_declaration") || is(s, "generator_function_declaration")) {
            mod.functions.push_back({std::string(tree.text(field(s, "name"))), s,
                                     tokensOf(tree, field(s, "parameters")),
                                     tokensOf(tree, field(s, "body"))});
        } else if (is(s, "lexical_declaration") || is(s, "variable_declaration")) {
            for (TSNode d : namedChildren(s))
                if (is(d, "variable_declarator")) readDeclarator(mod, d);
        } else if (!is(s, "empty_statement") && !is(s, "hash_bang_line")) {
            mod.statements.push_back(s);
            mod.statementTokens.push_back(tokensOf(tree, s));
        }
    }
}

}  // namespace

Tokens tokensOf(const SyntaxTree& tree, TSNode n) {
    Tokens out;
    collectTokens(tree, n, out);
    return out;
}

Tokens substitute(const Tokens& in, const Renames& renames) {
    if (renames.empty()) return in;
    Tokens out = in;
    for (Token& t : out) {
        if (t.kind == TokenKind::Other) continue;
        const auto& map =
            t.kind == TokenKind::Identifier ? renames.identifiers : renames.properties;
        auto it = map.find(t.text);
        if (it != map.end()) t.text = it->second;
    }
    return out;
}

// Marks the tokens of `a` and `b` that belong to one longest common subsequence. Beyond a
// size where the table would be large, only the common prefix and suffix are matched,
// which makes rename detection conservative rather than slow.
void align(const Tokens& a, const Tokens& b, std::vector<bool>& inA, std::vector<bool>& inB) {
    inA.assign(a.size(), false);
    inB.assign(b.size(), false);
    size_t i = 0, j = 0;
    for (Edit e : alignSequences(a, b, 4'000'000)) {
        if (e == Edit::Keep) inA[i] = inB[j] = true;
        if (e != Edit::Insert) ++i;
        if (e != Edit::Remove) ++j;
    }
}

bool parseVersion(const std::vector<SourceFile>& files, bool isNew, Version& out,
                  DiffError& error) {
    for (const SourceFile& f : files) {
        ModuleInfo mod;
        mod.path = f.path;
        mod.display = f.displayPath.empty() ? f.path : f.displayPath;
        mod.tree = SyntaxTree::parse(f.text, f.path);
        if (auto diag = mod.tree->firstError()) {
            CompileError e;
            e.file = f.displayPath.empty() ? f.path : f.displayPath;
            e.line = diag->position.line;
            e.column = diag->position.column;
            e.message = diag->message;
            e.sourceLine = mod.tree->lineText(e.line);
            error.at = {f.path, e.line, e.column};
            error.message = e.format();
            error.inNewVersion = isNew;
            return false;
        }
        readModule(mod);
        out.modules.push_back(std::move(mod));
    }
    std::sort(out.modules.begin(), out.modules.end(),
              [](const ModuleInfo& a, const ModuleInfo& b) { return a.path < b.path; });
    return true;
}

}  // namespace molt::dsu::source_model
