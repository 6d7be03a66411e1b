// findbar.h — the find/replace strip under the editor tabs.
//
// The IDE places one FindBar under its EditorTabs and points it at the current editor
// (setEditor on EditorTabs::currentEditorChanged, showFind on CodeEditor::findRequested).
// Enter finds the next match, Shift+Enter the previous one, Escape hides the bar.
#pragma once

#include "editor/codeeditor.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace molt::editor {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);

    void setEditor(CodeEditor* editor);
    CodeEditor* editor() const { return editor_; }
    FindOptions options() const;
    void setFindText(const QString& text);
    void setReplaceText(const QString& text);
    void setCaseSensitive(bool on);
    void setRegex(bool on);
    void setWholeWord(bool on);
    QString status() const; // "not found", "3 replaced" ...

public Q_SLOTS:
    void showFind(); // shows the bar, takes the selection as the text to find, focuses it
    bool findNext();
    bool findPrevious();
    bool replace();
    int replaceAll();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void report(bool found);

    QPointer<CodeEditor> editor_;
    QLineEdit* find_;
    QLineEdit* replace_;
    QCheckBox* caseSensitive_;
    QCheckBox* regex_;
    QCheckBox* wholeWord_;
    QLabel* status_;
};

} // namespace molt::editor
