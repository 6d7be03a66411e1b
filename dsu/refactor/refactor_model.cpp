// refactor_model.cpp — the program model and the edit machinery of the refactorings.
//
// Blank-line rules, so that moving a member and moving it back gives the same text:
//   - a field is inserted after the class's last field declaration, or, when it has none,
//     as the first line of the body followed by a blank line when other members follow;
//     removing the only field declaration also removes the blank line after it;
//   - a method is inserted at the end of the body, after a blank line; removing a method
//     removes the blank line before it (or, for the first member, the one after it).
// Leading comments (own lines, no blank line between them and the member) move with it.
#include "dsu/refactor/refactor_model.h"

#include "runtime/core/vm.h"

#include <algorithm>
#include <set>

namespace molt::dsu::refactoring {

namespace {

ClassDecl readClass(const Module& m, TSNode node, TSNode nameNode) {
    ClassDecl c;
    c.module = m.index;
    c.node = node;
    c.nameNode = nameNode;
    c.name = std::string(m.of(nameNode));
    c.body = field(node, "body");
    for (TSNode h : namedChildren(node)) {
        if (!is(h, "class_heritage")) continue;
        c.heritage = h;
        std::vector<TSNode> hs = namedChildren(h);
        if (hs.empty()) break;
        c.superExpr = hs[0];
        if (is(hs[0], "identifier"))
            c.superName = m.of(hs[0]);
        else if (is(hs[0], "member_expression"))
            c.superName = m.of(field(hs[0], "property"));
    }
    for (TSNode n : namedChildren(c.body)) {
        MemberDecl mem;
        mem.node = n;
        if (is(n, "method_definition")) {
            mem.nameNode = field(n, "name");
            mem.name = memberKeyName(*m.tree, mem.nameNode);
        } else if (is(n, "field_definition")) {
            mem.nameNode = field(n, "property");
            mem.name = memberKeyName(*m.tree, mem.nameNode);
        } else if (!is(n, "class_static_block")) {
            continue;
        }
        mem.kind = *classMemberKind(n, mem.name);
        c.members.push_back(std::move(mem));
    }
    c.layout = readClassLayout(*m.tree, node);
    for (const LayoutField& f : c.layout.fields)
        if (!f.declared) c.inferred.emplace_back(f.name, f.at);
    return c;
}

const char* const kBuiltinMembers[] = {
    "length",     "push",     "pop",       "shift",   "unshift",    "map",         "forEach",
    "filter",     "reduce",   "slice",     "splice",  "join",       "concat",      "indexOf",
    "includes",   "find",     "findIndex", "some",    "every",      "sort",        "reverse",
    "fill",       "keys",     "values",    "entries", "size",       "get",         "set",
    "has",        "add",      "delete",    "clear",   "message",    "name",        "stack",
    "toString",   "toFixed",  "substring", "split",   "trim",       "toUpperCase", "toLowerCase",
    "startsWith", "endsWith", "replace",   "charAt",  "charCodeAt", "padStart",    "padEnd",
    "repeat",     "call",     "apply",     "log",     "error",      "then",
};

} // namespace

const MemberDecl* ClassDecl::member(std::string_view n, bool staticSide) const {
    for (const MemberDecl& m : members)
        if (m.name == n && m.isStatic() == staticSide && m.kind != MemberKind::StaticBlock)
            return &m;
    return nullptr;
}

const MemberDecl* ClassDecl::anyMember(std::string_view n) const {
    for (const MemberDecl& m : members)
        if (m.name == n && m.kind != MemberKind::StaticBlock) return &m;
    return nullptr;
}

bool ClassDecl::declaresField(std::string_view n) const {
    if (const MemberDecl* m = member(n, false); m && m->kind == MemberKind::Field) return true;
    for (const auto& [name, at] : inferred)
        if (name == n) return true;
    return false;
}

void walk(TSNode n, const std::function<void(TSNode)>& visit) {
    visit(n);
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i)
        walk(ts_node_named_child(n, i), visit);
}

