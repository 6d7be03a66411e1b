#include "app/ide/views/beforeafterview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace molt::ide {

BeforeAfterView::BeforeAfterView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    header_ = new QLabel(tr("After a commit, the migrated instances appear here: the same "
                            "identity, the old fields beside the new ones."),
                         this);
    header_->setWordWrap(true);
    layout->addWidget(header_);
    model_ = new BeforeAfterModel(this);
    tree_ = new QTreeView(this);
    tree_->setObjectName(QStringLiteral("beforeAfterTree"));
    tree_->setModel(model_);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->header()->setStretchLastSection(false);
    // Sized once per update (setUpdate): ResizeToContents would measure every row on every
    // insertion.
    tree_->header()->setSectionResizeMode(BeforeAfterModel::Field, QHeaderView::Interactive);
    tree_->header()->setSectionResizeMode(BeforeAfterModel::Before, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(BeforeAfterModel::After, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(BeforeAfterModel::Change, QHeaderView::Interactive);
    layout->addWidget(tree_, 1);
}

void BeforeAfterView::setUpdate(const UpdateOutcome& outcome, const QString& title) {
    model_->setUpdate(outcome);
    size_t shown = outcome.report.samples.size();
    size_t migrated = outcome.report.instancesMigrated;
    QString text = tr("<b>%1</b> — %n instance(s) migrated", nullptr, int(migrated)).arg(title);
    if (shown < migrated) text += tr(" (the first %1 shown)").arg(shown);
    header_->setText(text);
    if (model_->rowCount() > 0) {
        tree_->expand(model_->index(0, 0));
        tree_->resizeColumnToContents(BeforeAfterModel::Field);
        tree_->resizeColumnToContents(BeforeAfterModel::Change);
        tree_->setCurrentIndex(model_->index(0, 0));
    }
}

} // namespace molt::ide
