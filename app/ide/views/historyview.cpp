#include "app/ide/views/historyview.h"

#include "app/ide/views/editorseam.h"
#include "app/ide/views/theme.h"
#include "editor/qsci.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace molt::ide {

QString describeReport(const dsu::UpdateReport& r) {
    auto ms = [](double v) { return QString::number(v, 'f', v < 10 ? 2 : 1); };
    if (!r.committed())
        return QObject::tr("Rolled back: %1").arg(QString::fromStdString(r.rollbackReason));
    return QObject::tr("Committed in %1 ms — pause %2 ms, %n instance(s) migrated.\n"
                       "prepare %3 · migrate %4 · validate %5 · wait %6 ms",
                       nullptr, int(r.instancesMigrated))
        .arg(ms(r.totalMs), ms(r.pauseMs), ms(r.prepareMs), ms(r.migrateMs), ms(r.validateMs),
             ms(r.waitMs));
}

HistoryView::HistoryView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* split = new QSplitter(Qt::Horizontal, this);
    list_ = new QListWidget(split);
    list_->setObjectName(QStringLiteral("historyList"));
    list_->setMinimumWidth(220);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    summary_ = new QLabel(tr("No updates yet."), right);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(summary_, 1);
    beforeAfter_ = new QPushButton(tr("Before/After"), right);
    beforeAfter_->setToolTip(tr("Show this update's migrated instances in the inspector"));
    revert_ = new QPushButton(tr("Revert This Update…"), right);
    revert_->setObjectName(QStringLiteral("revertButton"));
    revert_->setToolTip(tr("A new update that takes this update's edit back out of the source "
                           "as it is now; later updates stay (reviewed in the Patch panel)"));
    revertTo_ = new QPushButton(tr("Revert to Before…"), right);
    revertTo_->setObjectName(QStringLiteral("revertToButton"));
    top->addWidget(beforeAfter_, 0, Qt::AlignTop);
    top->addWidget(revert_, 0, Qt::AlignTop);
    top->addWidget(revertTo_, 0, Qt::AlignTop);
    rightLayout->addLayout(top);
    tabs_ = new QTabWidget(right);
    json_ = createTextView(tabs_, ViewLanguage::Json);
    json_->setObjectName(QStringLiteral("historyReport"));
    script_ = createTextView(tabs_, ViewLanguage::JavaScript);
    script_->setObjectName(QStringLiteral("historyScript"));
    tabs_->addTab(json_, tr("Report"));
    tabs_->addTab(script_, tr("Patch script"));
    rightLayout->addWidget(tabs_, 1);
    split->addWidget(list_);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    revert_->setEnabled(false);
    revertTo_->setEnabled(false);
    beforeAfter_->setEnabled(false);

    connect(list_, &QListWidget::currentRowChanged, this, &HistoryView::showEntry);
    connect(revert_, &QPushButton::clicked, this, [this] {
        if (int n = selectedNumber()) Q_EMIT revertRequested(n);
    });
    connect(revertTo_, &QPushButton::clicked, this, [this] {
        if (int n = selectedNumber()) Q_EMIT revertToRequested(n);
    });
    connect(beforeAfter_, &QPushButton::clicked, this, [this] {
        if (int n = selectedNumber()) Q_EMIT beforeAfterRequested(n);
    });
}

int HistoryView::addUpdate(const UpdateOutcome& outcome, const QString& title) {
    HistoryEntry e;
    e.number = entries_.size() + 1;
    e.time = QDateTime::currentDateTime();
    e.title = title;
    e.outcome = outcome;
    entries_.append(e);
    addItem(e);
    Q_EMIT entryAdded(e.number);
    return e.number;
}

void HistoryView::setEntries(const QList<HistoryEntry>& entries) {
    entries_ = entries;
    list_->clear();
    for (const HistoryEntry& e : entries_)
        addItem(e);
    if (entries_.isEmpty()) {
        summary_->setText(tr("No updates yet."));
        setViewText(json_, {});
        setViewText(script_, {});
        revert_->setEnabled(false);
        revertTo_->setEnabled(false);
        beforeAfter_->setEnabled(false);
    }
}

