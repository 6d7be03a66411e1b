// editortabs.h — one CodeEditor per open file, in tabs that show a `*` while modified.
//
// All editors share the tabs' SymbolIndex, so go-to-definition finds classes in every open
// file (and in files indexed from disk with symbolIndex()->indexDirectory). A definition in
// another file is opened here (openLocation) and announced with definitionOpened. Paths are
// absolute; openFile of an open path returns its editor.
#pragma once

#include "editor/codeeditor.h"
#include "editor/symbolindex.h"

#include <QTabWidget>

namespace molt::editor {

class EditorTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit EditorTabs(QWidget* parent = nullptr);
    ~EditorTabs() override;

    // Opens (or switches to) the file; null with `error` set when it cannot be read.
    CodeEditor* openFile(const QString& path, QString* error = nullptr);
    // Opens the file and puts the cursor at a 1-based line and column.
    CodeEditor* openLocation(const QString& path, int line, int column = 1);
    CodeEditor* currentEditor() const;
    CodeEditor* editorFor(const QString& path) const;
    QStringList openFiles() const;
    bool save(CodeEditor* editor, QString* error = nullptr);
    bool saveCurrent(QString* error = nullptr) { return save(currentEditor(), error); }
    bool saveAll(QString* error = nullptr);
    // Closes the tab without asking (the IDE asks first when isModified()).
    bool closeFile(const QString& path);
    bool hasModifiedFiles() const;

    SymbolIndex* symbolIndex() const { return index_; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    void setEditorFont(const QString& family, int pointSize);

Q_SIGNALS:
    void currentEditorChanged(CodeEditor* editor); // null when the last tab closed
    void fileOpened(const QString& path);
    void fileSaved(const QString& path);
    void fileClosed(const QString& path);
    void modificationChanged(const QString& path, bool modified);
    void definitionOpened(const QString& path, int line, int column);
    // A tab's close button was pressed on a modified file: the IDE asks, then closeFile.
    void closeRequested(const QString& path);

private:
    void updateTitle(CodeEditor* editor);
    static QString normalized(const QString& path);

    SymbolIndex* index_;
    Theme theme_;
    QString fontFamily_;
    int fontSize_ = 0;
};

} // namespace molt::editor
