#include "editor/completion.h"

#include "editor/definitions.h"
#include "runtime/syntax/syntax.h"

#include <QHash>
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace molt::editor {

namespace {

constexpr int kMaxCompletions = 300;

// Reserved words and the literals and contextual words a program types most, then the
// globals the runtime defines (docs/language.md) and the module scope's own names.
constexpr std::string_view kKeywords =
    "async await break case catch class const continue debugger default delete do else "
    "export extends false finally for function get if import in instanceof let new null of "
    "return set static super switch this throw true try typeof undefined var void while yield";
constexpr std::string_view kGlobals =
    "Array Boolean Canvas DataCloneError Date Error Function Infinity Intl JSON Map Math Molt "
    "NaN Number Object Promise RangeError ReferenceError RegExp Set String Symbol SyntaxError "
    "Thread TypeError URIError WeakMap WeakRef WeakSet clearImmediate clearInterval "
    "clearTimeout console decodeURI decodeURIComponent encodeURI encodeURIComponent exports gc "
    "globalThis isFinite isNaN module parseFloat parseInt performance process queueMicrotask "
    "require setImmediate setInterval setTimeout structuredClone";

void addWords(std::string_view words, CompletionKind kind, int nearness, QList<Completion>& out) {
    while (!words.empty()) {
        const size_t space = std::min(words.find(' '), words.size());
        out.push_back({QString::fromLatin1(words.data(), qsizetype(space)), kind, nearness});
        words.remove_prefix(std::min(space + 1, words.size()));
    }
}

bool isIdentifierByte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' ||
           c == '$' || u >= 0x80;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QString qstr(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isClassNode(TSNode n) {
    return is(n, "class_declaration") || is(n, "class");
}

// A function that binds its own `this` (an arrow function does not).
bool bindsThis(TSNode n) {
    return is(n, "function_declaration") || is(n, "function_expression") ||
           is(n, "generator_function") || is(n, "generator_function_declaration");
}

bool isFunctionNode(TSNode n) {
    return bindsThis(n) || is(n, "arrow_function") || is(n, "method_definition");
}

// True when `cursor` is inside a comment, string, template text or regular expression.
bool insideLiteral(TSNode root, std::string_view text, uint32_t cursor) {
    if (cursor == 0) return false;
    for (TSNode n = ts_node_descendant_for_byte_range(root, cursor - 1, cursor);
         !ts_node_is_null(n); n = ts_node_parent(n)) {
        if (is(n, "template_substitution")) return false;
        if (is(n, "string_fragment")) // also an unclosed string's, under an ERROR
            return ts_node_start_byte(n) < cursor && cursor <= ts_node_end_byte(n);
        const bool comment = is(n, "comment");
        if (!comment && !is(n, "string") && !is(n, "template_string") && !is(n, "regex")) continue;
        const uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
        if (b >= cursor) return false;
        if (cursor < e) return true;
        if (cursor > e) return false;
        // Right at its end: inside only if it is still open (a line comment always is).
        std::string_view t = nodeText(n, text);
        if (comment) return t.starts_with("//") || t.size() < 4 || !t.ends_with("*/");
        if (is(n, "regex")) return false;
        return t.size() < 2 || t.back() != t.front();
    }
    return false;
}

// What precedes the partial name: `receiver.` and which receiver.
struct Receiver {
    enum class Kind { None, This, Super, ThisField, Name, Unknown } kind = Kind::None;
    std::string name; // the binding (Name) or the field (ThisField)
};

uint32_t skipBlanksBack(std::string_view text, uint32_t p) {
    while (p > 0 && isBlank(text[p - 1]))
        --p;
    return p;
}

uint32_t wordStartBefore(std::string_view text, uint32_t p) {
    while (p > 0 && isIdentifierByte(text[p - 1]))
        --p;
    return p;
}

// A `.` at p - 1 that is a member access (not the end of a spread `...`); where its
// receiver ends, or nullopt.
std::optional<uint32_t> memberDot(std::string_view text, uint32_t p) {
    if (p == 0 || text[p - 1] != '.') return std::nullopt;
    if (p >= 2 && text[p - 2] == '.') return std::nullopt;
    uint32_t end = p - 1;
    if (end > 0 && text[end - 1] == '?') --end; // optional chaining `?.`
    return skipBlanksBack(text, end);
}

// nullopt when the receiver is a number (`1.` is a decimal point, nothing to complete).
std::optional<Receiver> receiverBefore(std::string_view text, uint32_t prefixStart) {
    std::optional<uint32_t> end = memberDot(text, skipBlanksBack(text, prefixStart));
    if (!end) return Receiver{};
    const uint32_t start = wordStartBefore(text, *end);
    std::string word(text.substr(start, *end - start));
    if (word.empty()) return Receiver{Receiver::Kind::Unknown, {}}; // `f().`, `a[0].`
    if (isDigit(word[0])) return std::nullopt;
    if (std::optional<uint32_t> outer = memberDot(text, skipBlanksBack(text, start))) {
        // `this.f.`: the field's class may be known; a longer chain is not.
        const uint32_t outerStart = wordStartBefore(text, *outer);
        const bool onThis = text.substr(outerStart, *outer - outerStart) == "this" &&
                            !memberDot(text, skipBlanksBack(text, outerStart));
        if (onThis) return Receiver{Receiver::Kind::ThisField, word};
        return Receiver{Receiver::Kind::Unknown, {}};
    }
    if (word == "this") return Receiver{Receiver::Kind::This, {}};
    if (word == "super") return Receiver{Receiver::Kind::Super, {}};
    return Receiver{Receiver::Kind::Name, word};
}

// `new C(...)` (also `new a.C(...)`): "C"; otherwise "".
std::string constructedClass(TSNode value, std::string_view text) {
    if (!is(value, "new_expression")) return {};
    TSNode ctor = field(value, "constructor");
    if (is(ctor, "identifier")) return std::string(nodeText(ctor, text));
    if (is(ctor, "member_expression")) return std::string(nodeText(field(ctor, "property"), text));
    return {};
}

// `require(...)`, or a property of it (`require("./a").A`).
bool isRequire(TSNode value, std::string_view text) {
    if (is(value, "member_expression")) value = field(value, "object");
    return is(value, "call_expression") && nodeText(field(value, "function"), text) == "require";
}

// A name in scope at the cursor.
struct Binding {
    std::string name;
    CompletionKind kind = CompletionKind::Local;
    int nearness = 0;
    TSNode value{}; // the initializer of a declarator, a class declaration's node, or null
    TSNode scope{}; // the block, function or program it is visible in
};

// Collects the names in scope at a cursor, walking up from it (see completion.h).
class ScopeWalk {
public:
    ScopeWalk(std::string_view text, uint32_t cursor) : text_(text), cursor_(cursor) {}

    void run(TSNode root) {
        TSNode start = ts_node_descendant_for_byte_range(root, cursor_, cursor_);
        if (ts_node_is_null(start)) start = root;
        int depth = 0;
        for (TSNode p = start; !ts_node_is_null(p); p = ts_node_parent(p)) {
            const size_t before = bindings_.size();
            if (!is(p, "program") && !encloses(p)) continue;
            scope_ = p;
            nearness_ = depth;
            collect(p);
            if (bindings_.size() > before) ++depth;
            // Code in a function runs later: what its outer scopes declare below it is
            // initialised by then.
            if (isFunctionNode(p)) inFunction_ = true;
        }
        depth_ = depth;
    }

    const std::vector<Binding>& bindings() const { return bindings_; }
    int depth() const { return depth_; } // one past the outermost scope's nearness

    const Binding* find(std::string_view name) const {
        for (const Binding& b : bindings_)
            if (b.name == name) return &b;
        return nullptr;
    }

private:
    // Strictly around the cursor, or open at it (a block whose `}` is still missing).
    bool encloses(TSNode n) const {
        const uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
        if (b >= cursor_ || cursor_ > e) return false;
        // (The tree may be a keystroke older than the text: its end may lie past the text.)
        return cursor_ < e || ts_node_has_error(n) || e == 0 || e > text_.size() ||
               text_[e - 1] != '}';
    }

    void add(TSNode name, CompletionKind kind, TSNode value = TSNode{}) {
        std::string_view n = nodeText(name, text_);
        if (n.empty()) return;
        bindings_.push_back({std::string(n), kind, nearness_, value, scope_});
    }

    void addPattern(TSNode n, TSNode value) {
        if (ts_node_is_null(n)) return;
        if (is(n, "identifier") || is(n, "shorthand_property_identifier_pattern")) {
            add(n, CompletionKind::Local, value);
        } else if (is(n, "pair_pattern")) {
            addPattern(field(n, "value"), value);
        } else if (is(n, "assignment_pattern") || is(n, "object_assignment_pattern")) {
            addPattern(field(n, "left"), value);
        } else if (is(n, "object_pattern") || is(n, "array_pattern") || is(n, "rest_pattern")) {
            for (TSNode c : namedChildren(n))
                addPattern(c, value);
        }
    }

    void addDeclaration(TSNode d) {
        if (is(d, "lexical_declaration") || is(d, "variable_declaration")) {
            const bool lexical = is(d, "lexical_declaration");
            for (TSNode v : namedChildren(d)) {
                if (!is(v, "variable_declarator")) continue;
                const uint32_t b = ts_node_start_byte(v), e = ts_node_end_byte(v);
                if (b < cursor_ && cursor_ <= e) continue;             // `const x = x|`: not yet
                if (lexical && b >= cursor_ && !inFunction_) continue; // not declared yet
                TSNode name = field(v, "name"), value = field(v, "value");
                if (!is(name, "identifier")) {
                    addPattern(name, value);
                    continue;
                }
                CompletionKind kind = CompletionKind::Local;
                if (is(value, "arrow_function") || is(value, "function_expression"))
                    kind = CompletionKind::Function;
                else if (is(value, "class"))
                    kind = CompletionKind::Class;
                add(name, kind, value);
            }
        } else if (is(d, "function_declaration") || is(d, "generator_function_declaration")) {
            add(field(d, "name"), CompletionKind::Function);
        } else if (is(d, "class_declaration")) {
            if (ts_node_start_byte(d) < cursor_ || inFunction_)
                add(field(d, "name"), CompletionKind::Class, d);
        } else if (is(d, "export_statement")) {
            addDeclaration(field(d, "declaration"));
        }
    }

    void addParameters(TSNode params) {
        if (is(params, "identifier")) { // `x => ...`
            add(params, CompletionKind::Local);
            return;
        }
        for (TSNode p : namedChildren(params))
            addPattern(p, TSNode{});
    }

    void collect(TSNode p) {
        if (is(p, "program") || is(p, "statement_block") || is(p, "class_static_block")) {
            for (TSNode c : namedChildren(p))
                addDeclaration(c);
        } else if (isFunctionNode(p)) {
            TSNode params = field(p, "parameters");
            addParameters(ts_node_is_null(params) ? field(p, "parameter") : params);
            if (is(p, "function_expression") || is(p, "generator_function"))
                add(field(p, "name"), CompletionKind::Function);
        } else if (is(p, "for_statement")) {
            addDeclaration(field(p, "initializer"));
        } else if (is(p, "for_in_statement")) {
            if (hasChildToken(p, "const") || hasChildToken(p, "let") || hasChildToken(p, "var"))
                addPattern(field(p, "left"), TSNode{});
        } else if (is(p, "catch_clause")) {
            addPattern(field(p, "parameter"), TSNode{});
        } else if (is(p, "class")) {
            add(field(p, "name"), CompletionKind::Class, p);
        }
    }

    std::string_view text_;
    uint32_t cursor_;
    std::vector<Binding> bindings_;
    TSNode scope_{};
    int nearness_ = 0;
    int depth_ = 0;
    bool inFunction_ = false; // the walk has left the function around the cursor
};

// The class whose `this` the cursor sees, and whether that is the class itself (a static
// method or block); null when a `function` in between rebinds `this`.
struct ThisContext {
    TSNode cls{};
    bool isStatic = false;
};

ThisContext thisAt(TSNode root, uint32_t cursor) {
    ThisContext out;
    for (TSNode p = ts_node_descendant_for_byte_range(root, cursor, cursor); !ts_node_is_null(p);
         p = ts_node_parent(p)) {
        if (is(p, "method_definition")) {
            if (!is(ts_node_parent(p), "class_body")) return {}; // an object literal's method
            out.isStatic = hasChildToken(p, "static");
        } else if (is(p, "field_definition")) {
            out.isStatic = hasChildToken(p, "static");
        } else if (is(p, "class_static_block")) {
            out.isStatic = true;
        } else if (bindsThis(p)) {
            return {};
        } else if (isClassNode(p)) {
            out.cls = p;
            return out;
        }
    }
    return {};
}

// The class C of the first `new C(...)` given to `name` inside `scope`, outside nested
// classes: for a binding `name = new C(...)`; for a field (`field`) also its declaration
// `name = new C(...)` in a class body and `this.name = new C(...)`. "" when there is none.
std::string constructedInto(TSNode scope, std::string_view name, bool field_,
                            std::string_view text) {
    for (TSNode c : namedChildren(scope)) {
        std::string cls;
        if (is(c, "assignment_expression")) {
            TSNode left = field(c, "left");
            const bool target = field_ ? is(left, "member_expression") &&
                                             is(field(left, "object"), "this") &&
                                             nodeText(field(left, "property"), text) == name
                                       : is(left, "identifier") && nodeText(left, text) == name;
            if (target) cls = constructedClass(field(c, "right"), text);
        } else if (field_ && is(c, "field_definition") &&
                   nodeText(field(c, "property"), text) == name) {
            cls = constructedClass(field(c, "value"), text);
        }
        if (cls.empty() && !isClassNode(c)) cls = constructedInto(c, name, field_, text);
        if (!cls.empty()) return cls;
    }
    return {};
}

// The classes declared at the top level of a file, by name: `class C`, `const C = class
// ...`, `module.exports = class C ...`, `export class C`. The first of a name wins.
std::map<std::string, TSNode, std::less<>> topLevelClasses(TSNode root, std::string_view text) {
    std::map<std::string, TSNode, std::less<>> out;
    auto add = [&](TSNode name, TSNode cls) {
        std::string_view n = nodeText(name, text);
        if (!n.empty()) out.emplace(std::string(n), cls);
    };
    for (TSNode c : namedChildren(root)) {
        if (is(c, "export_statement")) c = field(c, "declaration");
        if (is(c, "class_declaration")) add(field(c, "name"), c);
        if (is(c, "lexical_declaration") || is(c, "variable_declaration")) {
            for (TSNode v : namedChildren(c))
                if (is(v, "variable_declarator") && is(field(v, "value"), "class"))
                    add(field(v, "name"), field(v, "value"));
        }
        if (is(c, "expression_statement")) {
            TSNode e = ts_node_named_child(c, 0);
            if (is(e, "assignment_expression") && is(field(e, "right"), "class"))
                add(field(field(e, "right"), "name"), field(e, "right"));
        }
    }
    return out;
}

// The members of a class and of its superclasses, nearest first. The class asked about
// comes from this file's tree when it is declared here (what was typed a moment ago
// counts); its superclasses from the index (as of the last pause), read once per file
// into a table, so that a long chain costs a lookup per class, not a query; a class the
// index does not know yet comes from the tree.
class Members {
public:
    Members(TSNode root, std::string_view text, const SymbolIndex* index, const QString& path)
        : root_(root), text_(text), index_(index), path_(path) {}

    void ofNode(TSNode cls, bool statics, int depth) {
        const uint32_t start = ts_node_start_byte(cls);
        if (!seenNodes_.insert(start).second) return;
        for (const Internal::Definition& d : Internal::extractDefinitions(cls, text_)) {
            if (d.classStart != start || d.isStatic != statics) continue;
            if (d.kind != SymbolKind::Method && d.kind != SymbolKind::Field) continue;
            addMember(qstr(d.name), d.kind, d.isAccessor, depth);
        }
        ofName(Internal::superclassName(cls, text_), path_, statics, depth + 1);
    }

    void ofName(const std::string& name, const QString& preferredPath, bool statics, int depth) {
        if (name.empty()) return;
        TSNode here = depth == 0 ? declaredHere(name) : TSNode{};
        if (!ts_node_is_null(here)) return ofNode(here, statics, depth);
        const QString qname = qstr(name);
        if (const Table* table = indexedClass(qname, preferredPath)) {
            if (!seenIndexed_.insert({table, qname}).second) return;
            for (const SymbolLocation& m : table->members.value(qname))
                if (m.isStatic == statics) addMember(m.name, m.kind, m.isAccessor, depth);
            return ofName(table->classes.value(qname).superclass.toStdString(),
                          table->classes.value(qname).path, statics, depth + 1);
        }
        here = declaredHere(name);
        if (!ts_node_is_null(here)) ofNode(here, statics, depth);
    }

    bool knowsClass(const std::string& name) {
        return !ts_node_is_null(declaredHere(name)) || indexedClass(qstr(name), path_);
    }

    QList<Completion> take() { return std::move(out_); }

private:
    // What the index knows of one file: its classes and their members.
    struct Table {
        QHash<QString, SymbolLocation> classes;
        QHash<QString, QList<SymbolLocation>> members;
    };

    const Table& table(const QString& path) {
        auto [it, fresh] = tables_.try_emplace(path);
        if (fresh && index_) {
            for (const SymbolLocation& loc : index_->symbolsIn(path)) {
                if (loc.kind == SymbolKind::Class && !it->second.classes.contains(loc.name))
                    it->second.classes.insert(loc.name, loc);
                else if (loc.kind == SymbolKind::Method || loc.kind == SymbolKind::Field)
                    it->second.members[loc.container].push_back(loc);
            }
        }
        return it->second;
    }

    // The table of the file that declares `name`: `preferredPath`'s, else this file's, else
    // the first indexed file's that does; null when none does.
    const Table* indexedClass(const QString& name, const QString& preferredPath) {
        if (!index_) return nullptr;
        for (const QString& path : {preferredPath, path_})
            if (const Table& t = table(path); t.classes.contains(name)) return &t;
        for (const QString& path : index_->files())
            if (const Table& t = table(path); t.classes.contains(name)) return &t;
        return nullptr;
    }

    TSNode declaredHere(const std::string& name) {
        if (!topLevel_) topLevel_ = topLevelClasses(root_, text_);
        auto it = topLevel_->find(name);
        return it == topLevel_->end() ? TSNode{} : it->second;
    }

    void addMember(const QString& name, SymbolKind kind, bool accessor, int depth) {
        // A private name is the declaring class's own: a subclass cannot reach it.
        if (name.startsWith(u'#') && depth > 0) return;
        CompletionKind k = kind == SymbolKind::Field ? CompletionKind::Field
                           : accessor                ? CompletionKind::Accessor
                                                     : CompletionKind::Method;
        out_.push_back({name, k, depth});
    }

    TSNode root_;
    std::string_view text_;
    const SymbolIndex* index_;
    QString path_;
    std::optional<std::map<std::string, TSNode, std::less<>>> topLevel_;
    std::map<QString, Table> tables_;
    std::set<uint32_t> seenNodes_;
    std::set<std::pair<const Table*, QString>> seenIndexed_;
    QList<Completion> out_;
};

QList<Completion> memberCompletions(TSNode root, std::string_view text, uint32_t cursor,
                                    const Receiver& receiver, const SymbolIndex* index,
                                    const QString& path) {
    Members members(root, text, index, path);
    switch (receiver.kind) {
    case Receiver::Kind::This: {
        ThisContext self = thisAt(root, cursor);
        if (!ts_node_is_null(self.cls)) members.ofNode(self.cls, self.isStatic, 0);
        break;
    }
    case Receiver::Kind::Super: {
        ThisContext self = thisAt(root, cursor);
        if (!ts_node_is_null(self.cls))
            members.ofName(Internal::superclassName(self.cls, text), path, self.isStatic, 0);
        break;
    }
    case Receiver::Kind::ThisField: {
        ThisContext self = thisAt(root, cursor);
        if (ts_node_is_null(self.cls) || self.isStatic) break;
        members.ofName(constructedInto(self.cls, receiver.name, true, text), path, false, 0);
        break;
    }
    case Receiver::Kind::Name: {
        ScopeWalk scopes(text, cursor);
        scopes.run(root);
        const Binding* b = scopes.find(receiver.name);
        if (!b) {
            if (members.knowsClass(receiver.name)) members.ofName(receiver.name, path, true, 0);
            break;
        }
        if (isClassNode(b->value)) {
            members.ofNode(b->value, true, 0);
            break;
        }
        std::string cls = constructedClass(b->value, text);
        if (cls.empty() && isRequire(b->value, text)) {
            if (members.knowsClass(receiver.name)) members.ofName(receiver.name, path, true, 0);
            break;
        }
        // A binding without a `new` initializer: assigned one in its own scope? (The whole
        // file is not searched for a top-level binding: that would cost a keystroke.)
        if (cls.empty() && !is(b->scope, "program"))
            cls = constructedInto(b->scope, b->name, false, text);
        members.ofName(cls, path, false, 0);
        break;
    }
    case Receiver::Kind::None:
    case Receiver::Kind::Unknown: break;
    }
    return members.take();
}

QList<Completion> nameCompletions(TSNode root, std::string_view text, uint32_t cursor,
                                  const SymbolIndex* index, const QString& path) {
    ScopeWalk scopes(text, cursor);
    scopes.run(root);
    QList<Completion> out;
    for (const Binding& b : scopes.bindings()) {
        // `const { Base } = require("./base")`: a class of another file, by its name.
        CompletionKind kind = b.kind;
        if (kind == CompletionKind::Local && isRequire(b.value, text) && index &&
            index->findClass(qstr(b.name), {}, path))
            kind = CompletionKind::Class;
        out.push_back({qstr(b.name), kind, b.nearness});
    }
    int nearness = scopes.depth();
    if (index) {
        for (const QString& file : index->files()) {
            if (file == path) continue;
            for (const SymbolLocation& loc : index->symbolsIn(file))
                if (loc.kind == SymbolKind::Class)
                    out.push_back({loc.name, CompletionKind::Class, nearness});
        }
    }
    addWords(kGlobals, CompletionKind::Global, nearness + 1, out);
    addWords(kKeywords, CompletionKind::Keyword, nearness + 2, out);
    return out;
}

// 0: starts with the prefix; 1: starts with it ignoring case; 2: contains it; -1: neither.
int matchTier(const QString& name, const QString& prefix) {
    if (prefix.isEmpty() || name.startsWith(prefix)) return 0;
    if (name.startsWith(prefix, Qt::CaseInsensitive)) return 1;
    if (name.contains(prefix, Qt::CaseInsensitive)) return 2;
    return -1;
}

QList<Completion> rank(QList<Completion> items, const QString& prefix) {
    struct Ranked {
        int tier;
        Completion item;
    };
    std::vector<Ranked> ranked;
    for (Completion& c : items) {
        int tier = matchTier(c.text, prefix);
        if (tier >= 0) ranked.push_back({tier, std::move(c)});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.tier != b.tier) return a.tier < b.tier;
        if (a.item.nearness != b.item.nearness) return a.item.nearness < b.item.nearness;
        int byName = a.item.text.compare(b.item.text, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.item.text < b.item.text;
    });
    QList<Completion> out;
    std::set<QString> seen;
    for (Ranked& r : ranked) {
        if (!seen.insert(r.item.text).second) continue;
        out.push_back(std::move(r.item));
        if (out.size() == kMaxCompletions) break;
    }
    return out;
}

} // namespace

CompletionResult completionsAt(TSNode root, std::string_view text, uint32_t cursor,
                               const SymbolIndex* index, const QString& path) {
    CompletionResult result;
    cursor = std::min<uint32_t>(cursor, uint32_t(text.size()));
    const uint32_t start = completionPrefixStart(text, cursor);
    std::string_view prefix = text.substr(start, cursor - start);
    if (!prefix.empty() && isDigit(prefix[0])) return result;
    if (insideLiteral(root, text, cursor)) return result;
    std::optional<Receiver> receiver = receiverBefore(text, start);
    if (!receiver) return result;
    result.allowed = true;
    result.prefixStart = start;
    result.prefix = qstr(prefix);
    result.member = receiver->kind != Receiver::Kind::None;
    QList<Completion> items = result.member
                                  ? memberCompletions(root, text, start, *receiver, index, path)
                                  : nameCompletions(root, text, start, index, path);
    result.items = rank(std::move(items), result.prefix);
    return result;
}

uint32_t completionPrefixStart(std::string_view text, uint32_t cursor) {
    cursor = std::min<uint32_t>(cursor, uint32_t(text.size()));
    uint32_t start = wordStartBefore(text, cursor);
    if (start > 0 && text[start - 1] == '#') --start; // a private name
    return start;
}

QString completionKindName(CompletionKind kind) {
    switch (kind) {
    case CompletionKind::Local: return QStringLiteral("local");
    case CompletionKind::Field: return QStringLiteral("field");
    case CompletionKind::Method: return QStringLiteral("method");
    case CompletionKind::Accessor: return QStringLiteral("accessor");
    case CompletionKind::Class: return QStringLiteral("class");
    case CompletionKind::Function: return QStringLiteral("function");
    case CompletionKind::Global: return QStringLiteral("global");
    case CompletionKind::Keyword: return QStringLiteral("keyword");
    }
    return {};
}

} // namespace molt::editor
