// editorseam.h — the IDE's one point of contact with the editor widgets.
//
// The IDE holds editors as QsciScintilla pointers and goes through these functions for
// everything beyond QsciScintilla itself (creating, diagnostics, appearance). Behind them
// are the editor library's classes (editor/): CodeEditor for modules and patch scripts
// (tree-sitter highlighting, folding, diagnostics, find, go-to-definition) and TextView
// with QScintilla's own lexers for reports.
#pragma once

#include <QList>
#include <QString>
#include <string_view>

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
// Replaces a view's text (keeps it read-only and its lexer).
void setViewText(QsciScintilla* view, const QString& text);
// Compile errors shown inline (underline, margin marker, hover text and the message in a
// box under the line);
// an empty list clears them.
void setEditorDiagnostics(QsciScintilla* editor, const QList<EditorDiagnostic>& diagnostics);
QList<EditorDiagnostic> editorDiagnostics(const QsciScintilla* editor);
void setEditorAppearance(QsciScintilla* editor, bool dark, int pointSize);
// Replaces the whole text as one undoable step (Ctrl+Z brings the text before it back;
// setText would empty the undo history), keeping the caret's line and column (clamped)
// and the scroll position.
void replaceEditorText(QsciScintilla* editor, const QString& text);
// True when the editor's text is `utf8`, byte for byte. Compares the lengths first and then
// the editor's own buffer, without copying it: cheap enough for every keystroke.
bool editorTextEquals(const QsciScintilla* editor, std::string_view utf8);

} // namespace molt::ide
