// inspectormodels.h — the inspector's Qt models over snapshots of the running program.
//
// The models never touch the VM: they ask the VmHost and fill themselves when the answer
// arrives. Instances come a page at a time (a class may have a million of them); an
// object's fields are fetched when its tree node is expanded, by identity number.
#pragma once

#include "app/ide/host/vmhost.h"

#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QHash>
#include <QStandardItemModel>
#include <memory>
#include <vector>

namespace molt::ide {

// Classes of the project with live instance counts.
class ClassListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Module, Instances, Fields, ColumnCount };
    enum Role { ModuleRole = Qt::UserRole + 1, ClassNameRole, CountRole };
    explicit ClassListModel(VmHost* host, QObject* parent = nullptr);

    void refresh(); // asks the host; the model updates when the answer arrives
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    const ClassInfo* classAt(int row) const;
    int rowOf(const QString& module, const QString& className) const;
    int rowOfClass(const QString& className) const; // the first of that name, or -1

Q_SIGNALS:
    void refreshed();

private:
    void setClasses(const std::vector<ClassInfo>& classes);
    VmHost* host_;
    std::vector<ClassInfo> classes_;
};

// One page of a class's instances: identity and a one-line summary. The host filters and
// sorts them (inspect::InstanceQuery) before it cuts the page, so a filter or an order
// holds over every instance, not only the page shown.
class InstanceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Identity, Summary, ColumnCount };
    enum Role { IdentityRole = Qt::UserRole + 1 };
    explicit InstanceListModel(VmHost* host, int pageSize, QObject* parent = nullptr);

    void showClass(const QString& module, const QString& className); // page 0
    void setPage(int page);
    // Keeps the instances whose `field` prints as `value` (or contains it); empty field:
    // all of them. Back to page 0.
    void setFilter(const QString& field, const QString& value, bool contains);
    // Orders them by `field` (empty: by identity). Back to page 0.
    void setSort(const QString& field, bool descending);
    void refresh();
    void clear();
    int page() const { return page_; }
    int pageCount() const;
    long total() const { return total_; }     // live instances of the class
    long matched() const { return matched_; } // those the filter keeps
    QString error() const { return error_; }  // a filter or sort on a field it lacks
    const InstanceQuery& query() const { return query_; }
    int pageSize() const { return pageSize_; }
    QString className() const { return className_; }
    uint32_t identityAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

Q_SIGNALS:
    void pageLoaded(); // rows, page, total are current

private:
    void setPageData(const InstancePage& page);
    VmHost* host_;
    int pageSize_;
    QString module_, className_;
    int page_ = 0;
    long total_ = 0, matched_ = 0;
    QString error_;
    InstanceQuery query_; // filter and sort; module, class and page are set when sent
    std::vector<InstanceRow> rows_;
};

// An object's fields as a tree that follows references; children are fetched by identity
// when a node is expanded.
class ObjectTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Value, Type, ColumnCount };
    enum Role { IdentityRole = Qt::UserRole + 1 };
    explicit ObjectTreeModel(VmHost* host, QObject* parent = nullptr);
    ~ObjectTreeModel() override;

    void setRoot(uint32_t identity, const QString& label = {}); // 0 clears
    uint32_t rootIdentity() const { return rootIdentity_; }
    void refresh(); // fetches the root again (after a commit)

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    // A field's value is editable: what is typed is an expression, which setData does not
    // show but hands on as fieldEditRequested (the host answers whether it was written).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

Q_SIGNALS:
    void nodeFetched(const QModelIndex& index); // its children are in
    void fieldEditRequested(uint32_t owner, const QString& field, const QString& expression);

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(Node* node, int column = 0) const;
    void onObject(const ObjectFields& object);
    VmHost* host_;
    std::unique_ptr<Node> root_; // invisible; its one child is the inspected object
    uint32_t rootIdentity_ = 0;
    QHash<uint32_t, QList<Node*>> pending_;
};

// After a commit: every sampled migrated instance, before and after the bulk swap, with
// the same identity; each field marked added, removed, renamed, changed or unchanged.
class BeforeAfterModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Column { Field, Before, After, Change, ColumnCount };
    enum Role { IdentityRole = Qt::UserRole + 1, ChangeRole };
    explicit BeforeAfterModel(QObject* parent = nullptr);
    // Builds the rows from the report's samples; renames come from the change set.
    void setUpdate(const UpdateOutcome& outcome);
    size_t instancesMigrated() const { return migrated_; }

private:
    size_t migrated_ = 0;
};

} // namespace molt::ide
