// folding.h — Scintilla fold levels computed from the parse tree.
//
// A foldable node (a block, class body, object, array, argument list, template string or
// comment) that spans at least three lines makes its first line a fold header and adds one
// level to the lines strictly between its first and last line: the closing `}` stays
// visible, and `} else {` is the header of the else block. The level of a line depends only
// on the nodes that cover it, so any run of lines can be recomputed on its own.
#pragma once

#include <cstdint>
#include <tree_sitter/api.h>
#include <vector>

namespace molt::editor::Internal {

// Fold levels (SC_FOLDLEVELBASE-based, with SC_FOLDLEVELHEADERFLAG) of rows
// [firstRow, lastRow]; `levels` is resized to lastRow - firstRow + 1. When `headersBefore`
// is given it receives the first rows, above firstRow, of the foldable nodes that reach into
// the range: whether those rows are headers depends on where the nodes end, so an edit in
// the range may change them too.
void computeFoldLevels(TSNode root, uint32_t firstRow, uint32_t lastRow, std::vector<int>& levels,
                       std::vector<uint32_t>* headersBefore = nullptr);

} // namespace molt::editor::Internal
