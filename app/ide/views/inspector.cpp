#include "app/ide/views/inspector.h"

#include "app/ide/constants.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace molt::ide {

namespace {

QWidget* titled(const QString& title, QWidget* content, QWidget* extra = nullptr) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title), box);
    row->addWidget(label, 1);
    if (extra) row->addWidget(extra);
    layout->addLayout(row);
    layout->addWidget(content, 1);
    return box;
}

QTableView* table(QAbstractItemModel* model) {
    auto* v = new QTableView;
    v->setModel(model);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    return v;
}

} // namespace

Inspector::Inspector(VmHost* host, QWidget* parent) : QWidget(parent), host_(host) {
    setObjectName(QStringLiteral("inspector"));
    classes_ = new ClassListModel(host, this);
    instances_ = new InstanceListModel(host, Constants::kInstancePageSize, this);
    objects_ = new ObjectTreeModel(host, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    tabs_ = new QTabWidget(this);
    layout->addWidget(tabs_);

    auto* live = new QSplitter(Qt::Horizontal);
    classProxy_ = new QSortFilterProxyModel(this);
    classProxy_->setSourceModel(classes_);
    classProxy_->setSortRole(Qt::DisplayRole);
    classView_ = table(classProxy_);
    classView_->setObjectName(QStringLiteral("classView"));
    classView_->setSortingEnabled(true);
    classView_->sortByColumn(ClassListModel::Module, Qt::AscendingOrder);
    classView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* refreshButton = new QToolButton;
    refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    refreshButton->setToolTip(tr("Take a new snapshot"));
    refreshButton->setAutoRaise(true);
    connect(refreshButton, &QToolButton::clicked, this, &Inspector::refresh);
    live->addWidget(titled(tr("Classes"), classView_, refreshButton));

    instanceView_ = table(instances_);
    instanceView_->setObjectName(QStringLiteral("instanceView"));
    instanceView_->horizontalHeader()->setSectionResizeMode(InstanceListModel::Identity,
                                                            QHeaderView::ResizeToContents);
    auto* pager = new QWidget;
    auto* pagerLayout = new QHBoxLayout(pager);
    pagerLayout->setContentsMargins(0, 0, 0, 0);
    prev_ = new QToolButton(pager);
    prev_->setArrowType(Qt::LeftArrow);
    prev_->setAutoRaise(true);
    prev_->setToolTip(tr("Previous page"));
    next_ = new QToolButton(pager);
    next_->setArrowType(Qt::RightArrow);
    next_->setAutoRaise(true);
    next_->setToolTip(tr("Next page"));
    pageLabel_ = new QLabel(pager);
    pagerLayout->addWidget(prev_);
    pagerLayout->addWidget(pageLabel_);
    pagerLayout->addWidget(next_);
    live->addWidget(titled(tr("Instances"), instanceView_, pager));

    objectView_ = new QTreeView;
    objectView_->setObjectName(QStringLiteral("objectView"));
    objectView_->setModel(objects_);
    objectView_->setUniformRowHeights(true);
    objectView_->setAlternatingRowColors(true);
    objectView_->header()->setSectionResizeMode(ObjectTreeModel::Name,
                                                QHeaderView::ResizeToContents);
    live->addWidget(titled(tr("Object"), objectView_));
    live->setStretchFactor(0, 2);
    live->setStretchFactor(1, 3);
    live->setStretchFactor(2, 3);
    // Double-click or F2 on a field's value edits it (ObjectTreeModel::setData).
    objectView_->setEditTriggers(QAbstractItemView::DoubleClicked |
                                 QAbstractItemView::EditKeyPressed);
    objectView_->setToolTip(tr("Double-click or F2 on a field's value to set it to an expression"));

    evaluator_ = new EvaluatorPane(host, [this] { return evaluationTarget(); });
    evaluator_->setUnavailable(host->evaluatorUnavailable());
    auto* liveAndEval = new QSplitter(Qt::Vertical);
    liveAndEval->addWidget(live);
    liveAndEval->addWidget(titled(tr("Evaluate"), evaluator_));
    liveAndEval->setStretchFactor(0, 3);
    liveAndEval->setStretchFactor(1, 1);
    tabs_->addTab(liveAndEval, tr("Live objects"));

    beforeAfter_ = new BeforeAfterView;
    tabs_->addTab(beforeAfter_, tr("Before / After"));

    connect(classView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                QModelIndex source = classProxy_->mapToSource(current);
                if (const ClassInfo* c = classes_->classAt(source.row()))
                    instances_->showClass(QString::fromStdString(c->module),
                                          QString::fromStdString(c->name));
            });
    connect(instanceView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (uint32_t id = instances_->identityAt(current.row()))
                    inspectObject(id,
                                  QStringLiteral("%1 #%2").arg(instances_->className()).arg(id));
            });
    connect(instances_, &InstanceListModel::pageLoaded, this, &Inspector::updatePager);
    connect(prev_, &QToolButton::clicked, this,
            [this] { instances_->setPage(instances_->page() - 1); });
    connect(next_, &QToolButton::clicked, this,
            [this] { instances_->setPage(instances_->page() + 1); });
    connect(objects_, &ObjectTreeModel::nodeFetched, this, [this](const QModelIndex& index) {
        if (index.isValid() && !index.parent().isValid()) objectView_->expand(index);
    });
    connect(evaluator_, &EvaluatorPane::inspectRequested, this, &Inspector::inspectObject);
    connect(objects_, &ObjectTreeModel::fieldEditRequested, this,
            [this](uint32_t owner, const QString& field, const QString& expression) {
                uint64_t request = EvaluatorPane::kFieldEditBit | nextEdit_++;
                pendingEdits_.insert(request, QStringLiteral("%1 = %2").arg(field, expression));
                host_->writeField(request, owner, field.toStdString(), expression.toStdString());
            });
    connect(host, &VmHost::evaluated, this, &Inspector::onEvaluated);
    timer_.setInterval(2000);
    connect(&timer_, &QTimer::timeout, this, [this] {
        if (isVisible()) classes_->refresh();
    });
    updatePager();
}

