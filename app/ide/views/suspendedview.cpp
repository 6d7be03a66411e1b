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
    restart_ = new QPushButton(tr("Restart Frame"), this);
    restart_->setObjectName(QStringLiteral("restartFrame"));
    revert_ = new QPushButton(tr("Revert Last Update"), this);
    revert_->setObjectName(QStringLiteral("revertLastUpdate"));
    continue_ = new QPushButton(tr("Continue"), this);
    continue_->setObjectName(QStringLiteral("continueRejection"));
    endProgram_ = new QPushButton(tr("Terminate Program"), this);
    endProgram_->setObjectName(QStringLiteral("endProgram"));
    endProgram_->setToolTip(tr("End the program as the rejection ends it under molt run (exit "
                               "code 1)"));
    buttons->addWidget(terminate_);
    buttons->addWidget(restart_);
    buttons->addWidget(revert_);
    buttons->addWidget(continue_);
    buttons->addWidget(endProgram_);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(host_, &VmHost::threadSuspended, this, &SuspendedView::addThread);
    connect(host_, &VmHost::threadActionDone, this, &SuspendedView::actionDone);
    connect(host_, &VmHost::rejectionHeld, this, &SuspendedView::addRejection);
    connect(host_, &VmHost::rejectionActionDone, this, &SuspendedView::rejectionDone);
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
    connect(continue_, &QPushButton::clicked, this, [this] {
        if (uint32_t id = selectedRejection()) host_->releaseRejection(id);
    });
    connect(endProgram_, &QPushButton::clicked, this, [this] {
        if (uint32_t id = selectedRejection()) host_->endProgramForRejection(id);
    });
    selectionChanged();
}

void SuspendedView::clear() {
    tree_->clear();
    status_->setText(tr("No thread is suspended."));
    selectionChanged();
}

QTreeWidgetItem* SuspendedView::topItem(int role, uint32_t id) const {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (tree_->topLevelItem(i)->data(0, role).toUInt() == id) return tree_->topLevelItem(i);
    return nullptr;
}

uint32_t SuspendedView::selectedThread() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kThreadRole).toUInt() : 0;
}

uint32_t SuspendedView::selectedRejection() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kRejectionRole).toUInt() : 0;
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
    delete topItem(kThreadRole, thread.threadId); // suspended again after a restart
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
    delete topItem(kThreadRole, threadId);
    status_->setText(tree_->topLevelItemCount() == 0
                         ? tr("No thread is suspended.")
                         : tr("Thread #%1 goes on.").arg(threadId));
    selectionChanged();
}

void SuspendedView::addRejection(const HeldRejection& rejection) {
    QString message = QString::fromStdString(rejection.message);
    auto* item = new QTreeWidgetItem(tree_, {tr("rejection #%1").arg(rejection.id), message});
    item->setData(0, kRejectionRole, rejection.id);
    item->setData(0, kReasonRole, rejection.reason);
    item->setToolTip(1, message);
    for (const FrameInfo& f : rejection.frames) {
        FrameLocation location{QString::fromStdString(f.file), int(f.line), int(f.column)};
        auto* frame =
            new QTreeWidgetItem(item, {QString::fromStdString(f.function), location.text()});
        frame->setData(0, kRejectionRole, rejection.id);
        frame->setData(0, kReasonRole, rejection.reason);
        frame->setToolTip(0, tr("where the error was made; the frame has ended"));
        setFrameLocation(frame, location);
    }
    item->setExpanded(true);
    status_->setText(tr("A promise was rejected with no handler: %1. The frames that made it "
                        "have ended (nothing to restart): Continue, Revert Last Update, or "
                        "Terminate Program.")
                         .arg(message));
    // A program may reject again and again (a failing timer callback): the row the user is
    // working on stays selected.
    if (!tree_->currentItem())
        tree_->setCurrentItem(item->childCount() > 0 ? item->child(0) : item);
    Q_EMIT rejectionListed(rejection.id, message);
}

void SuspendedView::rejectionDone(uint32_t id, const QString& error) {
    if (!error.isEmpty()) {
        status_->setText(tr("Rejection #%1: %2").arg(id).arg(error));
        return;
    }
    delete topItem(kRejectionRole, id);
    status_->setText(tree_->topLevelItemCount() == 0
                         ? tr("No thread is suspended.")
                         : tr("Rejection #%1 released: the program goes on.").arg(id));
    selectionChanged();
}

void SuspendedView::updateButtons() {
    bool thread = selectedThread() != 0;
    bool rejection = selectedRejection() != 0;
    terminate_->setEnabled(thread);
    restart_->setEnabled(thread);
    revert_->setEnabled(thread || rejection);
    continue_->setEnabled(rejection);
    endProgram_->setEnabled(rejection);
    // A disabled button says why, so the choice that does not apply is not a mystery.
    restart_->setToolTip(rejection ? tr("A rejected promise's frames have ended: there is no "
                                        "frame to restart. Fix the code, then Continue")
                                   : tr("Run the selected frame again from its start, with the "
                                        "same receiver and arguments and the code the program "
                                        "runs now (fix the method, Apply and Commit first)"));
    terminate_->setToolTip(rejection ? tr("No thread stopped here: Terminate Program ends the "
                                          "program, Continue lets it go on")
                                     : tr("End the thread as the exception would have; the "
                                          "rest of the program goes on"));
    continue_->setToolTip(thread ? tr("A thread stopped at a throw cannot go past it: Restart "
                                      "Frame or Terminate Thread")
                                 : tr("Let the program go on without the rejection, as if a "
                                      "handler had taken it"));
    revert_->setToolTip(rejection ? tr("Undo the last committed update, then Continue")
                                  : tr("Undo the last committed update, then restart the "
                                       "selected frame"));
}

void SuspendedView::selectionChanged() {
    updateButtons();
    uint32_t id = selectedThread();
    int depth = selectedFrame();
    if (id && depth >= 0) host_->requestFrame(id, depth);
    QTreeWidgetItem* item = tree_->currentItem();
    if (uint32_t reason = item ? item->data(0, kReasonRole).toUInt() : 0)
        Q_EMIT reasonSelected(reason, tr("rejection #%1's reason").arg(selectedRejection()));
}

} // namespace molt::ide
