#include "editor/folding.h"

#include "editor/qsci.h"

#include <algorithm>
#include <cstring>

namespace molt::editor::Internal {

namespace {

bool isFoldable(const char* type) {
    static const char* const kinds[] = {"statement_block",
                                        "class_body",
                                        "object",
                                        "object_pattern",
                                        "array",
                                        "array_pattern",
                                        "switch_body",
                                        "arguments",
                                        "formal_parameters",
                                        "template_string",
                                        "comment",
                                        "named_imports",
                                        "parenthesized_expression"};
    for (const char* k : kinds)
        if (std::strcmp(type, k) == 0) return true;
    return false;
}

struct Walk {
    uint32_t firstRow, lastRow;
    std::vector<int> depthDelta; // difference array over rows, one longer than the range
    std::vector<bool> header;
    std::vector<uint32_t>* headersBefore;

    void node(TSTreeCursor* cursor) {
        TSNode n = ts_tree_cursor_current_node(cursor);
        uint32_t s = ts_node_start_point(n).row, e = ts_node_end_point(n).row;
        if (e < firstRow || s > lastRow) return;
        const bool foldable = ts_node_is_named(n) && isFoldable(ts_node_type(n));
        if (foldable && s < firstRow && headersBefore) headersBefore->push_back(s);
        if (e >= s + 2 && foldable) {
            uint32_t from = std::max(s + 1, firstRow), to = std::min(e - 1, lastRow);
            if (from <= to) {
                depthDelta[from - firstRow] += 1;
                depthDelta[to - firstRow + 1] -= 1;
            }
            if (s >= firstRow) header[s - firstRow] = true;
        }
        // Nothing inside a node of under three lines can be a fold, but a node starting
        // above the range may still hold foldable nodes that reach into it.
        if (e - s < 2 && !(headersBefore && s < firstRow)) return;
        if (!ts_tree_cursor_goto_first_child(cursor)) return;
        do {
            TSNode c = ts_tree_cursor_current_node(cursor);
            if (ts_node_start_point(c).row > lastRow) break;
            if (ts_node_end_point(c).row >= firstRow) node(cursor);
        } while (ts_tree_cursor_goto_next_sibling(cursor));
        ts_tree_cursor_goto_parent(cursor);
    }
};

} // namespace

void computeFoldLevels(TSNode root, uint32_t firstRow, uint32_t lastRow, std::vector<int>& levels,
                       std::vector<uint32_t>* headersBefore) {
    size_t rows = lastRow - firstRow + 1;
    Walk walk{firstRow, lastRow, std::vector<int>(rows + 1, 0), std::vector<bool>(rows, false),
              headersBefore};
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    walk.node(&cursor);
    ts_tree_cursor_delete(&cursor);
    levels.resize(rows);
    int depth = 0;
    for (size_t i = 0; i < rows; ++i) {
        depth += walk.depthDelta[i];
        levels[i] = (QsciScintillaBase::SC_FOLDLEVELBASE + depth) |
                    (walk.header[i] ? int(QsciScintillaBase::SC_FOLDLEVELHEADERFLAG) : 0);
    }
}

} // namespace molt::editor::Internal
