// threadsview.h — every green thread of the program with its hosted stack. After an update
// that moved running frames to the new code (docs/dsu.md "Update points"), those frames are
// marked until the next update finishes.
#pragma once

#include "app/ide/host/vmhost.h"
#include "app/ide/views/framelink.h"

#include <QTimer>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace molt::ide {

class ThreadsView : public QWidget {
    Q_OBJECT
public:
    explicit ThreadsView(VmHost* host, QWidget* parent = nullptr);
    void refresh();
    void setAutoRefresh(bool on); // every 500 ms while the program runs
    QTreeWidget* tree() const { return tree_; }
    // The data role of column 0 that is true on a frame the last update moved.
    static constexpr int kMovedRole = Qt::UserRole + 3;

Q_SIGNALS:
    void frameActivated(const FrameLocation& location);

private:
    void showThreads(const std::vector<ThreadInfo>& threads);
    void updateFinished(const UpdateOutcome& outcome);
    std::vector<dsu::FrameTransfer> moved_; // by the last update that finished
    VmHost* host_;
    QTreeWidget* tree_;
    QTimer timer_;
};

} // namespace molt::ide
