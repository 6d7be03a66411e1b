// updatecontroller.h — the window's side of the update workflow: Apply, Commit, Discard,
// Cancel and the history's Reverts in, the Patch panel, message bar, history, inspector,
// transcript and status bar out.
//
// UpdateWorkflow (update_workflow.h) decides which step may follow which and talks to the
// host; it knows no view. This controller turns the user's actions into its requests and
// shows each of its states and answers where the user looks: a preview in the Patch
// panel (or, for save and see, only a notice), a compile error under the editor's text, a
// commit's Before/After and history entry, a rollback's reason with the patch kept to fix
// and commit again. A refactoring's answer goes to RefactorController, whose dialog owns
// it. The window keeps what the program runs (MainWindow::liveText); the controller reads
// it to skip a save with nothing new and to revert one update alone.
#pragma once

#include "app/ide/update_workflow.h"

#include <QObject>
#include <string>

class QTimer;
class QWidget;

namespace molt::ide {

class MainWindow;
class RefactorController;

class UpdateController : public QObject {
    Q_OBJECT
public:
    // Connects to the window's Patch panel and history: create it after the docks.
    UpdateController(MainWindow* window, UpdateWorkflow* workflow, RefactorController* refactoring);

    void apply();  // Ctrl+S: save, then diff the editors against the live program
    void commit(); // the Patch panel's Commit, once its blockers are gone
    void discard();
    void cancel();                   // the update waiting for a safe point
    void revertUpdate(int number);   // that update alone (History ▸ Revert This Update)
    void revertToBefore(int number); // the source before it (History ▸ Revert to Before)

    // A compile error: underlined in the module's editor, the whole message in the bar.
    void showCompileError(const std::string& file, uint32_t line, uint32_t column,
                          const QString& message);
    // Marks the Patch panel's patch stale once the editors differ from the text it was
    // made of (called on every keystroke).
    void updatePatchStaleness();
    // "Committing update…" and a busy bar, shown once a commit took kCommitBusyDelayMs.
    QWidget* busyIndicator() const { return commitBusy_; }

Q_SIGNALS:
    void patchShown(const molt::ide::PatchPreview& preview);
    void updateFinished(const molt::ide::UpdateOutcome& outcome);
    void stateChanged(); // the window updates its actions

private:
    void onWorkflowState(UpdateWorkflow::State state, UpdateWorkflow::State previous);
    void onPreviewReady(const PatchPreview& preview, const QString& title);
    void onPreviewFailed(const PatchPreview& preview);
    void onFinished(const UpdateOutcome& outcome, const LiveUpdate& update);
    void showCommitted(const UpdateOutcome& outcome, const LiveUpdate& update, int number);
    void showRolledBack(const UpdateOutcome& outcome, const LiveUpdate& update, int number);
    bool programAlive() const;
    // The classes updates #from and later renamed, as live name -> name before #from.
    QList<QPair<QString, QString>> renamesBack(int from) const;

    MainWindow* window_;
    UpdateWorkflow* workflow_;
    RefactorController* refactoring_;
    QWidget* commitBusy_;
    QTimer* commitBusyTimer_;
    // Revert to Before over class renames: the request and the script lines that rename
    // the live classes back, which the differ would take for a removal and an addition.
    uint64_t renamesBackRequest_ = 0;
    QString renamesBackScript_;
};

} // namespace molt::ide