Result<void> Program::read(const std::vector<SourceFile>& files) {
    for (const SourceFile& f : files) {
        Module m;
        m.index = modules.size();
        m.path = f.path;
        m.shown = f.displayPath.empty() ? f.path : f.displayPath;
        m.tree = SyntaxTree::parse(f.text, f.path);
        if (auto diag = m.tree->firstError()) {
            CompileError e{m.shown, diag->position.line, diag->position.column, diag->message,
                           m.tree->lineText(diag->position.line)};
            return Error(e.format());
        }
        modules.push_back(std::move(m));
    }
    for (const Module& m : modules) {
        for (TSNode s : namedChildren(m.tree->root())) {
            if (is(s, "class_declaration")) {
                classes.push_back(readClass(m, s, field(s, "name")));
            } else if (is(s, "lexical_declaration") || is(s, "variable_declaration")) {
                for (TSNode d : namedChildren(s)) {
                    TSNode target = field(d, "name"), value = field(d, "value");
                    if (is(d, "variable_declarator") && is(target, "identifier") &&
                        is(value, "class"))
                        classes.push_back(readClass(m, value, target));
                }
            }
        }
    }
    return {};
}

const ClassDecl* Program::find(std::string_view name) const {
    for (const ClassDecl& c : classes)
        if (c.name == name) return &c;
    return nullptr;
}

const ClassDecl* Program::superOf(const ClassDecl& c) const {
    if (c.superName.empty()) return nullptr;
    const ClassDecl* s = find(c.superName);
    return s == &c ? nullptr : s;
}

std::vector<const ClassDecl*> Program::ancestors(const ClassDecl& c) const {
    std::vector<const ClassDecl*> out;
    for (const ClassDecl* up = superOf(c); up && out.size() < 64; up = superOf(*up)) {
        if (up == &c || std::find(out.begin(), out.end(), up) != out.end()) break;
        out.push_back(up);
    }
    return out;
}

std::vector<const ClassDecl*> Program::subclasses(const ClassDecl& c) const {
    std::vector<const ClassDecl*> out;
    for (const ClassDecl& d : classes)
        if (&d != &c && superOf(d) == &c) out.push_back(&d);
    return out;
}

std::vector<const ClassDecl*> Program::descendants(const ClassDecl& c) const {
    std::vector<const ClassDecl*> out;
    std::vector<const ClassDecl*> pending = subclasses(c);
    while (!pending.empty() && out.size() < classes.size()) {
        const ClassDecl* d = pending.front();
        pending.erase(pending.begin());
        if (std::find(out.begin(), out.end(), d) != out.end()) continue;
        out.push_back(d);
        for (const ClassDecl* s : subclasses(*d))
            pending.push_back(s);
    }
    return out;
}

bool Program::inHierarchyOf(const ClassDecl& c, const ClassDecl* other) const {
    if (!other) return false;
    if (other == &c) return true;
    std::vector<const ClassDecl*> up = ancestors(c), down = descendants(c);
    return std::find(up.begin(), up.end(), other) != up.end() ||
           std::find(down.begin(), down.end(), other) != down.end();
}

std::vector<std::string> Program::layout(const ClassDecl& c) const {
    std::vector<const ClassDecl*> chain = ancestors(c);
    std::reverse(chain.begin(), chain.end());
    chain.push_back(&c);
    std::vector<std::string> out;
    std::set<std::string, std::less<>> inherited; // public fields and accessors above k
    auto isInherited = [&](std::string_view n) { return inherited.count(n) > 0; };
    for (const ClassDecl* k : chain) {
        for (const LayoutField* f : k->layout.ownFields(isInherited))
            if (std::find(out.begin(), out.end(), f->name) == out.end()) out.push_back(f->name);
        for (const LayoutField& f : k->layout.fields)
            if (!f.isPrivate()) inherited.insert(f.name);
        inherited.insert(k->layout.accessors.begin(), k->layout.accessors.end());
    }
    return out;
}

bool Program::hasInstanceField(const ClassDecl& c, std::string_view name) const {
    std::vector<std::string> all = layout(c);
    return std::find(all.begin(), all.end(), name) != all.end();
}

const ClassDecl* Program::classAt(const Module& m, TSNode n) const {
    for (TSNode p = n; !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (!is(p, "class_body")) continue;
        TSNode cls = ts_node_parent(p);
        for (const ClassDecl& c : classes)
            if (c.module == m.index && ts_node_eq(c.node, cls)) return &c;
        return nullptr; // a nested class the model does not know
    }
    return nullptr;
}

ThisBinding Program::thisAt(const Module& m, TSNode n) const {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        if ((is(p, "method_definition") && is(ts_node_parent(p), "class_body")) ||
            is(p, "field_definition") || is(p, "class_static_block")) {
            const ClassDecl* c = classAt(m, p);
            return {c, is(p, "class_static_block") || hasChildToken(p, "static")};
        }
        if (hasOwnThis(p)) return {};
    }
    return {};
}

