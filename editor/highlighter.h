// highlighter.h — styles for a byte range of a parse, from the grammar's highlights.scm.
//
// Each capture name of the query owns one Scintilla style number. When several captures
// cover a byte, the innermost node wins, and for one node the capture of the later pattern
// wins (highlights.scm of tree-sitter-javascript 0.21 lists `(identifier) @variable` first
// and refines it below). The style of a byte therefore depends only on the captures that
// cover it, never on the range asked for: restyling any range that contains a change gives
// the same result as restyling the whole text, which is what incremental highlighting
// relies on.
#pragma once

#include "editor/syntaxquery.h"

#include <memory>
#include <vector>

namespace molt::editor::Internal {

class Highlighter {
public:
    // The one highlighter of the process (the query is compiled once and only read).
    static const Highlighter& instance();

    // Scintilla style numbers of the captures, in capture order (0 is unhighlighted text).
    const std::vector<int>& captureStyles() const { return styleOfCapture_; }
    QString captureName(int capture) const { return query_->captureName(uint32_t(capture)); }
    int captureCount() const { return int(query_->captureCount()); }
    // The capture a style stands for, or an empty string for style 0.
    QString captureForStyle(int style) const;
    int styleForCapture(const QString& name) const;

    // Writes the style of each byte of [begin, end) into `out` (resized to end - begin).
    void highlight(TSNode root, std::string_view text, uint32_t begin, uint32_t end,
                   std::vector<char>& out) const;

private:
    Highlighter();
    std::unique_ptr<SyntaxQuery> query_;
    std::vector<int> styleOfCapture_;
};

} // namespace molt::editor::Internal
