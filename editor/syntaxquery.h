// syntaxquery.h — a tree-sitter query with its text predicates evaluated.
//
// The C API returns the predicates of a pattern (`#eq?`, `#match?` ...) but leaves them to
// the caller; without them `(identifier) @constructor (#match? @constructor "^[A-Z]")`
// would capture every identifier. SyntaxQuery compiles the predicates once and hands out
// only the matches that satisfy them. Supported: eq?, not-eq?, match?, not-match?,
// any-of?, not-any-of?. `is?`/`is-not?` (properties from locals.scm, e.g. `local`) and
// directives ending in `!` (strip!, select-adjacent!, set!) are accepted and ignored: no
// scope analysis, so `(#is-not? local)` always holds.
//
// Queries come from Qt resources (":/molt/queries/highlights.scm"), copied there at build
// time from the npm grammar package.
#pragma once

#include <QRegularExpression>
#include <QString>
#include <functional>
#include <memory>
#include <string_view>
#include <tree_sitter/api.h>
#include <vector>

namespace molt::editor::Internal {

class SyntaxQuery {
public:
    // Compiles a query for the JavaScript grammar; on failure returns null and sets `error`.
    static std::unique_ptr<SyntaxQuery> compile(const QByteArray& source, QString* error);
    // Loads and compiles a query from a file or resource path; fails loudly (qFatal) when
    // the resource is missing or does not compile, since the build put it there.
    static std::unique_ptr<SyntaxQuery> fromResource(const QString& path);
    ~SyntaxQuery();
    SyntaxQuery(const SyntaxQuery&) = delete;
    SyntaxQuery& operator=(const SyntaxQuery&) = delete;

    uint32_t captureCount() const;
    QString captureName(uint32_t id) const;
    int captureIndex(const QString& name) const; // -1 when the query has no such capture

    // Calls `f` for each match that intersects bytes [begin, end) of `root` and whose
    // predicates hold; `text` is the source the tree was parsed from.
    void forEachMatch(TSNode root, std::string_view text, uint32_t begin, uint32_t end,
                      const std::function<void(const TSQueryMatch&)>& f) const;

private:
    struct Predicate {
        enum class Op { Eq, Match, AnyOf } op;
        bool negated = false;
        uint32_t capture = 0;
        bool otherIsCapture = false;
        uint32_t otherCapture = 0;
        std::string literal;
        std::vector<std::string> anyOf;
        QRegularExpression regex;
    };
    SyntaxQuery() = default;
    bool compilePredicates(QString* error);
    bool holds(const TSQueryMatch& m, std::string_view text) const;

    TSQuery* query_ = nullptr;
    std::vector<std::vector<Predicate>> predicates_; // per pattern
};

} // namespace molt::editor::Internal
