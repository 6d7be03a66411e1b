// suspendedview.h — the threads an uncaught exception suspended ("a crash is not the
// end"): each with its exception and its stack. A click on a frame opens its file at the
// line and shows the frame's `this` and locals in the Inspector; the buttons end the thread,
// run the selected frame again (after a fix was committed: with the new code), or revert
// the last update and then restart the frame.
//
// Unhandled promise rejections the program holds are listed the same way, with the error's
// stack (where it was made). Their frames ended when the promise rejected, so nothing can
// be restarted or terminated: Continue lets the program go on without it, Terminate Program
// ends it as `molt run` would, and Revert Last Update reverts, then continues.
#pragma once

#include "app/ide/host/vmhost.h"
#include "app/ide/views/framelink.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace molt::ide {

class SuspendedView : public QWidget {
    Q_OBJECT
public:
    explicit SuspendedView(VmHost* host, QWidget* parent = nullptr);
    void clear();
    // The thread and frame (depth, 0: innermost) selected; frame -1 when a thread row is.
    uint32_t selectedThread() const;
    int selectedFrame() const;
    // Restarts the selected frame (Restart Frame).
    void restartSelected();
    QTreeWidget* tree() const { return tree_; }
    QLabel* statusLabel() const { return status_; }
    QPushButton* terminateButton() const { return terminate_; }
    QPushButton* restartButton() const { return restart_; }
    QPushButton* revertButton() const { return revert_; }
    QPushButton* continueButton() const { return continue_; }
    QPushButton* endProgramButton() const { return endProgram_; }
    // The held rejection selected (its row or one of its frames); 0: none.
    uint32_t selectedRejection() const;
    static constexpr int kThreadRole = Qt::UserRole + 10;
    static constexpr int kDepthRole = Qt::UserRole + 11;
    static constexpr int kRejectionRole = Qt::UserRole + 12;
    static constexpr int kReasonRole = Qt::UserRole + 13; // the rejection's error (identity)

Q_SIGNALS:
    void frameActivated(const FrameLocation& location);
    void suspended(uint32_t threadId, const QString& message);
    void rejectionListed(uint32_t id, const QString& message);
    // A held rejection's row was selected: the Inspector shows its error.
    void reasonSelected(uint32_t identity, const QString& label);
    // Revert Last Update: the window reverts the last update (reviewed in the Patch panel)
    // and, once that committed, restarts the frame selected when the button was pressed.
    void revertLastRequested();

private:
    void addThread(const SuspendedThread& thread);
    void actionDone(uint32_t threadId, const QString& error);
    void addRejection(const HeldRejection& rejection);
    void rejectionDone(uint32_t id, const QString& error);
    // The row that lists `id` (kThreadRole or kRejectionRole); null when none does.
    QTreeWidgetItem* topItem(int role, uint32_t id) const;
    void updateButtons();
    void selectionChanged();
    VmHost* host_;
    QLabel* status_;
    QTreeWidget* tree_;
    QPushButton* terminate_;
    QPushButton* restart_;
    QPushButton* revert_;
    QPushButton* continue_;
    QPushButton* endProgram_;
};

} // namespace molt::ide
