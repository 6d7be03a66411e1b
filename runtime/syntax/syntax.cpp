#include "runtime/syntax/syntax.h"

#include <algorithm>
#include <cstring>

extern "C" const TSLanguage* tree_sitter_javascript();

namespace molt {

const TSLanguage* javascriptLanguage() {
    return tree_sitter_javascript();
}

std::unique_ptr<SyntaxTree> SyntaxTree::parse(std::string source, std::string path,
                                              uint32_t firstLine) {
    std::unique_ptr<SyntaxTree> t(new SyntaxTree());
    t->firstLine_ = firstLine;
    t->source_ = std::move(source);
    t->path_ = std::move(path);
    TSParser* parser = ts_parser_new();
    ts_parser_set_language(parser, javascriptLanguage());
    t->tree_ =
        ts_parser_parse_string(parser, nullptr, t->source_.data(), uint32_t(t->source_.size()));
    ts_parser_delete(parser);
    t->lineStarts_.push_back(0);
    for (uint32_t i = 0; i < t->source_.size(); ++i)
        if (t->source_[i] == '\n') t->lineStarts_.push_back(i + 1);
    return t;
}

SyntaxTree::~SyntaxTree() {
    if (tree_) ts_tree_delete(tree_);
}

std::string_view SyntaxTree::text(TSNode n) const {
    return nodeText(n, source_);
}

std::string_view nodeText(TSNode n, std::string_view source) {
    if (ts_node_is_null(n)) return {}; // an absent optional field
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (b >= source.size() || e <= b) return {};
    return source.substr(b, std::min<size_t>(e, source.size()) - b);
}

SourcePosition SyntaxTree::positionOfByte(uint32_t byte) const {
    // Binary search the line, then count UTF-8 lead bytes for the column.
    size_t lo = 0, hi = lineStarts_.size();
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (lineStarts_[mid] <= byte)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t col = 1;
    for (uint32_t i = lineStarts_[lo]; i < byte && i < source_.size(); ++i)
        if ((uint8_t(source_[i]) & 0xC0) != 0x80) col++;
    return {uint32_t(lo) + firstLine_, col};
}

SourcePosition SyntaxTree::position(TSNode n) const {
    return ts_node_is_null(n) ? SourcePosition{} : positionOfByte(ts_node_start_byte(n));
}

std::string SyntaxTree::lineText(uint32_t line) const {
    if (line < firstLine_ || line - firstLine_ >= lineStarts_.size()) return {};
    size_t at = line - firstLine_; // index into lineStarts_
    uint32_t b = lineStarts_[at];
    uint32_t e = at + 1 < lineStarts_.size() ? lineStarts_[at + 1] - 1 : uint32_t(source_.size());
    std::string s = source_.substr(b, e - b);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
}

static void findError(TSNode n, const SyntaxTree& tree, std::optional<SyntaxDiagnostic>& best) {
    if (!ts_node_has_error(n) && !ts_node_is_missing(n)) return;
    if (ts_node_is_missing(n)) {
        SyntaxDiagnostic d{tree.position(n),
                           "syntax error: missing '" + std::string(ts_node_type(n)) + "'"};
        if (!best || d.position.line < best->position.line ||
            (d.position.line == best->position.line && d.position.column < best->position.column))
            best = d;
        return;
    }
    if (std::strcmp(ts_node_type(n), "ERROR") == 0) {
        // Point at the first token inside the error: that is what the parser could not place.
        TSNode tok = n;
        while (ts_node_child_count(tok) > 0)
            tok = ts_node_child(tok, 0);
        std::string text(tree.text(tok));
        if (text.size() > 20) text = text.substr(0, 20) + "...";
        std::string msg = text.empty() ? "syntax error: unexpected end of input"
                                       : "syntax error: unexpected '" + text + "'";
        // The parser skipped the tokens inside the error; when a token follows them it is
        // usually the one that could not be placed (`let y = ;` fails at the `;`).
        TSNode next = ts_node_next_sibling(n);
        if (!ts_node_is_null(next) && !ts_node_is_named(next) &&
            ts_node_end_byte(next) > ts_node_start_byte(next)) {
            std::string nextText(tree.text(next));
            SyntaxDiagnostic d{tree.position(next), "syntax error: unexpected '" + nextText + "'"};
            if (!best || d.position.line < best->position.line ||
                (d.position.line == best->position.line &&
                 d.position.column < best->position.column))
                best = d;
            return;
        }
        SyntaxDiagnostic d{tree.position(tok), msg};
        if (!best || d.position.line < best->position.line ||
            (d.position.line == best->position.line && d.position.column < best->position.column))
            best = d;
        return;
    }
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i)
        findError(ts_node_child(n, i), tree, best);
}

std::optional<SyntaxDiagnostic> SyntaxTree::firstError() const {
    std::optional<SyntaxDiagnostic> best;
    findError(root(), *this, best);
    return best;
}

TSNode field(TSNode n, const char* name) {
    return ts_node_child_by_field_name(n, name, uint32_t(std::strlen(name)));
}

bool makesClosure(TSNode n) {
    if (is(n, "arrow_function") || is(n, "function_expression") || is(n, "function") ||
        is(n, "generator_function") || is(n, "class"))
        return true;
    for (TSNode c : namedChildren(n))
        if (makesClosure(c)) return true;
    return false;
}

std::vector<TSNode> namedChildren(TSNode n) {
    std::vector<TSNode> out;
    uint32_t count = ts_node_named_child_count(n);
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (!is(c, "comment")) out.push_back(c);
    }
    return out;
}

std::vector<TSNode> children(TSNode n) {
    std::vector<TSNode> out;
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (!is(c, "comment")) out.push_back(c);
    }
    return out;
}

bool hasChildToken(TSNode n, std::string_view token) {
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (!ts_node_is_named(c) && nodeType(c) == token) return true;
    }
    return false;
}

std::optional<MemberKind> classMemberKind(TSNode member, std::string_view name) {
    bool isStatic = hasChildToken(member, "static");
    if (is(member, "field_definition"))
        return isStatic ? MemberKind::StaticField : MemberKind::Field;
    if (is(member, "class_static_block")) return MemberKind::StaticBlock;
    if (!is(member, "method_definition")) return std::nullopt;
    if (!isStatic && name == "constructor") return MemberKind::Constructor;
    if (hasChildToken(member, "get"))
        return isStatic ? MemberKind::StaticGetter : MemberKind::Getter;
    if (hasChildToken(member, "set"))
        return isStatic ? MemberKind::StaticSetter : MemberKind::Setter;
    return isStatic ? MemberKind::StaticMethod : MemberKind::Method;
}

} // namespace molt
