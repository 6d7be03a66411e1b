// diagnosticmarks.h — what an editor shows of its diagnostics: the underlines (Scintilla
// indicators), the margin markers and the message under the mouse.
//
// Two kinds, kept apart because they age differently. Compile diagnostics come from the
// runtime and speak of the text it compiled: each is anchored to its line by a marker
// (which Scintilla moves as lines are inserted above) and goes once that line's text is no
// longer what the compiler saw. Syntax errors come from the editor's own parse and are
// replaced after every re-parse. An indicator's value is its diagnostic's 1-based index,
// so the hover message is found without searching.
#pragma once

#include "editor/diagnostic.h"
#include "editor/syntaxerrors.h"

#include <QList>
#include <vector>

class QsciScintilla;

namespace molt::editor::Internal {

// The byte position of a 1-based line and a column in characters, clamped into the text.
int positionOf(const QsciScintilla& editor, int line, int column);

class DiagnosticMarks {
public:
    explicit DiagnosticMarks(QsciScintilla* editor);

    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return diagnostics_; }
    // After a re-parse: drops the compile diagnostics whose line was edited or deleted
    // (and that line's annotation); the others take their marker's current line.
    void dropStale();

    // The parse's errors; false (and nothing redrawn) when they are the ones shown.
    bool setSyntaxErrors(std::vector<SyntaxErrorRange> errors);
    void forgetSyntaxErrors(); // the next setSyntaxErrors redraws whatever it gets
    QList<Diagnostic> syntaxErrors() const;

    // Compile diagnostics first, then syntax errors; "" when none covers `position`.
    QString messageAt(int position) const;

private:
    long sci(unsigned int msg, unsigned long wParam = 0, long lParam = 0) const;

    struct SyntaxError {
        int begin, end; // bytes
        QString message;
        bool operator==(const SyntaxError&) const = default;
    };
    struct Anchor {
        int markerHandle = -1; // follows the line as lines are inserted or removed above
        QString lineText;      // the line as the compiler saw it
    };

    QsciScintilla* editor_;
    QList<Diagnostic> diagnostics_;
    QList<Anchor> anchors_; // parallel to diagnostics_
    QList<SyntaxError> syntaxErrors_;
};

} // namespace molt::editor::Internal
