// The one longest-common-subsequence alignment (dsu/source/alignment.h) that the differ's
// rename detection, the Patch panel's diff and the selective revert's merge share.
#include "dsu/source/alignment.h"

#include <QtTest>
#include <string>
#include <vector>

using namespace molt::dsu;

namespace {

// The script as a string: '=' keep, '-' remove, '+' insert.
std::string script(const std::string& a, const std::string& b, size_t maxCells = 1'000'000) {
    std::string out;
    for (Edit e : alignSequences(a, b, maxCells))
        out += e == Edit::Keep ? '=' : e == Edit::Remove ? '-' : '+';
    return out;
}

// Applies a script to `a`, taking insertions from `b`: must give `b` back.
std::string apply(const std::string& a, const std::string& b, const std::vector<Edit>& edits) {
    std::string out;
    size_t i = 0, j = 0;
    for (Edit e : edits) {
        if (e == Edit::Keep) {
            out += a[i++];
            ++j;
        } else if (e == Edit::Remove) {
            ++i;
        } else {
            out += b[j++];
        }
    }
    return out;
}

} // namespace

class TstAlignment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equalSequencesAreKeptWhole() { QCOMPARE(script("abc", "abc"), std::string("===")); }

    void emptySides() {
        QCOMPARE(script("", ""), std::string());
        QCOMPARE(script("ab", ""), std::string("--"));
        QCOMPARE(script("", "ab"), std::string("++"));
    }

    void aChangeRemovesBeforeItInserts() {
        QCOMPARE(script("axc", "ayc"), std::string("=-+="));
        QCOMPARE(script("abxyef", "abzef"), std::string("==--+=="));
    }

    void theCommonSubsequenceIsLongest() {
        // "bcd" is common in the middle; a greedy match of the first 'd' would keep less.
        std::string a = "dabcde", b = "xbcdy";
        std::vector<Edit> edits = alignSequences(a, b, 1'000'000);
        QCOMPARE(long(std::count(edits.begin(), edits.end(), Edit::Keep)), 3L);
        QCOMPARE(apply(a, b, edits), b);
    }

    void everyScriptRebuildsTheSecondSequence() {
        const std::vector<std::pair<std::string, std::string>> pairs = {
            {"kitten", "sitting"}, {"abcabba", "cbabac"}, {"aaaa", "aa"}, {"xyz", "zyx"},
            {"the quick brown fox", "the quick red fox jumps"}};
        for (auto& [a, b] : pairs)
            QCOMPARE(apply(a, b, alignSequences(a, b, 1'000'000)), b);
    }

    void beyondTheTableLimitTheMiddleIsReplacedWhole() {
        // Prefix "ab" and suffix "z" still match; the middle (3 x 3, a 16-cell table) is
        // over a limit of 10 cells, so it is removed and inserted whole, still correct.
        std::string a = "abxyqz", b = "abqyxz";
        QCOMPARE(script(a, b, 10), std::string("==---+++="));
        QCOMPARE(apply(a, b, alignSequences(a, b, 10)), b);
        QCOMPARE(script(a, b, 16), std::string("==--=++="));
    }
};

QTEST_APPLESS_MAIN(TstAlignment)
#include "tst_alignment.moc"
