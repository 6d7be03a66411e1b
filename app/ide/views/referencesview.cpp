#include "app/ide/views/referencesview.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace molt::ide {

ReferencesView::ReferencesView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("referencesView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    title_ = new QLabel(tr("Find References on a class, an instance or a field (right-click in "
                           "Live objects)"),
                        this);
    title_->setWordWrap(true);
    layout->addWidget(title_);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("referencesList"));
    list_->setToolTip(tr("Click a reference to open it in the editor"));
    layout->addWidget(list_, 1);
    auto open = [this](QListWidgetItem* item) {
        if (!item) return;
        if (uint32_t id = item->data(IdentityRole).toUInt()) {
            Q_EMIT objectActivated(id, item->data(Qt::UserRole).toString());
            return;
        }
        if (item->data(ModuleRole).toString().isEmpty()) return;
        Q_EMIT siteActivated(item->data(ModuleRole).toString(), item->data(LineRole).toInt(),
                             item->data(ColumnRole).toInt());
    };
    connect(list_, &QListWidget::itemClicked, this, open);
    connect(list_, &QListWidget::itemActivated, this, open);
}

void ReferencesView::setReferences(const QString& subject, const dsu::References& references) {
    list_->clear();
    if (!references.error.empty()) {
        title_->setText(tr("References to %1: %2")
                            .arg(subject, QString::fromStdString(references.error).trimmed()));
        return;
    }
    int unsure = 0;
    for (const dsu::SourceSite& s : references.sites) {
        QString where = QStringLiteral("%1:%2:%3")
                            .arg(QString::fromStdString(s.at.path))
                            .arg(s.at.line)
                            .arg(s.at.column);
        auto* item =
            new QListWidgetItem(QStringLiteral("%1%2    %3")
                                    .arg(where, s.ambiguous ? tr(" (may be another's)") : QString(),
                                         QString::fromStdString(s.lineText).trimmed()),
                                list_);
        item->setData(ModuleRole, QString::fromStdString(s.at.path));
        item->setData(LineRole, int(s.at.line));
        item->setData(ColumnRole, int(s.at.column));
        if (s.ambiguous) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            ++unsure;
        }
    }
    int n = int(references.sites.size());
    title_->setText(unsure ? tr("References to %1: %2 (%3 may belong to another class, a record or "
                                "a built-in)")
                                 .arg(subject)
                                 .arg(n)
                                 .arg(unsure)
                           : tr("References to %1: %2").arg(subject).arg(n));
}

void ReferencesView::setReferrers(const QString& subject, const inspect::ReferrerList& referrers) {
    list_->clear();
    if (!referrers.found) {
        title_->setText(tr("Objects that reference %1: it is gone (collected)").arg(subject));
        return;
    }
    for (const inspect::Referrer& r : referrers.rows) {
        QString label =
            QStringLiteral("%1 #%2").arg(QString::fromStdString(r.type)).arg(r.identity);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 · %2    %3")
                .arg(label, QString::fromStdString(r.via), QString::fromStdString(r.summary)),
            list_);
        item->setData(IdentityRole, r.identity);
        item->setData(Qt::UserRole, label);
    }
    long shown = long(referrers.rows.size());
    title_->setText(shown < referrers.total
                        ? tr("Objects that reference %1: showing %2 of %3 (click one to "
                             "inspect it; stacks and globals are not listed)")
                              .arg(subject)
                              .arg(shown)
                              .arg(referrers.total)
                        : tr("Objects that reference %1: %2 (click one to inspect it; stacks "
                             "and globals are not listed)")
                              .arg(subject)
                              .arg(shown));
}

} // namespace molt::ide
