#include "app/ide/views/inspectormodels.h"

#include "app/ide/qstrings.h"
#include "app/ide/views/theme.h"

#include <QBrush>
#include <QFont>
#include <set>

namespace molt::ide {

// ---------------------------------------------------------------- ClassListModel

ClassListModel::ClassListModel(VmHost* host, QObject* parent)
    : QAbstractTableModel(parent), host_(host) {
    connect(host_, &VmHost::classesReady, this, &ClassListModel::setClasses);
}

void ClassListModel::refresh() {
    host_->requestClasses();
}

void ClassListModel::setClasses(const std::vector<ClassInfo>& classes) {
    bool sameRows = classes.size() == classes_.size();
    for (size_t i = 0; sameRows && i < classes.size(); ++i)
        sameRows = classes[i].name == classes_[i].name && classes[i].module == classes_[i].module;
    if (sameRows) {
        classes_ = classes;
        if (!classes_.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        classes_ = classes;
        endResetModel();
    }
    Q_EMIT refreshed();
}

int ClassListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(classes_.size());
}
int ClassListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const ClassInfo* ClassListModel::classAt(int row) const {
    return row >= 0 && size_t(row) < classes_.size() ? &classes_[size_t(row)] : nullptr;
}

int ClassListModel::rowOf(const QString& module, const QString& className) const {
    for (size_t i = 0; i < classes_.size(); ++i)
        if (qs(classes_[i].module) == module && qs(classes_[i].name) == className) return int(i);
    return -1;
}

int ClassListModel::rowOfClass(const QString& className) const {
    for (size_t i = 0; i < classes_.size(); ++i)
        if (qs(classes_[i].name) == className) return int(i);
    return -1;
}

QVariant ClassListModel::data(const QModelIndex& index, int role) const {
    const ClassInfo* c = classAt(index.row());
    if (!c) return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return qs(c->name);
        case Module: return qs(c->module);
        case Instances: return qlonglong(c->instances);
        case Fields: {
            QStringList f;
            for (auto& s : c->fields)
                f << qs(s);
            return f.join(QStringLiteral(", "));
        }
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1 extends %2 — %3 live instances")
            .arg(qs(c->name), c->superclass.empty() ? tr("nothing") : qs(c->superclass))
            .arg(c->instances);
    case Qt::TextAlignmentRole:
        if (index.column() == Instances) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ModuleRole: return qs(c->module);
    case ClassNameRole: return qs(c->name);
    case CountRole: return qlonglong(c->instances);
    }
    return {};
}

QVariant ClassListModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Class");
    case Module: return tr("Module");
    case Instances: return tr("Instances");
    case Fields: return tr("Fields");
    }
    return {};
}

// ---------------------------------------------------------------- InstanceListModel

InstanceListModel::InstanceListModel(VmHost* host, int pageSize, QObject* parent)
    : QAbstractTableModel(parent), host_(host), pageSize_(pageSize) {
    connect(host_, &VmHost::instancesReady, this, &InstanceListModel::setPageData);
}

void InstanceListModel::showClass(const QString& module, const QString& className) {
    if (module != module_ || className != className_) {
        // Another class's rows must not stand under this one's name until its page arrives.
        beginResetModel();
        rows_.clear();
        total_ = matched_ = 0;
        error_.clear();
        endResetModel();
    }
    module_ = module;
    className_ = className;
    page_ = 0;
    query_.sortField.clear(); // another class's field
    query_.descending = false;
    refresh();
}

void InstanceListModel::setPage(int page) {
    page_ = std::clamp(page, 0, std::max(0, pageCount() - 1));
    refresh();
}

void InstanceListModel::setFilter(const QString& field, const QString& value, bool contains) {
    query_.whereField = field.toStdString();
    query_.whereValue = field.isEmpty() ? std::string() : value.toStdString();
    query_.contains = contains && !field.isEmpty();
    page_ = 0;
    refresh();
}

void InstanceListModel::setSort(const QString& field, bool descending) {
    query_.sortField = field.toStdString();
    query_.descending = descending;
    page_ = 0;
    refresh();
}

void InstanceListModel::refresh() {
    if (className_.isEmpty()) return;
    query_.module = module_.toStdString();
    query_.className = className_.toStdString();
    query_.page = page_;
    query_.pageSize = pageSize_;
    host_->requestInstances(query_);
}

void InstanceListModel::clear() {
    beginResetModel();
    module_.clear();
    className_.clear();
    rows_.clear();
    total_ = matched_ = 0;
    error_.clear();
    page_ = 0;
    endResetModel();
    Q_EMIT pageLoaded();
}

int InstanceListModel::pageCount() const {
    return int((matched_ + pageSize_ - 1) / pageSize_);
}

uint32_t InstanceListModel::identityAt(int row) const {
    return row >= 0 && size_t(row) < rows_.size() ? rows_[size_t(row)].identity : 0;
}

