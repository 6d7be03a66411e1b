#include "app/ide/views/textdiff.h"

#include "dsu/source/alignment.h"

#include <algorithm>
#include <vector>

namespace molt::ide {

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

constexpr size_t kMaxCells = 25'000'000; // the alignment's table: 5000 x 5000 changed lines

struct Edit {
    char op;                 // ' ', '-', '+'
    size_t oldLine, newLine; // 0-based positions before the edit
    const std::string* text;
};

} // namespace

std::string unifiedDiff(const std::string& before, const std::string& after,
                        const std::string& path, int context) {
    if (before == after) return {};
    std::vector<std::string> a = linesOf(before), b = linesOf(after);
    std::vector<Edit> edits;
    size_t i = 0, j = 0;
    for (dsu::Edit e : dsu::alignSequences(a, b, kMaxCells)) {
        switch (e) {
        case dsu::Edit::Keep:
            edits.push_back({' ', i, j, &a[i]});
            ++i, ++j;
            break;
        case dsu::Edit::Remove:
            edits.push_back({'-', i, j, &a[i]});
            ++i;
            break;
        case dsu::Edit::Insert:
            edits.push_back({'+', i, j, &b[j]});
            ++j;
            break;
        }
    }
    std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
    size_t k = 0;
    while (k < edits.size()) {
        while (k < edits.size() && edits[k].op == ' ')
            ++k;
        if (k == edits.size()) break;
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is at most 2 * context unchanged lines away from the previous one.
        size_t begin = k >= size_t(context) ? k - size_t(context) : 0;
        while (begin < k && edits[begin].op != ' ')
            ++begin;
        size_t end = k, quiet = 0;
        for (size_t e = k; e < edits.size(); ++e) {
            if (edits[e].op == ' ') {
                if (++quiet > size_t(2 * context)) break;
            } else {
                quiet = 0;
                end = e + 1;
            }
        }
        end = std::min(edits.size(), end + size_t(context));
        size_t oldCount = 0, newCount = 0;
        for (size_t e = begin; e < end; ++e) {
            if (edits[e].op != '+') ++oldCount;
            if (edits[e].op != '-') ++newCount;
        }
        size_t oldStart = edits[begin].oldLine + (oldCount ? 1 : 0);
        size_t newStart = edits[begin].newLine + (newCount ? 1 : 0);
        out += "@@ -" + std::to_string(oldStart) + "," + std::to_string(oldCount) + " +" +
               std::to_string(newStart) + "," + std::to_string(newCount) + " @@\n";
        for (size_t e = begin; e < end; ++e)
            out += std::string(1, edits[e].op) + *edits[e].text + "\n";
        k = end;
    }
    return out;
}

} // namespace molt::ide
