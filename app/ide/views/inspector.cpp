#include "app/ide/views/inspector.h"

#include "app/ide/constants.h"
#include "app/ide/qstrings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
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
    classProxy_->setFilterKeyColumn(ClassListModel::Name);
    classProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
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
    sortBy_ = new QComboBox(pager);
    sortBy_->setObjectName(QStringLiteral("sortBy"));
    sortBy_->setToolTip(tr("Sort the instances by a field: numbers, then strings, booleans, "
                           "objects, null, undefined; equal values in identity order"));
    sortBy_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    descending_ = new QToolButton(pager);
    descending_->setCheckable(true);
    descending_->setAutoRaise(true);
    descending_->setArrowType(Qt::UpArrow);
    descending_->setToolTip(tr("Ascending (click for descending)"));
    pagerLayout->addWidget(new QLabel(tr("Sort by"), pager));
    pagerLayout->addWidget(sortBy_);
    pagerLayout->addWidget(descending_);
    pagerLayout->addSpacing(8);
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
    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("inspectorFilter"));
    filter_->setClearButtonEnabled(true);
    filter_->setPlaceholderText(tr("Filter: a class name, and/or field=value (exact) or "
                                   "field:value (contains) for the instances — Product price=3"));
    auto* liveTab = new QWidget;
    auto* liveLayout = new QVBoxLayout(liveTab);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->setSpacing(2);
    liveLayout->addWidget(filter_);
    liveLayout->addWidget(liveAndEval, 1);
    tabs_->addTab(liveTab, tr("Live objects"));
    // Typing waits for a pause: each query walks the heap once.
    filterTimer_.setSingleShot(true);
    filterTimer_.setInterval(250);
    connect(filter_, &QLineEdit::textChanged, this, [this] { filterTimer_.start(); });
    connect(&filterTimer_, &QTimer::timeout, this, &Inspector::applyFilter);
    connect(filter_, &QLineEdit::returnPressed, this, &Inspector::applyFilter);
    connect(sortBy_, &QComboBox::activated, this, &Inspector::applySort);
    connect(descending_, &QToolButton::toggled, this, [this](bool on) {
        descending_->setArrowType(on ? Qt::DownArrow : Qt::UpArrow);
        descending_->setToolTip(on ? tr("Descending (click for ascending)")
                                   : tr("Ascending (click for descending)"));
        applySort();
    });

    beforeAfter_ = new BeforeAfterView;
    tabs_->addTab(beforeAfter_, tr("Before / After"));
    references_ = new ReferencesView;
    tabs_->addTab(references_, tr("References"));
    connect(references_, &ReferencesView::siteActivated, this, &Inspector::referenceActivated);
    connect(references_, &ReferencesView::objectActivated, this,
            [this](uint32_t id, const QString& label) {
                inspectObject(id, label);
                tabs_->setCurrentIndex(0);
            });
    for (QAbstractItemView* view :
         std::initializer_list<QAbstractItemView*>{classView_, instanceView_, objectView_}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& at) {
            std::unique_ptr<QMenu> menu(contextMenu(view, view->indexAt(at)));
            if (menu) menu->exec(view->viewport()->mapToGlobal(at));
        });
    }

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
    connect(host, &VmHost::referrersReady, this, [this](const ReferrerList& list) {
        if (referrersOf_.isEmpty()) return;
        references_->setReferrers(referrersOf_, list);
        tabs_->setCurrentWidget(references_);
    });
    connect(objects_, &ObjectTreeModel::fieldEditRequested, this,
            [this](uint32_t owner, const QString& field, const QString& expression) {
                uint64_t request = EvaluatorPane::kFieldEditBit | nextEdit_++;
                pendingEdits_.insert(request, QStringLiteral("%1 = %2").arg(field, expression));
                evaluator_->noteFieldEdit(request);
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

QString Inspector::expressionOf(const QModelIndex& index) const {
    static const QRegularExpression identifier(QStringLiteral("^#?[A-Za-z_$][A-Za-z0-9_$]*$"));
    static const QRegularExpression element(QStringLiteral("^\\[\\d+\\]$"));
    QStringList steps;
    for (QModelIndex at = index.siblingAtColumn(ObjectTreeModel::Name); at.parent().isValid();
         at = at.parent()) {
        QString name = at.data().toString();
        QString owner = at.parent().siblingAtColumn(ObjectTreeModel::Type).data().toString();
        if (owner == QLatin1String("Map"))
            steps.prepend(QStringLiteral(".get(%1)").arg(name)); // keys are shown as literals
        else if (owner == QLatin1String("Set"))
            return {};
        else if (element.match(name).hasMatch())
            steps.prepend(name);
        else if (identifier.match(name).hasMatch())
            steps.prepend(QLatin1Char('.') + name);
        else if (name.contains(QLatin1Char(' ')) || name.startsWith(QLatin1Char('(')))
            return {}; // "static x", "(superclass)", "…"
        else {
            QString quoted = name;
            quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
            steps.prepend(QStringLiteral("[\"%1\"]").arg(quoted));
        }
    }
    return QStringLiteral("this") + steps.join(QString());
}

QMenu* Inspector::contextMenu(QAbstractItemView* view, const QModelIndex& index) {
    if (!index.isValid()) return nullptr;
    auto* menu = new QMenu(this);
    auto add = [menu](const QString& text, const char* name, auto&& slot) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, menu, slot);
        return a;
    };
    auto copy = [](const QString& text) { QApplication::clipboard()->setText(text); };
    if (view == classView_) {
        const ClassInfo* c = classes_->classAt(classProxy_->mapToSource(index).row());
        if (!c) return delete menu, nullptr;
        QString name = qs(c->name);
        add(tr("Find References to %1").arg(name), "findReferencesAction",
            [this, name] { Q_EMIT findReferencesRequested(name, {}); });
        add(tr("Copy Name"), "copyValueAction", [copy, name] { copy(name); });
    } else if (view == instanceView_) {
        uint32_t id = instances_->identityAt(index.row());
        if (!id) return delete menu, nullptr;
        QString name = instances_->className();
        QString summary = index.siblingAtColumn(InstanceListModel::Summary).data().toString();
        add(tr("Inspect %1 #%2").arg(name).arg(id), "inspectAction",
            [this, id, name] { inspectObject(id, QStringLiteral("%1 #%2").arg(name).arg(id)); });
        add(tr("Copy Value"), "copyValueAction", [copy, summary] { copy(summary); });
        menu->addSeparator();
        add(tr("Find References to %1").arg(name), "findReferencesAction",
            [this, name] { Q_EMIT findReferencesRequested(name, {}); });
        QString label = QStringLiteral("%1 #%2").arg(name).arg(id);
        add(tr("Find Objects That Reference %1").arg(label), "findReferrersAction",
            [this, id, label] {
                referrersOf_ = label;
                host_->requestReferrers(id);
            });
    } else if (view == objectView_) {
        QModelIndex nameAt = index.siblingAtColumn(ObjectTreeModel::Name);
        QString name = nameAt.data().toString();
        QString value = index.siblingAtColumn(ObjectTreeModel::Value).data().toString();
        QString type = index.siblingAtColumn(ObjectTreeModel::Type).data().toString();
        uint32_t id = nameAt.data(ObjectTreeModel::IdentityRole).toUInt();
        if (name == QStringLiteral("…")) return delete menu, nullptr;
        if (id && nameAt.parent().isValid())
            add(tr("Inspect %1").arg(name), "inspectAction", [this, id, name, type] {
                inspectObject(id,
                              QStringLiteral("%1 #%2").arg(type.isEmpty() ? name : type).arg(id));
            });
        add(tr("Copy Value"), "copyValueAction", [copy, value] { copy(value); });
        QString expression = expressionOf(index);
        if (!expression.isEmpty())
            add(tr("Copy as Expression (%1)").arg(expression), "copyExpressionAction",
                [copy, expression] { copy(expression); });
        // A field of an instance of one of the project's classes: its uses in the source.
        QModelIndex owner = nameAt.parent();
        QString ownerClass = owner.siblingAtColumn(ObjectTreeModel::Type).data().toString();
        bool field = owner.isValid() && owner.data(ObjectTreeModel::IdentityRole).toUInt() &&
                     classes_->rowOfClass(ownerClass) >= 0 && !name.contains(QLatin1Char(' ')) &&
                     !name.startsWith(QLatin1Char('['));
        if (field || (!owner.isValid() && classes_->rowOfClass(type) >= 0)) menu->addSeparator();
        if (field)
            add(tr("Find References to %1.%2").arg(ownerClass, name), "findReferencesAction",
                [this, ownerClass, name] { Q_EMIT findReferencesRequested(ownerClass, name); });
        else if (!owner.isValid() && classes_->rowOfClass(type) >= 0)
            add(tr("Find References to %1").arg(type), "findReferencesAction",
                [this, type] { Q_EMIT findReferencesRequested(type, {}); });
        if (id) {
            QString label = nameAt.parent().isValid()
                                ? QStringLiteral("%1 #%2").arg(type.isEmpty() ? name : type).arg(id)
                                : name;
            add(tr("Find Objects That Reference %1").arg(label), "findReferrersAction",
                [this, id, label] {
                    referrersOf_ = label;
                    host_->requestReferrers(id);
                });
        }
    } else {
        return delete menu, nullptr;
    }
    return menu;
}