void InstanceListModel::setPageData(const InstancePage& page) {
    if (qs(page.module) != module_ || qs(page.className) != className_ || page.page != page_ ||
        !(page.query == query_))
        return; // an answer to an earlier question
    beginResetModel();
    rows_ = page.rows;
    total_ = page.total;
    matched_ = page.matched;
    error_ = qs(page.error);
    endResetModel();
    Q_EMIT pageLoaded();
}

int InstanceListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}
int InstanceListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InstanceListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || size_t(index.row()) >= rows_.size()) return {};
    const InstanceRow& r = rows_[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == Identity ? QVariant(QStringLiteral("#%1").arg(r.identity))
                                          : QVariant(qs(r.summary));
    if (role == IdentityRole) return r.identity;
    return {};
}

QVariant InstanceListModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == Identity ? tr("Identity") : tr("Instance");
}

// ---------------------------------------------------------------- ObjectTreeModel

struct ObjectTreeModel::Node {
    QString name, value, type;
    uint32_t identity = 0;
    bool expandable = false;
    bool fetched = false, requested = false;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    int row() const {
        if (!parent) return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this) return int(i);
        return 0;
    }
};

ObjectTreeModel::ObjectTreeModel(VmHost* host, QObject* parent)
    : QAbstractItemModel(parent), host_(host), root_(std::make_unique<Node>()) {
    connect(host_, &VmHost::objectReady, this, &ObjectTreeModel::onObject);
}

ObjectTreeModel::~ObjectTreeModel() = default;

void ObjectTreeModel::setRoot(uint32_t identity, const QString& label) {
    beginResetModel();
    pending_.clear();
    root_ = std::make_unique<Node>();
    root_->fetched = true;
    rootIdentity_ = identity;
    if (identity) {
        auto top = std::make_unique<Node>();
        top->name = label.isEmpty() ? QStringLiteral("#%1").arg(identity) : label;
        top->identity = identity;
        top->expandable = true;
        top->parent = root_.get();
        root_->children.push_back(std::move(top));
    }
    endResetModel();
    if (identity) fetchMore(index(0, 0));
}

void ObjectTreeModel::refresh() {
    if (!rootIdentity_) return;
    QString label = root_->children.empty() ? QString() : root_->children[0]->name;
    setRoot(rootIdentity_, label);
}

ObjectTreeModel::Node* ObjectTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

QModelIndex ObjectTreeModel::indexOf(Node* node, int column) const {
    if (!node || node == root_.get()) return {};
    return createIndex(node->row(), column, node);
}

QModelIndex ObjectTreeModel::index(int row, int column, const QModelIndex& parent) const {
    Node* p = nodeOf(parent);
    if (row < 0 || size_t(row) >= p->children.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ObjectTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    return indexOf(nodeOf(child)->parent);
}

int ObjectTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) return 0;
    return int(nodeOf(parent)->children.size());
}

int ObjectTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool ObjectTreeModel::hasChildren(const QModelIndex& parent) const {
    Node* n = nodeOf(parent);
    return n == root_.get() ? !n->children.empty()
                            : (n->expandable && (!n->fetched || !n->children.empty()));
}

bool ObjectTreeModel::canFetchMore(const QModelIndex& parent) const {
    Node* n = nodeOf(parent);
    return n != root_.get() && n->expandable && !n->fetched && !n->requested;
}

void ObjectTreeModel::fetchMore(const QModelIndex& parent) {
    Node* n = nodeOf(parent);
    if (n == root_.get() || !n->expandable || n->fetched || n->requested) return;
    n->requested = true;
    pending_[n->identity].append(n);
    host_->requestObject(n->identity);
}

void ObjectTreeModel::onObject(const ObjectFields& object) {
    QList<Node*> waiting = pending_.take(object.identity);
    for (Node* n : waiting) {
        QModelIndex at = indexOf(n);
        n->fetched = true;
        if (!object.found) {
            n->value = tr("(gone: collected)");
            n->expandable = false;
            Q_EMIT dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
            continue;
        }
        if (n->parent == root_.get()) {
            n->value = qs(object.summary);
            n->type = qs(object.type);
            Q_EMIT dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
        }
        size_t count = object.fields.size() + (object.omitted ? 1 : 0);
        if (count) {
            beginInsertRows(at, 0, int(count) - 1);
            for (const FieldInfo& f : object.fields) {
                auto c = std::make_unique<Node>();
                c->name = qs(f.name);
                c->value = qs(f.value);
                c->type = qs(f.type);
                c->identity = f.identity;
                c->expandable = f.expandable;
                c->fetched = !f.expandable;
                c->parent = n;
                n->children.push_back(std::move(c));
            }
            if (object.omitted) {
                auto c = std::make_unique<Node>();
                c->name = QStringLiteral("…");
                c->value = tr("%n more not shown", nullptr, int(object.omitted));
                c->fetched = true;
                c->parent = n;
                n->children.push_back(std::move(c));
            }
            endInsertRows();
        }
        Q_EMIT nodeFetched(at);
    }
}

