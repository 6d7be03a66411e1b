// alignment.h — the one longest-common-subsequence alignment of two sequences.
//
// The differ aligns the tokens of two versions of a method (rename detection), the IDE aligns
// lines (the Patch panel's unified diff, the three-way merge of a selective revert). All of
// them take the edit script computed here.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace molt::dsu {

enum class Edit : uint8_t {
    Keep,   // a[i] == b[j]: both advance
    Remove, // a[i] is not in b: i advances
    Insert, // b[j] is not in a: j advances
};

// The edit script from `a` to `b` of one longest common subsequence; at each change the
// removals come before the insertions, as diff prints them. The common prefix and suffix are
// matched first, so the quadratic table covers only the middle; when that table would hold
// more than `maxCells` entries, the middle is given as removed and inserted whole (a correct
// script, not a minimal one).
template<typename Seq>
std::vector<Edit> alignSequences(const Seq& a, const Seq& b, size_t maxCells) {
    size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    std::vector<Edit> out(pre, Edit::Keep);
    out.reserve(pre + n + m + suf);
    if ((n + 1) * (m + 1) > maxCells) {
        out.insert(out.end(), n, Edit::Remove);
        out.insert(out.end(), m, Edit::Insert);
    } else {
        // len(i, j): the length of a longest common subsequence of a's and b's middles from
        // i and j on.
        std::vector<uint32_t> len((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> uint32_t& { return len[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1
                                                    : std::max(at(i + 1, j), at(i, j + 1));
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                out.push_back(Edit::Keep);
                ++i, ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out.push_back(Edit::Remove);
                ++i;
            } else {
                out.push_back(Edit::Insert);
                ++j;
            }
        }
    }
    out.insert(out.end(), suf, Edit::Keep);
    return out;
}

} // namespace molt::dsu
