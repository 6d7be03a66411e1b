// patchpanel.h — the review step of Apply: every change of the edit with its default
// migration policy and REVIEW warnings, and the patch script in an editable editor.
//
// Commit runs the generated patch and then, if the user edited the script here, the
// edited script as the user's patch: the last policy registered for a target wins, so an
// edited policy replaces the generated one (DESIGN.md §5).
//
// A field row's policy is chosen under the table (policychoice.h): the choice is written
// into the script as the statement that registers it, so the script shown is what runs,
// and the row's Policy column says what was chosen.
//
// Commit is enabled only for a patch that can be what the user means, and the reason is
// shown next to it otherwise (commitBlocker()):
// - REVIEW rows are decisions the differ made by default: Commit waits until the user
//   ticks that they were reviewed, or edits the script (which is how a policy is chosen).
// - A removed class with live instances rolls back for certain (the system validation):
//   Commit waits until the script maps them (migrateInstancesTo).
// - A patch whose source was edited since the diff (stale) would commit the older
//   version: Apply again. A patch whose update rolled back on its own validations would
//   roll back again: it waits for an edit of the script. One that the safe point timed
//   out or the user cancelled may simply be retried.
#pragma once

#include "app/ide/host/vmmessages.h"
#include "app/ide/policychoice.h"

#include <QAbstractTableModel>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
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
    int unresolvedReviewCount() const; // REVIEW rows whose policy was not chosen in the table
    const dsu::Change* changeAt(int row) const;
    // The policy chosen for a row ("" for the differ's default); `partner`: the other row
    // of a rename (-1 when none), whose choice goes with this one.
    void setChosen(int row, const QString& policy, int partner = -1);
    int partnerOf(int row) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    std::vector<dsu::Change> changes_;
    std::vector<QString> chosen_;
    std::vector<int> partner_;
};

class PatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit PatchPanel(QWidget* parent = nullptr);

    // Shows a preview (title: "Apply", "Revert update #3" ...). Enables Commit.
    // `decisions`, lines of patch script the IDE knows to be needed (a revert's renames
    // back), go at the end of the generated script: they are sent as the user's patch,
    // and the REVIEW rows still wait for the tick.
    void setPreview(const PatchPreview& preview, const QString& title,
                    const QString& decisions = {});
    const PatchPreview& preview() const { return preview_; }
    // The user's edits: the edited script, or "" when the generated one is unchanged.
    std::string userPatch() const;
    void setWaiting(bool waiting); // progress bar with Cancel while the safe point is awaited
    // The editors no longer hold the source this patch was diffed from (or hold it again).
    void setStale(bool stale);
    bool isStale() const { return stale_; }
    // The commit rolled back for `reason`; `retry`: it may commit as it is (a safe-point
    // timeout, a cancel), otherwise only after the script is edited.
    void setRolledBack(const QString& reason, bool retry);
    // Why Commit is disabled ("" when it is not): REVIEW rows, a certain rollback, a stale
    // or dead patch.
    QString commitBlocker() const;
    void showError(const QString& error); // a patch that did not compile: nothing committed
    void clear();
    void setEditorAppearance(bool dark, int pointSize);

    ChangeTableModel* changes() const { return model_; }
    QTableView* changeTable() const { return table_; }
    // The selected row's policy choices (policychoice.h): the box, the expression for a
    // constant or computed value, and Use, which writes the choice into the script.
    QComboBox* policyBox() const { return policyBox_; }
    QLineEdit* policyExpression() const { return policyExpression_; }
    QPushButton* usePolicyButton() const { return policyUse_; }
    // Writes the box's choice for the selected row into the script; false (the reason in
    // the blocker label's place) when it cannot be.
    bool usePolicy();
    QsciScintilla* scriptEditor() const { return script_; }
    QsciScintilla* sourceDiff() const { return diff_; } // the edit as a unified diff
    QPushButton* commitButton() const { return commit_; }
    QPushButton* discardButton() const { return discard_; }
    QPushButton* cancelUpdateButton() const { return cancelUpdate_; }
    QCheckBox* reviewedBox() const { return reviewed_; }
    QLabel* blockerLabel() const { return blocker_; }
    bool isWaiting() const { return waiting_; }

Q_SIGNALS:
    void commitRequested();
    void discardRequested();
    void cancelUpdateRequested();
    void changeActivated(const QString& module, int line, int column);

private:
    void updateCommit();
    void showPolicyChoices(int row);

    PatchPreview preview_;
    bool stale_ = false;
    QString rollback_;         // non-empty: the last commit rolled back, for this reason
    QString scriptAtRollback_; // the script as it was then
    QString shownScript_;      // as setPreview showed it: generated, then the IDE's decisions
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
    QCheckBox* reviewed_;
    QLabel* blocker_;
    QWidget* policyRow_;
    QLabel* policyLabel_;
    QComboBox* policyBox_;
    QLineEdit* policyExpression_;
    QPushButton* policyUse_;
    QLabel* policyError_;
    int policyRowIndex_ = -1;
    QList<PolicyChoice> choices_; // the selected row's
    bool waiting_ = false;
};

} // namespace molt::ide
