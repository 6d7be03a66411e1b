// theme.h — the colours of the editor and the read-only views.
//
// Syntax colours are keyed by the capture names of the grammar's highlights.scm
// ("keyword", "string", "function.method" ...). A dotted name falls back to its prefix
// ("function.method" -> "function"), and a capture without a colour is drawn in the
// foreground colour, so a new capture in a newer grammar never disappears.
#pragma once

#include <QColor>
#include <QHash>
#include <QSet>
#include <QString>

namespace molt::editor {

struct Theme {
    QString name;
    QColor background;
    QColor foreground;
    QColor caret;
    QColor caretLine;
    QColor selection;
    QColor marginBackground;
    QColor marginForeground;
    QColor foldMarginBackground;
    QColor braceMatchBackground;
    QColor braceMatchForeground;
    QColor braceBadForeground;
    QColor error;
    QColor warning;
    QColor information;
    QColor diffAdded;
    QColor diffRemoved;
    QColor diffHeader;
    QHash<QString, QColor> captures;
    QSet<QString> italicCaptures;
    QSet<QString> boldCaptures;

    // The colour of a capture, falling back through its dotted prefixes to `foreground`.
    QColor colorFor(const QString& capture) const;
    bool isItalic(const QString& capture) const;
    bool isBold(const QString& capture) const;

    static Theme light();
    static Theme dark();
};

} // namespace molt::editor
