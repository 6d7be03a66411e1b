#include "app/ide/textmerge.h"

#include "dsu/source/alignment.h"

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

constexpr size_t kMaxCells = 25'000'000; // the alignment's table: 5000 x 5000 changed lines

// The hunks of a longest-common-subsequence alignment of base to other, in order.
std::vector<Hunk> hunks(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<Hunk> out;
    size_t i = 0, j = 0;
    bool inHunk = false;
    for (dsu::Edit e : dsu::alignSequences(a, b, kMaxCells)) {
        if (e == dsu::Edit::Keep) {
            inHunk = false;
            ++i, ++j;
            continue;
        }
        if (!inHunk) out.push_back({i, i, j, j});
        inHunk = true;
        if (e == dsu::Edit::Remove)
            out.back().b2 = ++i;
        else
            out.back().o2 = ++j;
    }
    return out;
}

} // namespace

std::optional<std::string> threeWayMerge(const std::string& base, const std::string& ours,
                                         const std::string& theirs) {
    if (base == theirs) return ours;
    if (base == ours) return theirs;
    std::vector<std::string> b = linesOf(base), o = linesOf(ours), t = linesOf(theirs);
    std::vector<Hunk> oursHunks = hunks(b, o), theirHunks = hunks(b, t);
    // Where each base line is in ours: an unchanged line keeps its offset from the last
    // hunk of ours before it.
    auto toOurs = [&](size_t line) {
        long shift = 0;
        for (const Hunk& h : oursHunks) {
            if (h.b2 > line) break;
            shift += long(h.o2 - h.o1) - long(h.b2 - h.b1);
        }
        return size_t(long(line) + shift);
    };
    for (const Hunk& th : theirHunks)
        for (const Hunk& oh : oursHunks)
            if (th.b1 <= oh.b2 && oh.b1 <= th.b2) return std::nullopt; // overlap or touch
    std::vector<std::string> out = o;
    for (auto h = theirHunks.rbegin(); h != theirHunks.rend(); ++h) {
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
