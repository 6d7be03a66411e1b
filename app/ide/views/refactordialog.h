// refactordialog.h — one refactoring from the Refactor menu: its arguments, then a preview
// of what it does (the source diff per file, the generated patch, the summary, the senders
// of a renamed method), then Commit.
//
// The preview is computed from the sources the dialog was opened with (dsu::refactor; no
// program is touched); any edit of an argument disables Commit until the preview is
// computed again, so what is committed is exactly what was reviewed. Return takes one step
// per press (preview, then commit), so a single key press never commits unseen changes. An engine
// error (file:line:col, the uses that make it refuse) is shown here and nothing changes.
#pragma once

#include "app/ide/refactorcontext.h"
#include "dsu/refactor/refactor.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QsciScintilla;

namespace molt::ide {

class RefactorDialog : public QDialog {
    Q_OBJECT
public:
    // `sources`: the whole program, main module first. `live`: Commit updates a running
    // program (otherwise it rewrites the source only).
    RefactorDialog(const std::string& kind, const RefactorTarget& target,
                   const ProgramOutline& program, std::vector<dsu::SourceFile> sources, bool live,
                   QWidget* parent = nullptr);

    const std::string& kind() const { return kind_; }
    dsu::RefactorRequest request() const; // from the argument widgets
    // Computes the refactoring of the current arguments and shows it; true when it applies.
    bool preview();
    bool hasPreview() const { return previewed_; } // of the current arguments, and it applies
    const dsu::RefactorResult& result() const { return result_; }
    const std::vector<dsu::SourceFile>& sources() const { return sources_; }
    // While the update waits for its safe point: a progress bar and Cancel update.
    void setWaiting(bool waiting);
    void showError(const QString& error); // the commit did not start: nothing changed
    void setEditorAppearance(bool dark, int pointSize);

    // The widgets, for the tests (null when the kind has no such argument).
    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* holderEdit() const { return holder_; }
    QLineEdit* initializerEdit() const { return initializer_; }
    QLineEdit* existingEdit() const { return existing_; }
    QLineEdit* valueEdit() const { return value_; }
    QCheckBox* staticBox() const { return static_; }
    QCheckBox* forceBox() const { return force_; }
    QComboBox* superclassBox() const { return superclass_; }
    QListWidget* classList() const { return classes_; }
    QListWidget* fieldList() const { return fields_; }
    QListWidget* methodList() const { return methods_; }
    QListWidget* senderList() const { return senders_; }
    QsciScintilla* sourceDiff() const { return diff_; }
    QsciScintilla* patchView() const { return patch_; }
    QLabel* summaryLabel() const { return summary_; }
    QLabel* errorLabel() const { return error_; }
    QPushButton* previewButton() const { return previewButton_; }
    QPushButton* commitButton() const { return commit_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* cancelUpdateButton() const { return cancelUpdate_; }

Q_SIGNALS:
    void commitRequested();
    void cancelUpdateRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    // Return: the preview of the current arguments, or, once previewed, Commit. Never both.
    void onReturn();
    void buildArguments(const RefactorTarget& target, const ProgramOutline& program);
    void invalidate();
    QListWidget* addChecklist(const QString& label, const std::vector<std::string>& items,
                              const std::vector<std::string>& checked);
    static std::string checkedItems(const QListWidget* list);

    std::string kind_;
    RefactorTarget target_;
    std::vector<dsu::SourceFile> sources_;
    dsu::RefactorResult result_;
    bool previewed_ = false;
    bool waiting_ = false;

    QFormLayout* form_;
    QLineEdit* name_ = nullptr;
    QLineEdit* holder_ = nullptr;
    QLineEdit* initializer_ = nullptr;
    QLineEdit* existing_ = nullptr;
    QLineEdit* value_ = nullptr;
    QCheckBox* static_ = nullptr;
    QCheckBox* force_ = nullptr;
    QComboBox* superclass_ = nullptr;
    QListWidget* classes_ = nullptr;
    QListWidget* fields_ = nullptr;
    QListWidget* methods_ = nullptr;
    QLabel* summary_;
    QLabel* error_;
    QTabWidget* tabs_;
    QsciScintilla* diff_;
    QsciScintilla* patch_;
    QListWidget* senders_;
    QWidget* waitingRow_;
    QPushButton* previewButton_;
    QPushButton* commit_;
    QPushButton* cancel_;
    QPushButton* cancelUpdate_;
};

// "Rename Field…" — the menu text of a refactoring kind.
QString refactoringTitle(const std::string& kind);

} // namespace molt::ide
