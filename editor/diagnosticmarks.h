// diagnosticmarks.h — what an editor shows of its diagnostics: the underlines (Scintilla
// indicators), the margin markers and the message under the mouse.
//
// Two kinds, kept apart because they age differently. Compile diagnostics come from the
// runtime and speak of the text it compiled: each is anchored to its line by a marker
// (which Scintilla moves as lines are inserted above) and goes once that line's text is no
// longer what the compiler saw. Syntax errors come from the editor's own parse and are
// replaced after every re-parse. A compile diagnostic's indicator value is its 1-based
// index, so the hover message is found without searching.
//
// Syntax errors are updated by what changed, never redrawn whole: an error that piles up
// with others must not make every keystroke cost more. Scintilla moves indicators with
// the text, and editText() moves the list the same way, so after a re-parse only the
// errors that appeared, went or were touched by the edit have their underline cleared or
// drawn (clearing the whole document's indicator used to repaint the whole view on every
// key before an error, since each error's position had shifted).
#pragma once

#include "editor/diagnostic.h"
#include "editor/syntaxerrors.h"

#include <QList>
#include <tuple>
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

    // Text replaced: bytes [position, oldEnd) of the old text are [position, newEnd) now.
    void editText(uint32_t position, uint32_t oldEnd, uint32_t newEnd);
    // The parse's errors (in document order); false when they are the ones shown.
    bool setSyntaxErrors(std::vector<SyntaxErrorRange> errors);
    void forgetSyntaxErrors(); // clears every syntax-error underline
    QList<Diagnostic> syntaxErrors() const;

    // Compile diagnostics first, then syntax errors; "" when none covers `position`.
    QString messageAt(int position) const;

private:
    long sci(unsigned int msg, unsigned long wParam = 0, long lParam = 0) const;

    struct SyntaxError {
        int begin, end; // bytes
        QString message;
        bool touched = false; // an edit met it: its underline may not be where the list says
        bool operator==(const SyntaxError& o) const {
            return begin == o.begin && end == o.end && message == o.message;
        }
        bool operator<(const SyntaxError& o) const {
            return std::tie(begin, end, message) < std::tie(o.begin, o.end, o.message);
        }
    };
    void underline(int begin, int end, bool on);
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
