// patchpanel.h — the review step of Apply: every change of the edit with its default
// migration policy and REVIEW warnings, and the patch script in an editable editor.
//
// Commit runs the generated patch and then, if the user edited the script here, the
// edited script as the user's patch: the last policy registered for a target wins, so an
// edited policy replaces the generated one (DESIGN.md §5).
#pragma once

#include "app/ide/host/vmmessages.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;
class QsciScintilla;

namespace molt::ide {

class ChangeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Kind, Module, Class, Member, Policy, Review, ColumnCount };
    enum Role { NeedsReviewRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;
    void setChanges(const dsu::ChangeSet& changes);
    int reviewCount() const;
    const dsu::Change* changeAt(int row) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    std::vector<dsu::Change> changes_;
};

class PatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit PatchPanel(QWidget* parent = nullptr);

    // Shows a preview (title: "Apply", "Revert update #3" ...). Enables Commit.
    void setPreview(const PatchPreview& preview, const QString& title);
    const PatchPreview& preview() const { return preview_; }
    // The user's edits: the edited script, or "" when the generated one is unchanged.
    std::string userPatch() const;
    void setWaiting(bool waiting); // progress bar with Cancel while the safe point is awaited
    void showError(const QString& error); // a patch that did not compile: nothing committed
    void clear();
    void setEditorAppearance(bool dark, int pointSize);

    ChangeTableModel* changes() const { return model_; }
    QsciScintilla* scriptEditor() const { return script_; }
    QsciScintilla* sourceDiff() const { return diff_; } // the edit as a unified diff
    QPushButton* commitButton() const { return commit_; }
    QPushButton* discardButton() const { return discard_; }
    QPushButton* cancelUpdateButton() const { return cancelUpdate_; }
    bool isWaiting() const { return waiting_; }

Q_SIGNALS:
    void commitRequested();
    void discardRequested();
    void cancelUpdateRequested();
    void changeActivated(const QString& module, int line, int column);

private:
    PatchPreview preview_;
    ChangeTableModel* model_;
    QLabel* title_;
    QLabel* summary_;
    QLabel* error_;
    QTableView* table_;
    QTabWidget* right_;
    QsciScintilla* script_;
    QsciScintilla* diff_;
    QWidget* waitingRow_;
    QProgressBar* progress_;
    QPushButton* commit_;
    QPushButton* discard_;
    QPushButton* cancelUpdate_;
    bool waiting_ = false;
};

} // namespace molt::ide
