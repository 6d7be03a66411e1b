#include "editor/outlinemodel.h"

#include <QHash>

namespace molt::editor {

namespace {

// Same definitions in the same order, whatever their lines.
bool sameShape(const QList<OutlineItem>& a, const QList<OutlineItem>& b) {
    if (a.size() != b.size()) return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].name != b[i].name || a[i].isStatic != b[i].isStatic ||
            !sameShape(a[i].children, b[i].children))
            return false;
    }
    return true;
}

// Same definitions at the same lines.
bool sameItems(const QList<OutlineItem>& a, const QList<OutlineItem>& b) {
    if (!sameShape(a, b)) return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].line != b[i].line || !sameItems(a[i].children, b[i].children)) return false;
    return true;
}

} // namespace

OutlineModel::OutlineModel(QObject* parent) : QAbstractItemModel(parent) {}

QString OutlineModel::kindName(SymbolKind kind) {
    switch (kind) {
    case SymbolKind::Class: return QStringLiteral("class");
    case SymbolKind::Method: return QStringLiteral("method");
    case SymbolKind::Field: return QStringLiteral("field");
    case SymbolKind::Function: return QStringLiteral("function");
    }
    return {};
}

QList<OutlineItem> OutlineModel::fromDefinitions(const std::vector<Internal::Definition>& defs) {
    QList<OutlineItem> out;
    QHash<uint32_t, qsizetype> classRow; // class node start byte -> row in `out`
    for (const Internal::Definition& d : defs) {
        OutlineItem item{d.kind, QString::fromStdString(d.name), int(d.row) + 1, d.isStatic, {}};
        switch (d.kind) {
        case SymbolKind::Class:
            classRow.insert(d.classStart, out.size());
            out.push_back(std::move(item));
            break;
        case SymbolKind::Method:
        case SymbolKind::Field:
            // Members come after their class in source order, except a field assigned in a
            // method of a class nested in an expression we did not list: drop those.
            if (auto it = classRow.constFind(d.classStart); it != classRow.constEnd())
                out[*it].children.push_back(std::move(item));
            break;
        case SymbolKind::Function:
            if (d.topLevel) out.push_back(std::move(item));
            break;
        }
    }
    return out;
}

void OutlineModel::setItems(QList<OutlineItem> items) {
    if (sameItems(items, items_)) return;
    if (!sameShape(items, items_)) {
        beginResetModel();
        items_ = std::move(items);
        endResetModel();
        return;
    }
    QList<OutlineItem> old = std::exchange(items_, std::move(items));
    for (qsizetype i = 0; i < items_.size(); ++i) {
        if (items_[i].line != old[i].line) {
            QModelIndex ix = index(int(i), 0);
            Q_EMIT dataChanged(ix, ix);
        }
        const auto& kids = items_[i].children;
        for (qsizetype k = 0; k < kids.size(); ++k) {
            if (kids[k].line != old[i].children[k].line) {
                QModelIndex ix = index(int(k), 0, index(int(i), 0));
                Q_EMIT dataChanged(ix, ix);
            }
        }
    }
}

const OutlineItem* OutlineModel::item(const QModelIndex& index) const {
    if (!index.isValid()) return nullptr;
    if (index.internalId() == 0) return &items_[index.row()];
    return &items_[qsizetype(index.internalId() - 1)].children[index.row()];
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex& parent) const {
    if (column != 0 || row < 0) return {};
    if (!parent.isValid())
        return row < items_.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0) return {}; // members have no children
    if (row >= items_[parent.row()].children.size()) return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex OutlineModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int OutlineModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(items_.size());
    if (parent.internalId() != 0) return 0;
    return int(items_[parent.row()].children.size());
}

int OutlineModel::columnCount(const QModelIndex&) const {
    return 1;
}

QVariant OutlineModel::data(const QModelIndex& index, int role) const {
    const OutlineItem* it = item(index);
    if (!it) return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString text = it->name;
        if (it->kind == SymbolKind::Method || it->kind == SymbolKind::Function) text += u"()";
        if (it->isStatic) text.prepend(u"static ");
        return text;
    }
    case Qt::ToolTipRole:
        return QStringLiteral("%1 %2, line %3").arg(kindName(it->kind), it->name).arg(it->line);
    case KindRole: return int(it->kind);
    case NameRole: return it->name;
    case LineRole: return it->line;
    case StaticRole: return it->isStatic;
    default: return {};
    }
}

QHash<int, QByteArray> OutlineModel::roleNames() const {
    auto names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(LineRole, "line");
    names.insert(StaticRole, "isStatic");
    return names;
}

} // namespace molt::editor
