#include "app/ide/views/suspendedview.h"

#include "app/ide/views/framelink.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace molt::ide {

SuspendedView::SuspendedView(VmHost* host, QWidget* parent) : QWidget(parent), host_(host) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    status_ = new QLabel(tr("No thread is suspended."), this);
    status_->setObjectName(QStringLiteral("suspendedStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("suspendedTree"));
    tree_->setHeaderLabels({tr("Thread / frame"), tr("Exception / location")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->setUniformRowHeights(true);
    layout->addWidget(tree_);
    auto* buttons = new QHBoxLayout;
    terminate_ = new QPushButton(tr("Terminate Thread"), this);
    terminate_->setObjectName(QStringLiteral("terminateThread"));
    terminate_->setToolTip(tr("End the thread as the exception would have; the rest of the "
                              "program goes on"));
    restart_ = new QPushButton(tr("Restart Frame"), this);
    restart_->setObjectName(QStringLiteral("restartFrame"));
    restart_->setToolTip(tr("Run the selected frame again from its start, with the same "
                            "receiver and arguments and the code the program runs now "
                            "(fix the method, Apply and Commit first)"));
    revert_ = new QPushButton(tr("Revert Last Update"), this);
    revert_->setObjectName(QStringLiteral("revertLastUpdate"));
    revert_->setToolTip(tr("Undo the last committed update, then restart the selected frame"));
    buttons->addWidget(terminate_);
    buttons->addWidget(restart_);
    buttons->addWidget(revert_);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(host_, &VmHost::threadSuspended, this, &SuspendedView::addThread);
    connect(host_, &VmHost::threadActionDone, this, &SuspendedView::actionDone);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &SuspendedView::selectionChanged);
    auto open = [this](QTreeWidgetItem* item) {
        FrameLocation location = frameLocationOf(item);
        if (!location.file.isEmpty()) Q_EMIT frameActivated(location);
    };
    connect(tree_, &QTreeWidget::itemClicked, this, open);
    connect(tree_, &QTreeWidget::itemActivated, this, open);
    connect(terminate_, &QPushButton::clicked, this, [this] {
        if (uint32_t id = selectedThread()) host_->terminateThread(id);
    });
    connect(restart_, &QPushButton::clicked, this, &SuspendedView::restartSelected);
    connect(revert_, &QPushButton::clicked, this, &SuspendedView::revertLastRequested);
    selectionChanged();
}

void SuspendedView::clear() {
    tree_->clear();
    status_->setText(tr("No thread is suspended."));
    selectionChanged();
}

QTreeWidgetItem* SuspendedView::threadItem(uint32_t threadId) const {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (tree_->topLevelItem(i)->data(0, kThreadRole).toUInt() == threadId)
            return tree_->topLevelItem(i);
    return nullptr;
}

uint32_t SuspendedView::selectedThread() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kThreadRole).toUInt() : 0;
}

int SuspendedView::selectedFrame() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item && item->parent() ? item->data(0, kDepthRole).toInt() : -1;
}

void SuspendedView::restartSelected() {
    uint32_t id = selectedThread();
    if (!id) return;
    int depth = std::max(0, selectedFrame()); // a thread row: its innermost frame
    host_->restartFrame(id, depth);
}

void SuspendedView::addThread(const SuspendedThread& thread) {
    delete threadItem(thread.threadId); // suspended again after a restart
    QString message = QString::fromStdString(thread.message);
    auto* item = new QTreeWidgetItem(tree_, {tr("thread #%1").arg(thread.threadId), message});
    item->setData(0, kThreadRole, thread.threadId);
    item->setToolTip(1, message);
    int depth = 0;
    for (const FrameInfo& f : thread.frames) {
        FrameLocation location{QString::fromStdString(f.file), int(f.line), int(f.column)};
        auto* frame =
            new QTreeWidgetItem(item, {QString::fromStdString(f.function), location.text()});
        frame->setData(0, kThreadRole, thread.threadId);
        frame->setData(0, kDepthRole, depth++);
        setFrameLocation(frame, location);
    }
    item->setExpanded(true);
    status_->setText(tr("Thread #%1 stopped: %2. Fix the code and Restart Frame, Revert Last "
                        "Update, or Terminate Thread.")
                         .arg(thread.threadId)
                         .arg(message));
    if (item->childCount() > 0) tree_->setCurrentItem(item->child(0));
    Q_EMIT suspended(thread.threadId, message);
}

void SuspendedView::actionDone(uint32_t threadId, const QString& error) {
    if (!error.isEmpty()) {
        status_->setText(tr("Thread #%1: %2").arg(threadId).arg(error));
        return;
    }
    delete threadItem(threadId);
    status_->setText(tree_->topLevelItemCount() == 0
                         ? tr("No thread is suspended.")
                         : tr("Thread #%1 goes on.").arg(threadId));
    selectionChanged();
}

void SuspendedView::selectionChanged() {
    uint32_t id = selectedThread();
    terminate_->setEnabled(id != 0);
    restart_->setEnabled(id != 0);
    revert_->setEnabled(id != 0);
    int depth = selectedFrame();
    if (id && depth >= 0) host_->requestFrame(id, depth);
}

} // namespace molt::ide
