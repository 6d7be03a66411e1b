// policychoice.h — the migration policies a row of the Patch panel offers, and how the
// chosen one is written into the patch script.
//
// Only what the DSU can do is offered (DESIGN.md §5, dsu/commit/version.h). An added
// instance field of live instances gets its value from no policy (undefined), its
// declared initializer (this = the new object), a constant, an expression computed from
// the old object, or a field the same edit removed from its class (a rename, so the value
// moves over). A removed field's value is dropped, or moves to a field the edit added (the
// same rename, chosen from the other row). Other rows (classes, methods, bindings) have no
// per-row policy: their migration is the class's, written in the script by hand.
//
// A choice is a statement in the script the user commits, so the script shown is what
// runs: the statement that registers the added field's policy (`addInstanceVariable`,
// `setFieldPolicy` or `renameInstanceVariable` naming the class and the field) is found by
// parsing the script and replaced; when the user deleted it, the statement goes before the
// script's closing `};`. The edited script runs after the generated one, and the last
// policy registered for a field wins.
#pragma once

#include "dsu/source/differ.h"

#include <QList>
#include <QString>
#include <optional>

namespace molt::ide {

struct PolicyChoice {
    enum class Kind {
        Undefined,   // an added field: no policy
        Initializer, // an added field: its declared initializer
        Constant,    // an added field: the expression, evaluated once
        Computed,    // an added field: the expression, per instance, of oldObj and newObj
        RenameFrom,  // an added field: the value of the removed field `other`
        Dropped,     // a removed field: its values go
        RenamedTo,   // a removed field: its values move to the added field `other`
    };
    Kind kind = Kind::Undefined;
    QString label; // as the table shows it: "constant", "rename from bal", ...
    QString other; // RenameFrom, RenamedTo: the field at the other end of the rename
    bool needsExpression() const { return kind == Kind::Constant || kind == Kind::Computed; }
};

// The choices for row `row` of `changes`, the differ's default first; empty for a row
// with nothing to choose.
QList<PolicyChoice> policyChoices(const dsu::ChangeSet& changes, int row);

// `script` with `choice` for row `row` written in (see above). `expression` is the
// constant or computed value's source. `generated` is the differ's script, where a field's
// default statement is taken from when a rename is given up. Empty, with `error` set, when
// the choice cannot be written: an empty expression, or a script with no closing `};`.
std::optional<QString> writePolicyChoice(const QString& script, const QString& generated,
                                         const dsu::ChangeSet& changes, int row,
                                         const PolicyChoice& choice, const QString& expression,
                                         QString* error);

// How the table shows a chosen policy ("constant 42", "computed: oldObj.x * 2").
QString describeChoice(const PolicyChoice& choice, const QString& expression);

} // namespace molt::ide
