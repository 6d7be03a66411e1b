#include "editor/highlighter.h"

#include "editor/constants.h"

#include <algorithm>

namespace molt::editor::Internal {

const Highlighter& Highlighter::instance() {
    static const Highlighter highlighter;
    return highlighter;
}

Highlighter::Highlighter()
    : query_(SyntaxQuery::fromResource(QString::fromLatin1(kHighlightsQuery))) {
    int next = kFirstCaptureStyle;
    for (uint32_t i = 0; i < query_->captureCount(); ++i) {
        // The code inside `${...}` is not string: its capture only resets the style.
        if (query_->captureName(i) == QLatin1String("embedded")) {
            styleOfCapture_.push_back(0);
            continue;
        }
        if (next >= kFirstPredefinedStyle && next <= kLastPredefinedStyle)
            next = kLastPredefinedStyle + 1;
        styleOfCapture_.push_back(next++);
    }
}

QString Highlighter::captureForStyle(int style) const {
    if (style == 0) return {};
    for (size_t i = 0; i < styleOfCapture_.size(); ++i)
        if (styleOfCapture_[i] == style) return query_->captureName(uint32_t(i));
    return {};
}

int Highlighter::styleForCapture(const QString& name) const {
    int i = query_->captureIndex(name);
    return i < 0 ? -1 : styleOfCapture_[size_t(i)];
}

void Highlighter::highlight(TSNode root, std::string_view text, uint32_t begin, uint32_t end,
                            std::vector<char>& out) const {
    out.assign(end - begin, 0);
    if (end <= begin) return;
    struct Span {
        uint32_t begin, end, pattern;
        int style;
    };
    std::vector<Span> spans;
    query_->forEachMatch(root, text, begin, end, [&](const TSQueryMatch& m) {
        for (uint16_t i = 0; i < m.capture_count; ++i) {
            TSNode n = m.captures[i].node;
            uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
            if (e <= begin || b >= end || e <= b) continue;
            spans.push_back({b, e, m.pattern_index, styleOfCapture_[m.captures[i].index]});
        }
    });
    // Outer nodes first so inner ones paint over them; for one node, later patterns last.
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        uint32_t la = a.end - a.begin, lb = b.end - b.begin;
        if (la != lb) return la > lb;
        return a.pattern < b.pattern;
    });
    for (const Span& s : spans) {
        uint32_t b = std::max(s.begin, begin), e = std::min(s.end, end);
        std::fill(out.begin() + (b - begin), out.begin() + (e - begin), char(s.style));
    }
}

} // namespace molt::editor::Internal