bool Program::nameIsShared(std::string_view name,
                           const std::function<bool(const ClassDecl&)>& accepted) const {
    for (const char* b : kBuiltinMembers)
        if (name == b) return true;
    for (const ClassDecl& c : classes) {
        if (accepted(c)) continue;
        if (c.anyMember(name)) return true;
        for (const auto& [n, at] : c.inferred)
            if (n == name) return true;
    }
    for (const Module& m : modules) {
        bool found = false;
        walk(m.tree->root(), [&](TSNode n) {
            if (found) return;
            if (is(n, "pair") && m.of(field(n, "key")) == name) found = true;
            if (is(n, "shorthand_property_identifier") && m.of(n) == name) found = true;
            if (is(n, "method_definition") && is(ts_node_parent(n), "object") &&
                m.of(field(n, "name")) == name)
                found = true;
        });
        if (found) return true;
    }
    return false;
}

std::string Program::format(const Module& m, TSNode n, const std::string& message) const {
    SourcePosition p = m.tree->position(n);
    CompileError e{m.shown, p.line, p.column, message, m.tree->lineText(p.line)};
    return e.format();
}

SourceSite Program::site(const Module& m, TSNode n, bool ambiguous) const {
    SourcePosition p = m.tree->position(n);
    return {{m.path, p.line, p.column}, m.tree->lineText(p.line), ambiguous};
}

void Edits::replace(const Module& m, TSNode n, std::string text) {
    replace(m, ts_node_start_byte(n), ts_node_end_byte(n), std::move(text));
}

void Edits::replace(const Module& m, uint32_t start, uint32_t end, std::string text) {
    list_.push_back({m.index, {m.path, start, end, std::move(text)}});
}

Result<void> Edits::apply(const std::vector<SourceFile>& files, const Program& program,
                          RefactorResult& out) {
    std::stable_sort(list_.begin(), list_.end(), [](const Entry& a, const Entry& b) {
        if (a.module != b.module) return a.module < b.module;
        return a.edit.start < b.edit.start;
    });
    for (size_t i = 1; i < list_.size(); ++i) {
        const Entry &a = list_[i - 1], &b = list_[i];
        if (a.module == b.module && b.edit.start < a.edit.end) {
            const Module& m = program.modules[a.module];
            SourcePosition p = m.tree->positionOfByte(b.edit.start);
            return Error("this refactoring would edit the same text twice; do it in two steps",
                         molt::SourceLocation{m.shown, p.line, p.column});
        }
    }
    out.files = files;
    out.edits.clear();
    for (size_t f = 0; f < files.size(); ++f) {
        std::string text;
        const std::string& old = files[f].text;
        uint32_t at = 0;
        for (const Entry& e : list_) {
            if (e.module != f) continue;
            text.append(old, at, e.edit.start - at);
            text += e.edit.replacement;
            at = e.edit.end;
            out.edits.push_back(e.edit);
        }
        text.append(old, at, std::string::npos);
        out.files[f].text = std::move(text);
    }
    return {};
}

uint32_t lineStart(const Module& m, uint32_t byte) {
    const std::string& t = m.text();
    while (byte > 0 && t[byte - 1] != '\n')
        --byte;
    return byte;
}

uint32_t nextLine(const Module& m, uint32_t byte) {
    const std::string& t = m.text();
    while (byte < t.size() && t[byte] != '\n')
        ++byte;
    return byte < t.size() ? byte + 1 : byte;
}

bool blankLine(const Module& m, uint32_t start) {
    const std::string& t = m.text();
    if (start >= t.size()) return false;
    for (uint32_t i = start; i < t.size() && t[i] != '\n'; ++i)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') return false;
    return true;
}

std::string indentOf(const Module& m, uint32_t byte) {
    const std::string& t = m.text();
    uint32_t s = lineStart(m, byte), e = s;
    while (e < t.size() && (t[e] == ' ' || t[e] == '\t'))
        ++e;
    return t.substr(s, e - s);
}

namespace {

bool onlySpaceBetween(const std::string& t, uint32_t a, uint32_t b) {
    for (uint32_t i = a; i < b; ++i)
        if (t[i] != ' ' && t[i] != '\t') return false;
    return true;
}

} // namespace

