#include "app/ide/views/threadsview.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace molt::ide {

ThreadsView::ThreadsView(VmHost* host, QWidget* parent) : QWidget(parent), host_(host) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("threadsTree"));
    tree_->setHeaderLabels({tr("Thread / frame"), tr("State / location")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->setUniformRowHeights(true);
    layout->addWidget(tree_);
    connect(host_, &VmHost::threadsReady, this, &ThreadsView::showThreads);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        QString file = item->data(0, Qt::UserRole).toString();
        if (!file.isEmpty())
            Q_EMIT frameActivated(file, item->data(0, Qt::UserRole + 1).toInt(),
                                  item->data(0, Qt::UserRole + 2).toInt());
    });
    timer_.setInterval(500);
    connect(&timer_, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
}

void ThreadsView::refresh() {
    host_->requestThreads();
}

void ThreadsView::setAutoRefresh(bool on) {
    if (on)
        timer_.start();
    else
        timer_.stop();
}

void ThreadsView::showThreads(const std::vector<ThreadInfo>& threads) {
    // Keep what the user expanded across refreshes.
    QSet<uint32_t> collapsed;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (!tree_->topLevelItem(i)->isExpanded())
            collapsed.insert(tree_->topLevelItem(i)->data(1, Qt::UserRole).toUInt());
    tree_->clear();
    for (const ThreadInfo& t : threads) {
        auto* item = new QTreeWidgetItem(
            tree_, {QStringLiteral("%1 (#%2)").arg(QString::fromStdString(t.name)).arg(t.id),
                    QString::fromStdString(t.state)});
        item->setData(1, Qt::UserRole, t.id);
        for (const FrameInfo& f : t.frames) {
            auto* frame = new QTreeWidgetItem(
                item, {QString::fromStdString(f.function), QStringLiteral("%1:%2:%3")
                                                               .arg(QString::fromStdString(f.file))
                                                               .arg(f.line)
                                                               .arg(f.column)});
            frame->setData(0, Qt::UserRole, QString::fromStdString(f.file));
            frame->setData(0, Qt::UserRole + 1, f.line);
            frame->setData(0, Qt::UserRole + 2, f.column);
        }
        item->setExpanded(!collapsed.contains(t.id));
    }
    if (threads.empty()) {
        auto* none = new QTreeWidgetItem(tree_, {tr("No threads"), QString()});
        none->setDisabled(true);
    }
}

} // namespace molt::ide
