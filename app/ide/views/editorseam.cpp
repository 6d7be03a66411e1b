#include "app/ide/views/editorseam.h"

#include "editor/codeeditor.h"
#include "editor/textview.h"

#include <QFontDatabase>
#include <algorithm>
#include <cstring>

namespace molt::ide {

namespace {

constexpr int kAnnotationStyle = 250; // a Scintilla style the highlighter never uses

editor::TextView::Kind kindOf(ViewLanguage language) {
    switch (language) {
    case ViewLanguage::JavaScript: return editor::TextView::Kind::JavaScript;
    case ViewLanguage::Json: return editor::TextView::Kind::Json;
    case ViewLanguage::Diff: return editor::TextView::Kind::Diff;
    case ViewLanguage::Plain: break;
    }
    return editor::TextView::Kind::Plain;
}

void styleAnnotations(QsciScintilla* e, bool dark) {
    e->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    e->SendScintilla(QsciScintilla::SCI_STYLESETBACK, kAnnotationStyle,
                     dark ? QColor("#3b2326") : QColor("#fff0f0"));
    e->SendScintilla(QsciScintilla::SCI_STYLESETFORE, kAnnotationStyle,
                     dark ? QColor("#ffb4b4") : QColor("#a40e26"));
}

QString monospaceFamily() {
    return QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
}

} // namespace

QsciScintilla* createCodeEditor(QWidget* parent) {
    auto* e = new editor::CodeEditor(parent);
    e->setFontFamily(monospaceFamily());
    return e;
}

QsciScintilla* createTextView(QWidget* parent, ViewLanguage language) {
    auto* v = new editor::TextView(parent);
    v->setFontFamily(monospaceFamily());
    v->setContent({}, kindOf(language));
    return v;
}

void setViewText(QsciScintilla* view, const QString& text) {
    if (auto* v = qobject_cast<editor::TextView*>(view))
        v->setContent(text, v->kind());
    else
        view->setText(text);
}

void setEditorAppearance(QsciScintilla* e, bool dark, int pointSize) {
    editor::Theme theme = dark ? editor::Theme::dark() : editor::Theme::light();
    if (auto* code = qobject_cast<editor::CodeEditor*>(e)) {
        code->setTheme(theme);
        code->setFontSize(pointSize);
    } else if (auto* view = qobject_cast<editor::TextView*>(e)) {
        view->setTheme(theme);
        view->setFontSize(pointSize);
    }
    styleAnnotations(e, dark);
}

void setEditorDiagnostics(QsciScintilla* e, const QList<EditorDiagnostic>& diagnostics) {
    auto* code = qobject_cast<editor::CodeEditor*>(e);
    if (!code) return;
    QList<editor::Diagnostic> list;
    for (const EditorDiagnostic& d : diagnostics)
        list.append({d.line, d.column, d.message, editor::Diagnostic::Severity::Error, 0});
    code->setDiagnostics(list);
    // The message also stays visible under its line until that line is edited.
    e->clearAnnotations();
    for (const EditorDiagnostic& d : diagnostics)
        e->annotate(std::max(0, d.line - 1), d.message, kAnnotationStyle);
}

QList<EditorDiagnostic> editorDiagnostics(const QsciScintilla* e) {
    QList<EditorDiagnostic> out;
    if (auto* code = qobject_cast<const editor::CodeEditor*>(e))
        for (const editor::Diagnostic& d : code->diagnostics())
            out.append({d.line, d.column, d.message});
    return out;
}

void replaceEditorText(QsciScintilla* e, const QString& text) {
    if (e->text() == text) return;
    int line = 0, column = 0;
    e->getCursorPosition(&line, &column);
    int top = e->firstVisibleLine();
    QByteArray utf8 = text.toUtf8();
    e->beginUndoAction();
    e->SendScintilla(QsciScintilla::SCI_TARGETWHOLEDOCUMENT);
    e->SendScintilla(QsciScintilla::SCI_REPLACETARGET, ulong(utf8.size()), utf8.constData());
    e->endUndoAction();
    line = std::clamp(line, 0, std::max(0, e->lines() - 1));
    QString lineText = e->text(line);
    while (lineText.endsWith(u'\n') || lineText.endsWith(u'\r'))
        lineText.chop(1);
    e->setCursorPosition(line, std::min(column, int(lineText.length())));
    e->setFirstVisibleLine(top);
}

bool editorTextEquals(const QsciScintilla* e, std::string_view utf8) {
    auto* editor = const_cast<QsciScintilla*>(e); // SendScintilla is not const; these only read
    if (size_t(editor->SendScintilla(QsciScintilla::SCI_GETLENGTH)) != utf8.size()) return false;
    if (utf8.empty()) return true;
    auto* text = static_cast<const char*>(
        editor->SendScintillaPtrResult(QsciScintilla::SCI_GETCHARACTERPOINTER));
    return std::memcmp(text, utf8.data(), utf8.size()) == 0;
}

} // namespace molt::ide