LineRange memberLines(const Module& m, TSNode member) {
    const std::string& t = m.text();
    uint32_t start = ts_node_start_byte(member), end = ts_node_end_byte(member);
    if (!onlySpaceBetween(t, lineStart(m, start), start)) return {start, end};
    // A trailing `;` or comment on the last line belongs to the member.
    TSNode next = ts_node_next_named_sibling(member);
    uint32_t lineEnd = nextLine(m, end);
    if (!ts_node_is_null(next) && is(next, "comment") && ts_node_start_byte(next) < lineEnd)
        end = ts_node_end_byte(next);
    lineEnd = nextLine(m, end);
    std::string rest = t.substr(end, lineEnd - end);
    for (char ch : rest)
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n' && ch != ';') return {start, end};
    uint32_t first = lineStart(m, start);
    for (TSNode prev = ts_node_prev_named_sibling(member);
         !ts_node_is_null(prev) && is(prev, "comment"); prev = ts_node_prev_named_sibling(prev)) {
        uint32_t ps = ts_node_start_byte(prev), pe = ts_node_end_byte(prev);
        if (!onlySpaceBetween(t, lineStart(m, ps), ps)) break;
        if (nextLine(m, pe) != first) break; // a blank line or code between
        first = lineStart(m, ps);
    }
    return {first, lineEnd};
}

LineRange removalRange(const Module& m, const ClassDecl& c, TSNode member,
                       const std::vector<TSNode>& removedToo) {
    LineRange r = memberLines(m, member);
    if (r.end == ts_node_end_byte(member) && r.start == ts_node_start_byte(member)) return r;
    auto removed = [&](TSNode n) {
        if (ts_node_eq(n, member)) return true;
        for (TSNode o : removedToo)
            if (ts_node_eq(o, n)) return true;
        return false;
    };
    int fieldsLeft = 0;
    bool membersAfter = false, laterFieldRemoved = false;
    for (TSNode n : namedChildren(c.body)) {
        if (is(n, "comment")) continue;
        bool gone = removed(n);
        if (is(n, "field_definition") && !gone) ++fieldsLeft;
        if (is(n, "field_definition") && gone && ts_node_start_byte(n) > r.end)
            laterFieldRemoved = true;
        if (!gone && ts_node_start_byte(n) > r.end) membersAfter = true;
    }
    uint32_t bodyEnd = ts_node_end_byte(c.body) - 1;
    if (is(member, "field_definition")) {
        if (fieldsLeft == 0 && !laterFieldRemoved && membersAfter && blankLine(m, r.end))
            r.end = nextLine(m, r.end);
        return r;
    }
    uint32_t bodyStartLine = nextLine(m, ts_node_start_byte(c.body));
    if (r.start > bodyStartLine && blankLine(m, lineStart(m, r.start - 1)))
        r.start = lineStart(m, r.start - 1);
    else if (r.end < bodyEnd && blankLine(m, r.end) && membersAfter)
        r.end = nextLine(m, r.end);
    return r;
}

LineRange statementLines(const Module& m, TSNode statement) {
    LineRange r = memberLines(m, statement);
    if (blankLine(m, r.end)) r.end = nextLine(m, r.end);
    return r;
}

std::string memberIndent(const Module& m, const ClassDecl& c) {
    for (TSNode n : namedChildren(c.body))
        return indentOf(m, ts_node_start_byte(n));
    return indentOf(m, ts_node_start_byte(c.node)) + "  ";
}

std::string reindent(std::string_view text, const std::string& from, const std::string& to) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        size_t nl = text.find('\n', at);
        std::string_view line =
            text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at + 1);
        if (line.substr(0, from.size()) == from && line != "\n")
            out += to + std::string(line.substr(from.size()));
        else
            out += line;
        at += line.size();
    }
    return out;
}

void insertField(Edits& e, const Module& m, const ClassDecl& c, const std::string& lines) {
    TSNode last{};
    bool otherMembers = false;
    for (TSNode n : namedChildren(c.body)) {
        if (is(n, "field_definition")) last = n;
        if (!is(n, "comment")) otherMembers = true;
    }
    if (!ts_node_is_null(last)) {
        e.insert(m, memberLines(m, last).end, lines);
        return;
    }
    e.insert(m, nextLine(m, ts_node_start_byte(c.body)), lines + (otherMembers ? "\n" : ""));
}

void insertMethod(Edits& e, const Module& m, const ClassDecl& c, const std::string& lines) {
    std::vector<TSNode> kids = namedChildren(c.body);
    if (kids.empty()) {
        e.insert(m, nextLine(m, ts_node_start_byte(c.body)), lines);
        return;
    }
    e.insert(m, nextLine(m, ts_node_end_byte(kids.back())), "\n" + lines);
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    if (s.empty() || s == "-") return out;
    size_t at = 0;
    while (at <= s.size()) {
        size_t comma = s.find(',', at);
        std::string item =
            s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& v) {
    if (v.empty()) return "-";
    std::string out;
    for (const std::string& s : v)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

} // namespace molt::dsu::refactoring
