// suspendedview.h — the threads an uncaught exception suspended ("a crash is not the
// end"): each with its exception and its stack. A click on a frame opens its file at the
// line and shows the frame's `this` and locals in the Inspector; the buttons end the thread,
// run the selected frame again (after a fix was committed: with the new code), or revert
// the last update and then restart the frame.
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
    static constexpr int kThreadRole = Qt::UserRole + 10;
    static constexpr int kDepthRole = Qt::UserRole + 11;

Q_SIGNALS:
    void frameActivated(const FrameLocation& location);
    void suspended(uint32_t threadId, const QString& message);
    // Revert Last Update: the window reverts the last update (reviewed in the Patch panel)
    // and, once that committed, restarts the frame selected when the button was pressed.
    void revertLastRequested();

private:
    void addThread(const SuspendedThread& thread);
    void actionDone(uint32_t threadId, const QString& error);
    void selectionChanged();
    QTreeWidgetItem* threadItem(uint32_t threadId) const;
    VmHost* host_;
    QLabel* status_;
    QTreeWidget* tree_;
    QPushButton* terminate_;
    QPushButton* restart_;
    QPushButton* revert_;
};

} // namespace molt::ide
