#include "editor/editortabs.h"

#include <QFileInfo>

namespace molt::editor {

EditorTabs::EditorTabs(QWidget* parent)
    : QTabWidget(parent), index_(new SymbolIndex(this)), theme_(Theme::light()) {
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::currentChanged, this,
            [this](int) { Q_EMIT currentEditorChanged(currentEditor()); });
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int i) {
        auto* editor = qobject_cast<CodeEditor*>(widget(i));
        if (!editor) return;
        if (editor->isModified())
            Q_EMIT closeRequested(editor->filePath());
        else
            closeFile(editor->filePath());
    });
}

EditorTabs::~EditorTabs() {
    // The editors use the index until they are gone.
    while (count() > 0) {
        QWidget* w = widget(0);
        removeTab(0);
        delete w;
    }
}

QString EditorTabs::normalized(const QString& path) {
    QFileInfo info(path);
    QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

CodeEditor* EditorTabs::openFile(const QString& path, QString* error) {
    const QString file = normalized(path);
    if (CodeEditor* open = editorFor(file)) {
        setCurrentWidget(open);
        return open;
    }
    auto* editor = new CodeEditor(this);
    editor->setTheme(theme_);
    if (!fontFamily_.isEmpty()) {
        editor->setFontFamily(fontFamily_);
        editor->setFontSize(fontSize_);
    }
    if (!editor->loadFile(file, error)) {
        delete editor;
        return nullptr;
    }
    editor->setSymbolIndex(index_);
    connect(editor, &QsciScintilla::modificationChanged, this, [this, editor](bool modified) {
        updateTitle(editor);
        Q_EMIT modificationChanged(editor->filePath(), modified);
    });
    connect(editor, &CodeEditor::definitionRequested, this,
            [this](const QString& p, int line, int column) {
                if (openLocation(p, line, column)) Q_EMIT definitionOpened(p, line, column);
            });
    int i = addTab(editor, QFileInfo(file).fileName());
    setTabToolTip(i, file);
    setCurrentIndex(i);
    Q_EMIT fileOpened(file);
    return editor;
}

CodeEditor* EditorTabs::openLocation(const QString& path, int line, int column) {
    CodeEditor* editor = openFile(path);
    if (!editor) return nullptr;
    editor->goToLine(line, column);
    editor->setFocus();
    return editor;
}

CodeEditor* EditorTabs::currentEditor() const {
    return qobject_cast<CodeEditor*>(currentWidget());
}

CodeEditor* EditorTabs::editorFor(const QString& path) const {
    const QString file = normalized(path);
    for (int i = 0; i < count(); ++i) {
        auto* editor = qobject_cast<CodeEditor*>(widget(i));
        if (editor && editor->filePath() == file) return editor;
    }
    return nullptr;
}

QStringList EditorTabs::openFiles() const {
    QStringList out;
    for (int i = 0; i < count(); ++i)
        if (auto* editor = qobject_cast<CodeEditor*>(widget(i))) out << editor->filePath();
    return out;
}

bool EditorTabs::save(CodeEditor* editor, QString* error) {
    if (!editor) return false;
    if (!editor->saveFile({}, error)) return false;
    updateTitle(editor);
    Q_EMIT fileSaved(editor->filePath());
    return true;
}

bool EditorTabs::saveAll(QString* error) {
    bool ok = true;
    for (int i = 0; i < count(); ++i) {
        auto* editor = qobject_cast<CodeEditor*>(widget(i));
        if (editor && editor->isModified() && !save(editor, error)) ok = false;
    }
    return ok;
}

bool EditorTabs::closeFile(const QString& path) {
    CodeEditor* editor = editorFor(path);
    if (!editor) return false;
    const QString file = editor->filePath();
    removeTab(indexOf(editor));
    delete editor;
    // The file is still part of the project: index its saved text again.
    index_->indexFile(file);
    Q_EMIT fileClosed(file);
    return true;
}

bool EditorTabs::hasModifiedFiles() const {
    for (int i = 0; i < count(); ++i) {
        auto* editor = qobject_cast<CodeEditor*>(widget(i));
        if (editor && editor->isModified()) return true;
    }
    return false;
}

void EditorTabs::setTheme(const Theme& theme) {
    theme_ = theme;
    for (int i = 0; i < count(); ++i)
        if (auto* editor = qobject_cast<CodeEditor*>(widget(i))) editor->setTheme(theme);
}

void EditorTabs::setEditorFont(const QString& family, int pointSize) {
    fontFamily_ = family;
    fontSize_ = pointSize;
    for (int i = 0; i < count(); ++i) {
        if (auto* editor = qobject_cast<CodeEditor*>(widget(i))) {
            editor->setFontFamily(family);
            editor->setFontSize(pointSize);
        }
    }
}

void EditorTabs::updateTitle(CodeEditor* editor) {
    int i = indexOf(editor);
    if (i < 0) return;
    QString title = QFileInfo(editor->filePath()).fileName();
    if (editor->isModified()) title += u'*';
    setTabText(i, title);
}

} // namespace molt::editor