std::pair<uint32_t, QString> Inspector::evaluationTarget() const {
    QModelIndex at = objectView_->currentIndex();
    if (at.isValid()) {
        QModelIndex name = at.siblingAtColumn(ObjectTreeModel::Name);
        if (uint32_t id = name.data(ObjectTreeModel::IdentityRole).toUInt()) {
            QString label = name.data().toString();
            return {id,
                    name.parent().isValid() ? QStringLiteral("%1 #%2").arg(label).arg(id) : label};
        }
    }
    uint32_t root = objects_->rootIdentity();
    return {root, root ? objects_->index(0, 0).data().toString() : QString()};
}

void Inspector::onEvaluated(const EvalResult& result) {
    auto edit = pendingEdits_.find(result.request);
    if (edit == pendingEdits_.end()) return;
    QString what = *edit;
    pendingEdits_.erase(edit);
    if (!result.ok) {
        evaluator_->report(
            tr("%1: not written: %2").arg(what, QString::fromStdString(result.error)), true);
        return;
    }
    evaluator_->report(tr("%1 → %2").arg(what, QString::fromStdString(result.text)), false);
    objects_->refresh();
    instances_->refresh();
}

void Inspector::updatePager() {
    int pages = instances_->pageCount();
    if (instances_->className().isEmpty())
        pageLabel_->setText(tr("select a class"));
    else
        pageLabel_->setText(tr("%1 of %2 · %3 instances")
                                .arg(pages ? instances_->page() + 1 : 0)
                                .arg(pages)
                                .arg(instances_->total()));
    prev_->setEnabled(instances_->page() > 0);
    next_->setEnabled(instances_->page() + 1 < pages);
}

void Inspector::refresh() {
    classes_->refresh();
    instances_->refresh();
    objects_->refresh();
}

void Inspector::setAutoRefresh(bool on) {
    if (on)
        timer_.start();
    else
        timer_.stop();
}

void Inspector::selectClass(const QString& module, const QString& className) {
    int row = classes_->rowOf(module, className);
    if (row >= 0)
        classView_->setCurrentIndex(classProxy_->mapFromSource(classes_->index(row, 0)));
    else
        instances_->showClass(module, className);
}

void Inspector::inspectObject(uint32_t identity, const QString& label) {
    objects_->setRoot(identity, label);
}

void Inspector::showBeforeAfter(const UpdateOutcome& outcome, const QString& title) {
    beforeAfter_->setUpdate(outcome, title);
    tabs_->setCurrentWidget(beforeAfter_);
}

void Inspector::clear() {
    instances_->clear();
    objects_->setRoot(0);
}

} // namespace molt::ide
