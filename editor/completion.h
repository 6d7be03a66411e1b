// completion.h — what the editor offers to complete at the cursor.
//
// Computed from the editor's tree and text, never from a parse of its own, so a keystroke
// that opens the list pays for a walk up from the cursor, not for the file:
//   - after `this.` in a class: the class's members and its superclass chain's (declared
//     and `this.x =` assigned fields, methods, accessors; static ones in a static method);
//     after `super.` the superclass chain's;
//   - after `X.` where X names a class: its static members and its superclasses';
//   - after `x.` where x is a binding assigned `new C(...)` in its function, or `this.f.`
//     where the field f is declared or assigned `new C(...)`: C's instance members;
//   - after any other receiver: nothing (the receiver's class is not known, and offering
//     every member of every class would be noise);
//   - anywhere else: the bindings in scope at the cursor (innermost first: locals,
//     parameters, then the file's top-level bindings), the project's classes, then the
//     language's globals and keywords.
// Nothing is offered inside a string, a comment, a regular expression or a number.
//
// Classes of this file come from its tree (`root`), so a member typed a moment ago is
// offered; classes of other files come from the SymbolIndex (the same definitions as the
// outline and go-to-definition, extractDefinitions). A superclass resolves to the class of
// that name in this file, else in the superclass's own file, else the first indexed.
//
// Candidates are ranked: names that start with the typed prefix (case-sensitive, then
// case-insensitive), then names that contain it; within each, nearer first (the innermost
// scope, or the receiver's own class before its superclasses), then by name. Each name is
// offered once, at its nearest.
#pragma once

#include "editor/symbolindex.h"

#include <QList>
#include <QString>
#include <string_view>
#include <tree_sitter/api.h>

namespace molt::editor {

enum class CompletionKind { Local, Field, Method, Accessor, Class, Function, Global, Keyword };

struct Completion {
    QString text;
    CompletionKind kind = CompletionKind::Local;
    int nearness = 0; // 0: the innermost scope or the receiver's own class; more is farther
    bool operator==(const Completion&) const = default;
};

struct CompletionResult {
    bool allowed = false;     // false inside a string, comment, regex or number
    bool member = false;      // the cursor follows `receiver.`
    uint32_t prefixStart = 0; // byte where the partial name before the cursor starts
    QString prefix;           // that partial name (may be empty)
    QList<Completion> items;  // best first
};

// The candidates at byte `cursor` of `text`, whose tree is `root` (a tree edited to match
// the text but not yet re-parsed will do). `index` may be null; its entries for `path` (this
// text's file) are ignored in favour of the tree.
CompletionResult completionsAt(TSNode root, std::string_view text, uint32_t cursor,
                               const SymbolIndex* index = nullptr, const QString& path = {});

// Where the partial name that ends at `cursor` starts (`cursor` when none precedes it).
uint32_t completionPrefixStart(std::string_view text, uint32_t cursor);

QString completionKindName(CompletionKind kind); // "local", "field", "method", ...

} // namespace molt::editor