QVariant ObjectTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    Node* n = nodeOf(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name: return n->name;
        case Value: return n->value;
        case Type: return n->type;
        }
    }
    if (role == Qt::EditRole && index.column() == Value) return n->value;
    if (role == IdentityRole) return n->identity;
    if (role == Qt::FontRole && index.column() == Name && n->parent == root_.get()) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

Qt::ItemFlags ObjectTreeModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (!index.isValid() || index.column() != Value) return f;
    Node* n = nodeOf(index);
    // A field: a row under an object (not the inspected object itself, not "… more").
    bool field = n->parent && n->parent != root_.get() && n->parent->identity &&
                 n->name != QStringLiteral("…");
    return field ? f | Qt::ItemIsEditable : f;
}

bool ObjectTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    QString expression = value.toString().trimmed();
    Node* n = nodeOf(index);
    if (expression.isEmpty() || expression == n->value) return false; // nothing changed
    Q_EMIT fieldEditRequested(n->parent->identity, n->name, expression);
    return false; // shown once the host wrote it and the object is fetched again
}

QVariant ObjectTreeModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Field");
    case Value: return tr("Value");
    case Type: return tr("Type");
    }
    return {};
}

// ---------------------------------------------------------------- BeforeAfterModel

BeforeAfterModel::BeforeAfterModel(QObject* parent) : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("After"), tr("Change")});
}

void BeforeAfterModel::setUpdate(const UpdateOutcome& outcome) {
    removeRows(0, rowCount());
    migrated_ = outcome.report.instancesMigrated;
    const UiColors& colors = uiColors();
    // Field renames of the update: new class -> (new name -> old name).
    std::map<std::string, std::map<std::string, std::string>> renamedFrom;
    for (const dsu::Change& c : outcome.changes.changes)
        if (c.kind == dsu::ChangeKind::FieldRenamed) renamedFrom[c.className][c.name] = c.oldName;
    auto mark = [&](QList<QStandardItem*>& row, const QString& change, const QColor& color) {
        row[Change]->setText(change);
        row[Change]->setData(change, ChangeRole);
        if (color.isValid())
            for (QStandardItem* item : row)
                item->setForeground(color);
    };
    // Each instance's field rows are built before the instance's row joins the model: one
    // notification per instance, not per field.
    for (const dsu::MigratedInstance& m : outcome.report.samples) {
        QString title =
            m.oldClass == m.newClass
                ? QStringLiteral("%1 #%2").arg(qs(m.newClass)).arg(m.identity)
                : QStringLiteral("%1 → %2 #%3").arg(qs(m.oldClass), qs(m.newClass)).arg(m.identity);
        QList<QStandardItem*> top{new QStandardItem(title), new QStandardItem, new QStandardItem,
                                  new QStandardItem};
        top[Field]->setData(m.identity, IdentityRole);
        QFont bold;
        bold.setBold(true);
        top[Field]->setFont(bold);
        std::map<std::string, std::string> before(m.before.begin(), m.before.end());
        std::set<std::string> consumed;
        auto& renames = renamedFrom[m.newClass];
        int changedFields = 0;
        for (auto& [name, value] : m.after) {
            QList<QStandardItem*> row{new QStandardItem(qs(name)), new QStandardItem,
                                      new QStandardItem(qs(value)), new QStandardItem};
            auto renamed = renames.find(name);
            if (renamed != renames.end() && before.count(renamed->second)) {
                row[Before]->setText(qs(before[renamed->second]));
                consumed.insert(renamed->second);
                mark(row, tr("renamed from %1").arg(qs(renamed->second)), colors.renamed);
                ++changedFields;
            } else if (auto b = before.find(name); b != before.end()) {
                row[Before]->setText(qs(b->second));
                consumed.insert(name);
                if (b->second == value)
                    mark(row, tr("unchanged"), QColor());
                else {
                    mark(row, tr("changed"), colors.changed);
                    ++changedFields;
                }
            } else {
                mark(row, tr("added"), colors.added);
                ++changedFields;
            }
            top[Field]->appendRow(row);
        }
        for (auto& [name, value] : m.before) {
            if (consumed.count(name)) continue;
            QList<QStandardItem*> row{new QStandardItem(qs(name)), new QStandardItem(qs(value)),
                                      new QStandardItem, new QStandardItem};
            mark(row, tr("removed"), colors.removed);
            top[Field]->appendRow(row);
            ++changedFields;
        }
        top[Change]->setText(tr("%n field(s) changed", nullptr, changedFields));
        appendRow(top);
    }
}

} // namespace molt::ide
