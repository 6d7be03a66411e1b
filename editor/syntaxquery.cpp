#include "editor/syntaxquery.h"

#include "runtime/syntax/syntax.h"

#include <QFile>

namespace molt::editor::Internal {

namespace {

// The nodes a capture id stands for in a match (a quantified capture may have several).
template<typename F> bool allCaptured(const TSQueryMatch& m, uint32_t capture, F f) {
    for (uint16_t i = 0; i < m.capture_count; ++i)
        if (m.captures[i].index == capture && !f(m.captures[i].node)) return false;
    return true;
}

} // namespace

std::unique_ptr<SyntaxQuery> SyntaxQuery::compile(const QByteArray& source, QString* error) {
    uint32_t offset = 0;
    TSQueryError kind = TSQueryErrorNone;
    TSQuery* q = ts_query_new(javascriptLanguage(), source.constData(), uint32_t(source.size()),
                              &offset, &kind);
    if (!q) {
        if (error)
            *error = QStringLiteral("query error %1 at byte %2: %3")
                         .arg(int(kind))
                         .arg(offset)
                         .arg(QString::fromUtf8(source.mid(offset, 40)));
        return nullptr;
    }
    std::unique_ptr<SyntaxQuery> result(new SyntaxQuery);
    result->query_ = q;
    if (!result->compilePredicates(error)) return nullptr;
    return result;
}

std::unique_ptr<SyntaxQuery> SyntaxQuery::fromResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("molt_editor: query %s is missing from the resources", qPrintable(path));
    QString error;
    auto q = compile(file.readAll(), &error);
    if (!q) qFatal("molt_editor: %s: %s", qPrintable(path), qPrintable(error));
    return q;
}

SyntaxQuery::~SyntaxQuery() {
    if (query_) ts_query_delete(query_);
}

uint32_t SyntaxQuery::captureCount() const {
    return ts_query_capture_count(query_);
}

QString SyntaxQuery::captureName(uint32_t id) const {
    uint32_t len = 0;
    const char* name = ts_query_capture_name_for_id(query_, id, &len);
    return QString::fromUtf8(name, len);
}

int SyntaxQuery::captureIndex(const QString& name) const {
    for (uint32_t i = 0; i < captureCount(); ++i)
        if (captureName(i) == name) return int(i);
    return -1;
}

bool SyntaxQuery::compilePredicates(QString* error) {
    uint32_t patterns = ts_query_pattern_count(query_);
    predicates_.resize(patterns);
    for (uint32_t p = 0; p < patterns; ++p) {
        uint32_t count = 0;
        const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query_, p, &count);
        uint32_t i = 0;
        while (i < count) {
            uint32_t end = i;
            while (end < count && steps[end].type != TSQueryPredicateStepTypeDone)
                ++end;
            // steps[i .. end) is one predicate: a name string, then its arguments.
            auto stringAt = [&](uint32_t k) {
                uint32_t len = 0;
                const char* s = ts_query_string_value_for_id(query_, steps[k].value_id, &len);
                return std::string(s, len);
            };
            std::string name = end > i ? stringAt(i) : std::string();
            auto fail = [&](const char* why) {
                if (error)
                    *error = QStringLiteral("pattern %1: #%2 %3")
                                 .arg(p)
                                 .arg(QString::fromStdString(name), QString::fromLatin1(why));
                return false;
            };
            Predicate pred;
            bool known = true;
            if (name == "eq?" || name == "not-eq?") {
                pred.op = Predicate::Op::Eq;
            } else if (name == "match?" || name == "not-match?") {
                pred.op = Predicate::Op::Match;
            } else if (name == "any-of?" || name == "not-any-of?") {
                pred.op = Predicate::Op::AnyOf;
            } else {
                known = false; // is?, is-not?, and directives: see the header
            }
            if (known) {
                pred.negated = name.rfind("not-", 0) == 0;
                if (end - i < 3 || steps[i + 1].type != TSQueryPredicateStepTypeCapture)
                    return fail("needs a capture and an argument");
                pred.capture = steps[i + 1].value_id;
                if (pred.op == Predicate::Op::AnyOf) {
                    for (uint32_t k = i + 2; k < end; ++k)
                        pred.anyOf.push_back(stringAt(k));
                } else if (steps[i + 2].type == TSQueryPredicateStepTypeCapture) {
                    if (pred.op == Predicate::Op::Match) return fail("needs a regex literal");
                    pred.otherIsCapture = true;
                    pred.otherCapture = steps[i + 2].value_id;
                } else {
                    pred.literal = stringAt(i + 2);
                    if (pred.op == Predicate::Op::Match) {
                        pred.regex.setPattern(QString::fromStdString(pred.literal));
                        if (!pred.regex.isValid()) return fail("has an invalid regex");
                        pred.regex.optimize();
                    }
                }
                predicates_[p].push_back(std::move(pred));
            }
            i = end + 1;
        }
    }
    return true;
}

bool SyntaxQuery::holds(const TSQueryMatch& m, std::string_view text) const {
    for (const Predicate& pred : predicates_[m.pattern_index]) {
        bool ok = allCaptured(m, pred.capture, [&](TSNode n) {
            std::string_view s = nodeText(n, text);
            bool r = false;
            switch (pred.op) {
            case Predicate::Op::Eq:
                if (pred.otherIsCapture) {
                    r = allCaptured(m, pred.otherCapture,
                                    [&](TSNode o) { return nodeText(o, text) == s; });
                } else {
                    r = s == pred.literal;
                }
                break;
            case Predicate::Op::Match:
                r = pred.regex.match(QString::fromUtf8(s.data(), qsizetype(s.size()))).hasMatch();
                break;
            case Predicate::Op::AnyOf:
                r = std::find(pred.anyOf.begin(), pred.anyOf.end(), s) != pred.anyOf.end();
                break;
            }
            return r != pred.negated;
        });
        if (!ok) return false;
    }
    return true;
}

void SyntaxQuery::forEachMatch(TSNode root, std::string_view text, uint32_t begin, uint32_t end,
                               const std::function<void(const TSQueryMatch&)>& f) const {
    TSQueryCursor* cursor = ts_query_cursor_new();
    ts_query_cursor_set_byte_range(cursor, begin, end);
    ts_query_cursor_exec(cursor, query_, root);
    TSQueryMatch m;
    while (ts_query_cursor_next_match(cursor, &m))
        if (holds(m, text)) f(m);
    ts_query_cursor_delete(cursor);
}

} // namespace molt::editor::Internal
