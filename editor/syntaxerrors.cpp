#include "editor/syntaxerrors.h"

#include "runtime/syntax/syntax.h"

#include <cstring>

namespace molt::editor::Internal {

namespace {

SyntaxErrorRange nonEmpty(uint32_t b, uint32_t e, std::string message, size_t size) {
    if (e <= b) {
        if (b > 0) {
            e = b;
            b = b - 1;
        } else {
            e = std::min<uint32_t>(1, uint32_t(size));
        }
    }
    return {b, e, std::move(message)};
}

void collect(TSTreeCursor* cursor, std::string_view text, std::vector<SyntaxErrorRange>& out) {
    TSNode n = ts_tree_cursor_current_node(cursor);
    if (ts_node_is_missing(n)) {
        uint32_t b = ts_node_start_byte(n);
        out.push_back(nonEmpty(b, b, "syntax error: missing '" + std::string(ts_node_type(n)) + "'",
                               text.size()));
        return;
    }
    if (!ts_node_has_error(n)) return;
    if (std::strcmp(ts_node_type(n), "ERROR") == 0) {
        // As in SyntaxTree::firstError: the token after the skipped ones is usually the one
        // that could not be placed; otherwise the first token inside the error.
        TSNode next = ts_node_next_sibling(n);
        if (!ts_node_is_null(next) && !ts_node_is_named(next) &&
            ts_node_end_byte(next) > ts_node_start_byte(next)) {
            out.push_back(
                nonEmpty(ts_node_start_byte(next), ts_node_end_byte(next),
                         "syntax error: unexpected '" + std::string(nodeText(next, text)) + "'",
                         text.size()));
            return;
        }
        TSNode tok = n;
        while (ts_node_child_count(tok) > 0)
            tok = ts_node_child(tok, 0);
        std::string t(nodeText(tok, text));
        if (t.size() > 20) t = t.substr(0, 20) + "...";
        std::string msg = t.empty() ? "syntax error: unexpected end of input"
                                    : "syntax error: unexpected '" + t + "'";
        out.push_back(
            nonEmpty(ts_node_start_byte(tok), ts_node_end_byte(tok), std::move(msg), text.size()));
        return;
    }
    if (!ts_tree_cursor_goto_first_child(cursor)) return;
    do {
        collect(cursor, text, out);
    } while (ts_tree_cursor_goto_next_sibling(cursor));
    ts_tree_cursor_goto_parent(cursor);
}

} // namespace

std::vector<SyntaxErrorRange> collectSyntaxErrors(TSNode root, std::string_view text) {
    std::vector<SyntaxErrorRange> out;
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    collect(&cursor, text, out);
    ts_tree_cursor_delete(&cursor);
    return out;
}

} // namespace molt::editor::Internal
