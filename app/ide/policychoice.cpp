#include "app/ide/policychoice.h"
#include "app/ide/qstrings.h"

#include "runtime/syntax/syntax.h"

#include <QObject>
#include <functional>
#include <string>
#include <vector>

namespace molt::ide {

namespace {

using Kind = PolicyChoice::Kind;

QString quoted(const std::string& s) {
    QString out = QStringLiteral("\"");
    for (QChar ch : qs(s)) {
        if (ch == u'"' || ch == u'\\') out += u'\\';
        out += ch;
    }
    return out + u'"';
}

bool sameClass(const dsu::Change& a, const dsu::Change& b) {
    return a.module == b.module && a.className == b.className;
}

// The added field's row of the same class, by name; -1 when none.
int addedRow(const dsu::ChangeSet& changes, const dsu::Change& of, const QString& field) {
    for (size_t i = 0; i < changes.changes.size(); ++i) {
        const dsu::Change& c = changes.changes[i];
        if (c.kind == dsu::ChangeKind::FieldAdded && sameClass(c, of) && qs(c.name) == field)
            return int(i);
    }
    return -1;
}

// One `dsu.<function>(...)` statement of a script, with its string arguments.
struct Call {
    uint32_t begin = 0, end = 0;      // bytes of the whole statement
    std::string function;             // "dsu.addInstanceVariable"
    std::vector<std::string> strings; // the arguments, unquoted ("" for one not a string)
};

void collectCalls(TSNode n, const std::string& text, std::vector<Call>& out) {
    if (is(n, "expression_statement")) {
        TSNode call = ts_node_named_child(n, 0);
        if (!ts_node_is_null(call) && is(call, "call_expression")) {
            TSNode fn = field(call, "function");
            TSNode args = field(call, "arguments");
            Call c{ts_node_start_byte(n), ts_node_end_byte(n), {}, {}};
            c.function =
                text.substr(ts_node_start_byte(fn), ts_node_end_byte(fn) - ts_node_start_byte(fn));
            for (TSNode a : namedChildren(args)) {
                uint32_t b = ts_node_start_byte(a), e = ts_node_end_byte(a);
                c.strings.push_back(is(a, "string") && e - b >= 2 ? text.substr(b + 1, e - b - 2)
                                                                  : std::string());
            }
            out.push_back(std::move(c));
            return;
        }
    }
    for (TSNode child : namedChildren(n))
        collectCalls(child, text, out);
}

std::vector<Call> callsOf(const std::string& text) {
    auto tree = SyntaxTree::parse(text, "patch.js");
    std::vector<Call> calls;
    collectCalls(tree->root(), text, calls);
    return calls;
}

// The statement that registers added field `field`'s policy in `calls`, if any (the last).
const Call* fieldStatement(const std::vector<Call>& calls, const std::string& cls,
                           const std::string& field) {
    const Call* found = nullptr;
    for (const Call& c : calls) {
        const auto& s = c.strings;
        bool adds =
            (c.function == "dsu.addInstanceVariable" || c.function == "dsu.setFieldPolicy") &&
            s.size() >= 2 && s[0] == cls && s[1] == field;
        bool renames = c.function == "dsu.renameInstanceVariable" && s.size() >= 3 && s[0] == cls &&
                       s[2] == field;
        if (adds || renames) found = &c;
    }
    return found;
}

std::string defaultStatement(const std::string& generated, const dsu::Change& added) {
    std::vector<Call> calls = callsOf(generated);
    if (const Call* c = fieldStatement(calls, added.className, added.name))
        return generated.substr(c->begin, c->end - c->begin);
    return "dsu.addInstanceVariable(" + quoted(added.className).toStdString() + ", " +
           quoted(added.name).toStdString() + ");";
}

// `script` with added field `added`'s statement replaced by `statement` (or inserted).
std::optional<std::string> withStatement(const std::string& script, const dsu::Change& added,
                                         const std::string& statement, QString* error) {
    std::vector<Call> calls = callsOf(script);
    if (const Call* c = fieldStatement(calls, added.className, added.name))
        return script.substr(0, c->begin) + statement + script.substr(c->end);
    size_t close = script.rfind("\n};");
    if (close == std::string::npos) {
        if (error)
            *error = QObject::tr("The script has no closing `};` of its "
                                 "`module.exports = function (dsu) {` to add the policy to.");
        return std::nullopt;
    }
    return script.substr(0, close + 1) + "  " + statement + "\n" + script.substr(close + 1);
}

} // namespace

QList<PolicyChoice> policyChoices(const dsu::ChangeSet& changes, int row) {
    QList<PolicyChoice> out;
    if (row < 0 || size_t(row) >= changes.changes.size()) return out;
    const dsu::Change& c = changes.changes[size_t(row)];
    if (c.kind == dsu::ChangeKind::FieldAdded) {
        QString initializer = qs(c.newText).simplified();
        if (initializer.size() > 40) initializer = initializer.left(40) + QStringLiteral("…");
        PolicyChoice declared{
            Kind::Initializer, QObject::tr("declared initializer: %1").arg(initializer), {}};
        if (!c.newText.empty()) out << declared;
        out << PolicyChoice{Kind::Undefined, QObject::tr("undefined"), {}};
        out << PolicyChoice{Kind::Constant, QObject::tr("constant…"), {}};
        out << PolicyChoice{Kind::Computed, QObject::tr("computed from the old object…"), {}};
        for (const dsu::Change& other : changes.changes)
            if (other.kind == dsu::ChangeKind::FieldRemoved && sameClass(other, c))
                out << PolicyChoice{Kind::RenameFrom,
                                    QObject::tr("rename from %1").arg(qs(other.oldName)),
                                    qs(other.oldName)};
    } else if (c.kind == dsu::ChangeKind::FieldRemoved) {
        QList<PolicyChoice> renames;
        for (const dsu::Change& other : changes.changes)
            if (other.kind == dsu::ChangeKind::FieldAdded && sameClass(other, c))
                renames << PolicyChoice{Kind::RenamedTo,
                                        QObject::tr("renamed to %1").arg(qs(other.name)),
                                        qs(other.name)};
        if (!renames.isEmpty())
            out << PolicyChoice{Kind::Dropped, QObject::tr("dropped"), {}} << renames;
    }
    return out;
}

QString describeChoice(const PolicyChoice& choice, const QString& expression) {
    switch (choice.kind) {
    case Kind::Constant: return QObject::tr("constant %1").arg(expression.trimmed());
    case Kind::Computed: return QObject::tr("computed: %1").arg(expression.trimmed());
    default: return choice.label;
    }
}

std::optional<QString> writePolicyChoice(const QString& script, const QString& generated,
                                         const dsu::ChangeSet& changes, int row,
                                         const PolicyChoice& choice, const QString& expression,
                                         QString* error) {
    if (row < 0 || size_t(row) >= changes.changes.size()) return std::nullopt;
    const dsu::Change& c = changes.changes[size_t(row)];
    const std::string text = script.toStdString();
    const QString expr = expression.trimmed();
    if (choice.needsExpression() && expr.isEmpty()) {
        if (error)
            *error = QObject::tr("Type the expression that gives '%1' its value.").arg(qs(c.name));
        return std::nullopt;
    }
    auto done = [](std::optional<std::string> s) -> std::optional<QString> {
        if (!s) return std::nullopt;
        return qs(*s);
    };
    const QString cls = quoted(c.className);
    switch (choice.kind) {
    case Kind::Undefined:
        return done(withStatement(text, c,
                                  QStringLiteral("dsu.addInstanceVariable(%1, %2);")
                                      .arg(cls, quoted(c.name))
                                      .toStdString(),
                                  error));
    case Kind::Initializer:
        return done(withStatement(
            text, c,
            QStringLiteral(
                "dsu.addInstanceVariable(%1, %2, dsu.initializer(function () { return %3; }));")
                .arg(cls, quoted(c.name), qs(c.newText))
                .toStdString(),
            error));
    case Kind::Constant:
        return done(
            withStatement(text, c,
                          QStringLiteral("dsu.addInstanceVariable(%1, %2, dsu.constant(%3));")
                              .arg(cls, quoted(c.name), expr)
                              .toStdString(),
                          error));
    case Kind::Computed:
        return done(withStatement(
            text, c,
            QStringLiteral("dsu.addInstanceVariable(%1, %2, (oldObj, newObj) => (%3));")
                .arg(cls, quoted(c.name), expr)
                .toStdString(),
            error));
    case Kind::RenameFrom:
        return done(withStatement(text, c,
                                  QStringLiteral("dsu.renameInstanceVariable(%1, %2, %3);")
                                      .arg(cls, quoted(choice.other.toStdString()), quoted(c.name))
                                      .toStdString(),
                                  error));
    case Kind::RenamedTo: {
        int added = addedRow(changes, c, choice.other);
        if (added < 0) return std::nullopt;
        PolicyChoice rename{Kind::RenameFrom, {}, qs(c.oldName)};
        return writePolicyChoice(script, generated, changes, added, rename, {}, error);
    }
    case Kind::Dropped: {
        // Every added field of the class that takes this field's values goes back to the
        // differ's default for it.
        std::string out = text;
        for (size_t i = 0; i < changes.changes.size(); ++i) {
            const dsu::Change& a = changes.changes[i];
            if (a.kind != dsu::ChangeKind::FieldAdded || !sameClass(a, c)) continue;
            std::vector<Call> calls = callsOf(out);
            const Call* s = fieldStatement(calls, a.className, a.name);
            if (!s || s->function != "dsu.renameInstanceVariable" || s->strings[1] != c.oldName)
                continue;
            out = out.substr(0, s->begin) + defaultStatement(generated.toStdString(), a) +
                  out.substr(s->end);
        }
        return qs(out);
    }
    }
    return std::nullopt;
}

} // namespace molt::ide
