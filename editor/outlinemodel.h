// outlinemodel.h — the classes of a file with their fields and methods, as an item model.
//
// Two levels: classes and top-level functions at the top, a class's fields and methods
// (source order) below it. The editor refreshes it after re-parsing; when only line numbers
// moved the model emits dataChanged, so a view keeps its expansion and selection, and it
// resets only when a definition was added, removed or renamed.
#pragma once

#include "editor/definitions.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace molt::editor {

struct OutlineItem {
    SymbolKind kind = SymbolKind::Class;
    QString name;
    int line = 1; // 1-based line of the name
    bool isStatic = false;
    QList<OutlineItem> children;
};

class OutlineModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, NameRole, LineRole, StaticRole };

    explicit OutlineModel(QObject* parent = nullptr);

    const QList<OutlineItem>& items() const { return items_; }
    void setItems(QList<OutlineItem> items);
    // Groups definitions (as extractDefinitions returns them) into outline items.
    static QList<OutlineItem> fromDefinitions(const std::vector<Internal::Definition>& defs);
    static QString kindName(SymbolKind kind); // "class", "method", "field", "function"

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const OutlineItem* item(const QModelIndex& index) const;
    QList<OutlineItem> items_;
};

} // namespace molt::editor
