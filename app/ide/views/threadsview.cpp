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
    connect(host_, &VmHost::updateFinished, this, &ThreadsView::updateFinished);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        FrameLocation location = frameLocationOf(item);
        if (!location.file.isEmpty()) Q_EMIT frameActivated(location);
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

void ThreadsView::updateFinished(const UpdateOutcome& outcome) {
    moved_ = outcome.report.committed() ? outcome.report.transferred
                                        : std::vector<dsu::FrameTransfer>{};
    refresh();
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
        // Each move marks the innermost frame of its function on its thread: the frame
        // that was moved, as long as it runs (a later call of the same function on that
        // thread, after it returned, would be marked too until the next update).
        std::vector<bool> used(moved_.size(), false);
        for (const FrameInfo& f : t.frames) {
            FrameLocation location{QString::fromStdString(f.file), int(f.line), int(f.column)};
            auto* frame =
                new QTreeWidgetItem(item, {QString::fromStdString(f.function), location.text()});
            setFrameLocation(frame, location);
            for (size_t i = 0; i < moved_.size(); ++i) {
                const dsu::FrameTransfer& m = moved_[i];
                if (used[i] || m.thread != t.id || m.function != f.function) continue;
                used[i] = true;
                // A call return point ("call this.step() in loop 1"): the frame was armed
                // and moves when that call returns (docs/dsu.md "Update points"), so until
                // then it still runs old code below its callee: the label says when.
                bool atCall = m.loop.rfind("call ", 0) == 0;
                frame->setData(0, kMovedRole, true);
                frame->setText(0, (atCall ? tr("%1 (new code from its call's return)")
                                          : tr("%1 (moved to new code)"))
                                      .arg(frame->text(0)));
                QFont bold = frame->font(0);
                bold.setBold(true);
                frame->setFont(0, bold);
                QString why = (atCall ? tr("The last update armed this frame: it moves to the "
                                           "new code at the return of its %1 (%2:%3:%4), "
                                           "keeping its locals.")
                                      : tr("The last update moved this frame to the new code "
                                           "at loop %1 (%2:%3:%4), keeping its locals."))
                                  .arg(QString::fromStdString(m.loop),
                                       QString::fromStdString(m.file))
                                  .arg(m.line)
                                  .arg(m.column);
                frame->setToolTip(0, why);
                frame->setToolTip(1, why);
                break;
            }
        }
        item->setExpanded(!collapsed.contains(t.id));
    }
    if (threads.empty()) {
        auto* none = new QTreeWidgetItem(tree_, {tr("No threads"), QString()});
        none->setDisabled(true);
    }
}

} // namespace molt::ide