QList<int> HistoryView::committedAfter(int number) const {
    QList<int> out;
    for (const HistoryEntry& e : entries_)
        if (e.number > number && e.outcome.report.committed()) out.append(e.number);
    return out;
}

void HistoryView::addItem(const HistoryEntry& e) {
    const dsu::UpdateReport& r = e.outcome.report;
    QString line =
        QStringLiteral("#%1  %2  %3\n%4")
            .arg(e.number)
            .arg(e.time.toString(QStringLiteral("HH:mm:ss")), e.title,
                 r.committed() ? tr("committed · %n migrated", nullptr, int(r.instancesMigrated)) +
                                     tr(" · pause %1 ms").arg(r.pauseMs, 0, 'f', 2)
                               : tr("rolled back"));
    if (e.earlierSession)
        line = QStringLiteral("#%1  %2  %3\n%4")
                   .arg(e.number)
                   .arg(e.time.toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.title,
                        tr("earlier session · ") + line.section(QLatin1Char('\n'), 1));
    auto* item = new QListWidgetItem(line, list_);
    item->setData(Qt::UserRole, e.number);
    if (!r.committed())
        item->setForeground(uiColors().removed);
    else if (e.earlierSession)
        item->setForeground(list_->palette().color(QPalette::Disabled, QPalette::Text));
    if (e.earlierSession)
        item->setToolTip(tr("Applied in an earlier session of the IDE, to a program that has "
                            "ended: it cannot be reverted"));
    list_->setCurrentItem(item);
}

const HistoryEntry* HistoryView::entry(int number) const {
    return number >= 1 && number <= entries_.size() ? &entries_[number - 1] : nullptr;
}

void HistoryView::select(int number) {
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->data(Qt::UserRole).toInt() == number) list_->setCurrentRow(i);
}

int HistoryView::selectedNumber() const {
    QListWidgetItem* item = list_->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : 0;
}

void HistoryView::showEntry(int row) {
    const HistoryEntry* e =
        row >= 0 ? entry(list_->item(row)->data(Qt::UserRole).toInt()) : nullptr;
    if (!e) return;
    summary_->setText(
        QStringLiteral("<b>#%1 %2</b><br>%3%4")
            .arg(e->number)
            .arg(e->title.toHtmlEscaped(),
                 describeReport(e->outcome.report).toHtmlEscaped().replace("\n", "<br>"),
                 e->earlierSession
                     ? tr("<br><i>From an earlier session (%1): Revert is offered only for "
                          "updates applied to the running program.</i>")
                           .arg(e->time.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                     : QString()));
    setViewText(json_, QString::fromStdString(e->outcome.report.toJson()));
    QString script = QString::fromStdString(e->outcome.script);
    if (!e->outcome.userPatch.empty())
        script += QStringLiteral("\n// ---- your edits, run after the generated patch\n") +
                  QString::fromStdString(e->outcome.userPatch);
    setViewText(script_, script);
    bool committed = e->outcome.report.committed();
    QList<int> later = committedAfter(e->number);
    revert_->setEnabled(committed && !e->earlierSession);
    // For the latest update both reverts are the same one.
    revertTo_->setEnabled(committed && !e->earlierSession && !later.isEmpty());
    revertTo_->setToolTip(
        later.isEmpty() ? QString()
        : later.size() == 1
            ? tr("Back to the source before #%1: also reverts 1 later update").arg(e->number)
            : tr("Back to the source before #%1: also reverts %2 later updates")
                  .arg(e->number)
                  .arg(later.size()));
    beforeAfter_->setEnabled(committed);
}

void HistoryView::setEditorAppearance(bool dark, int pointSize) {
    molt::ide::setEditorAppearance(json_, dark, pointSize);
    molt::ide::setEditorAppearance(script_, dark, pointSize);
}

} // namespace molt::ide