void Inspector::showReferences(const QString& subject, const dsu::References& references) {
    references_->setReferences(subject, references);
    tabs_->setCurrentWidget(references_);
}

void Inspector::onEvaluated(const EvalResult& result) {
    auto edit = pendingEdits_.find(result.request);
    if (edit == pendingEdits_.end()) return;
    if (result.interim) { // a refused cancel: the edit still runs
        evaluator_->report(tr("%1: %2").arg(*edit, QString::fromStdString(result.error)), true);
        return;
    }
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

void Inspector::fillSortFields(const ClassInfo* c) {
    sortClass_ = c ? qs(c->module + "/" + c->name) : QString();
    sortBy_->clear();
    if (!c) return;
    sortBy_->addItem(tr("identity"), QString());
    for (const std::string& f : c->fields)
        sortBy_->addItem(qs(f), qs(f));
    descending_->blockSignals(true);
    descending_->setChecked(false);
    descending_->setArrowType(Qt::UpArrow);
    descending_->blockSignals(false);
}

void Inspector::applySort() {
    instances_->setSort(sortBy_->currentData().toString(), descending_->isChecked());
}

void Inspector::applyFilter() {
    filterTimer_.stop();
    // "[class] field=value" or "[class] field:value"; the value runs to the end.
    static const QRegularExpression query(
        QStringLiteral("^(.*?)\\s*(#?[A-Za-z_$][A-Za-z0-9_$]*)\\s*([=:])\\s*(.*)$"));
    QString text = filter_->text().trimmed();
    QString className = text, field, value;
    bool contains = false;
    if (auto m = query.match(text); m.hasMatch()) {
        className = m.captured(1).trimmed();
        field = m.captured(2);
        contains = m.captured(3) == QLatin1String(":");
        value = m.captured(4).trimmed();
        bool quoted = value.size() >= 2 &&
                      (value.front() == QLatin1Char('\'') || value.front() == QLatin1Char('"')) &&
                      value.back() == value.front();
        if (quoted) value = value.mid(1, value.size() - 2);
    }
    classProxy_->setFilterFixedString(className);
    // A class filter that hid the selected class selects the first one it keeps.
    if (!classView_->currentIndex().isValid() && classProxy_->rowCount() > 0)
        classView_->setCurrentIndex(classProxy_->index(0, 0));
    const InstanceQuery& now = instances_->query();
    if (now.whereField != field.toStdString() || now.whereValue != value.toStdString() ||
        now.contains != contains)
        instances_->setFilter(field, value, contains);
}

void Inspector::updatePager() {
    // Another class's instances (however it was chosen): its fields to sort by, unsorted.
    QString module = qs(instances_->query().module), className = instances_->className();
    QString listed = className.isEmpty() ? QString() : module + QLatin1Char('/') + className;
    if (listed != sortClass_ || sortBy_->count() == 0)
        fillSortFields(listed.isEmpty() ? nullptr
                                        : classes_->classAt(classes_->rowOf(module, className)));
    int pages = instances_->pageCount();
    long shown = instances_->rowCount();
    QString page = tr("%1 of %2").arg(pages ? instances_->page() + 1 : 0).arg(pages);
    const InstanceQuery& q = instances_->query();
    if (instances_->className().isEmpty())
        pageLabel_->setText(tr("select a class"));
    else if (!instances_->error().isEmpty())
        pageLabel_->setText(instances_->error());
    else if (!q.whereField.empty())
        pageLabel_->setText(tr("%1 · showing %2 of %3 matching %4%5%6 (%7 instances)")
                                .arg(page)
                                .arg(shown)
                                .arg(instances_->matched())
                                .arg(qs(q.whereField),
                                     q.contains ? QStringLiteral(":") : QStringLiteral("="),
                                     qs(q.whereValue))
                                .arg(instances_->total()));
    else
        pageLabel_->setText(
            tr("%1 · showing %2 of %3 instances").arg(page).arg(shown).arg(instances_->total()));
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
