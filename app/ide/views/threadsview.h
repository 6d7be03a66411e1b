// threadsview.h — every green thread of the program with its hosted stack.
#pragma once

#include "app/ide/host/vmhost.h"

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

Q_SIGNALS:
    void frameActivated(const QString& file, int line, int column);

private:
    void showThreads(const std::vector<ThreadInfo>& threads);
    VmHost* host_;
    QTreeWidget* tree_;
    QTimer timer_;
};

} // namespace molt::ide
