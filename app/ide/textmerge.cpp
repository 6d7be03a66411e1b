#include "app/ide/textmerge.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace molt::ide {

namespace {

// Lines with their terminators, so that joining them gives the text back exactly.
std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

// base[b1, b2) became other[o1, o2).
struct Hunk {
    size_t b1, b2, o1, o2;
};

constexpr size_t kMaxCells = 25'000'000; // the LCS table's limit, as textdiff's

// The hunks of a longest-common-subsequence alignment of base to other, in order. Common
// leading and trailing lines are matched first, so the table covers only the middle.
std::optional<std::vector<Hunk>> hunks(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    if ((n + 1) * (m + 1) > kMaxCells) return std::nullopt;
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));
    std::vector<Hunk> out;
    size_t i = 0, j = 0;
    auto open = [&] {
        if (out.empty() || out.back().b2 != prefix + i || out.back().o2 != prefix + j)
            out.push_back({prefix + i, prefix + i, prefix + j, prefix + j});
    };
    while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
            ++i, ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            open();
            ++i;
            out.back().b2 = prefix + i;
        } else {
            open();
            ++j;
            out.back().o2 = prefix + j;
        }
    }
    return out;
}

} // namespace

std::optional<std::string> threeWayMerge(const std::string& base, const std::string& ours,
                                         const std::string& theirs) {
    if (base == theirs) return ours;
    if (base == ours) return theirs;
    std::vector<std::string> b = linesOf(base), o = linesOf(ours), t = linesOf(theirs);
    auto oursHunks = hunks(b, o), theirHunks = hunks(b, t);
    if (!oursHunks || !theirHunks) return std::nullopt;
    // Where each base line is in ours: an unchanged line keeps its offset from the last
    // hunk of ours before it.
    auto toOurs = [&](size_t line) {
        long shift = 0;
        for (const Hunk& h : *oursHunks) {
            if (h.b2 > line) break;
            shift += long(h.o2 - h.o1) - long(h.b2 - h.b1);
        }
        return size_t(long(line) + shift);
    };
    for (const Hunk& th : *theirHunks)
        for (const Hunk& oh : *oursHunks)
            if (th.b1 <= oh.b2 && oh.b1 <= th.b2) return std::nullopt; // overlap or touch
    std::vector<std::string> out = o;
    for (auto h = theirHunks->rbegin(); h != theirHunks->rend(); ++h) {
        size_t at = toOurs(h->b1);
        out.erase(out.begin() + long(at), out.begin() + long(at + (h->b2 - h->b1)));
        out.insert(out.begin() + long(at), t.begin() + long(h->o1), t.begin() + long(h->o2));
    }
    std::string text;
    for (const std::string& line : out)
        text += line;
    return text;
}

RevertAlone revertAlone(const std::vector<dsu::SourceFile>& live,
                        const std::vector<dsu::SourceFile>& before,
                        const std::vector<dsu::SourceFile>& after) {
    auto textIn = [](const std::vector<dsu::SourceFile>& files,
                     const std::string& path) -> std::optional<std::string> {
        for (const dsu::SourceFile& f : files)
            if (f.path == path) return f.text;
        return std::nullopt;
    };
    RevertAlone out;
    for (const dsu::SourceFile& module : live) {
        std::optional<std::string> base = textIn(after, module.path);
        std::optional<std::string> theirs = textIn(before, module.path);
        if (!base || !theirs || *base == *theirs) {
            if (base.has_value() != theirs.has_value())
                out.conflicts.push_back(module.path); // added or removed
            out.target.push_back(module);
            continue;
        }
        std::optional<std::string> merged = threeWayMerge(*base, module.text, *theirs);
        if (!merged) {
            out.conflicts.push_back(module.path);
            continue;
        }
        out.target.push_back({module.path, *merged});
    }
    return out;
}

} // namespace molt::ide
