// editorseam.h — the IDE's one point of contact with the editor widgets.
//
// The IDE holds editors as QsciScintilla pointers and goes through these functions for
// everything beyond QsciScintilla itself (creating, diagnostics, appearance), so the
// editor library (editor/) can be swapped in here alone.
#pragma once

#include <QList>
#include <QString>

class QWidget;
class QsciScintilla;

namespace molt::ide {

struct EditorDiagnostic {
    int line = 1;   // 1-based
    int column = 1; // 1-based, in characters
    QString message;
};

enum class ViewLanguage { JavaScript, Json, Diff, Plain };

// An editor for a hosted-language module.
QsciScintilla* createCodeEditor(QWidget* parent);
// A read-only view (patch scripts, JSON reports, diffs) with a QScintilla lexer.
QsciScintilla* createTextView(QWidget* parent, ViewLanguage language);
// Compile errors shown inline (underline, margin marker and the message under the line);
// an empty list clears them.
void setEditorDiagnostics(QsciScintilla* editor, const QList<EditorDiagnostic>& diagnostics);
QList<EditorDiagnostic> editorDiagnostics(const QsciScintilla* editor);
void setEditorAppearance(QsciScintilla* editor, bool dark, int pointSize);

} // namespace molt::ide
