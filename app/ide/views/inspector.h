// inspector.h — classes with live instance counts, a class's instances a page at a time,
// an object's fields as a tree that follows references, and the Before/After view of the
// last commit. All data comes from snapshots the VM host takes at a safe point.
#pragma once

#include "app/ide/views/beforeafterview.h"
#include "app/ide/views/evaluatorpane.h"
#include "app/ide/views/inspectormodels.h"
#include "app/ide/views/referencesview.h"

#include <QTimer>
#include <QWidget>

class QAbstractItemView;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace molt::ide {

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(VmHost* host, QWidget* parent = nullptr);

    void refresh(); // classes, the current page and the inspected object
    void setAutoRefresh(bool on);
    void selectClass(const QString& module, const QString& className);
    void inspectObject(uint32_t identity, const QString& label = {});
    void showBeforeAfter(const UpdateOutcome& outcome, const QString& title);
    void clear();

    ClassListModel* classes() const { return classes_; }
    InstanceListModel* instances() const { return instances_; }
    ObjectTreeModel* objectTree() const { return objects_; }
    BeforeAfterView* beforeAfter() const { return beforeAfter_; }
    QTreeView* objectView() const { return objectView_; }
    QTableView* instanceView() const { return instanceView_; }
    QTabWidget* tabs() const { return tabs_; }
    EvaluatorPane* evaluator() const { return evaluator_; }
    ReferencesView* references() const { return references_; }
    QTableView* classView() const { return classView_; }
    // The filter box: a class name narrows the classes; `field=value` (the field prints
    // as value) or `field:value` (its print contains value, any case) narrows the selected
    // class's instances; both may be given ("Product price=3").
    QLineEdit* filter() const { return filter_; }
    void applyFilter();                           // at once (typing applies it after a short pause)
    QComboBox* sortBy() const { return sortBy_; } // "identity", then the class's fields
    QToolButton* descending() const { return descending_; }

    // The context menu of a row of the class, instance or object view (null: none there):
    // Inspect, Copy Value, Copy as Expression, Find References. The caller owns it.
    QMenu* contextMenu(QAbstractItemView* view, const QModelIndex& index);
    // Shows Find References' answer in the References tab and raises it.
    void showReferences(const QString& subject, const dsu::References& references);
    // The object an evaluation binds `this` to: the selected row's object in the object
    // tree, else the inspected object (0: none, the main module's exports).
    std::pair<uint32_t, QString> evaluationTarget() const;

Q_SIGNALS:
    // Find References on a class row (member empty) or a field row of an instance.
    void findReferencesRequested(const QString& className, const QString& member);
    void referenceActivated(const QString& module, int line, int column);

private:
    void updatePager();
    // How the object tree's row reads as an expression from the inspected object
    // (`this.items[2].name`); empty when a step has no expression (a Set's element).
    QString expressionOf(const QModelIndex& index) const;
    void fillSortFields(const ClassInfo* c);
    void applySort();
    void onEvaluated(const EvalResult& result);
    VmHost* host_;
    EvaluatorPane* evaluator_;
    uint64_t nextEdit_ = 1;
    QHash<uint64_t, QString> pendingEdits_; // request -> "field = expression"

    ClassListModel* classes_;
    QSortFilterProxyModel* classProxy_;
    InstanceListModel* instances_;
    ObjectTreeModel* objects_;
    QTabWidget* tabs_;
    QTableView* classView_;
    QTableView* instanceView_;
    QTreeView* objectView_;
    BeforeAfterView* beforeAfter_;
    ReferencesView* references_;
    QLabel* pageLabel_;
    QToolButton* prev_;
    QToolButton* next_;
    QLineEdit* filter_;
    QTimer filterTimer_;
    QComboBox* sortBy_;
    QString sortClass_; // "module/Class" whose fields sortBy_ lists
    QToolButton* descending_;
    QString referrersOf_; // the label of the object whose referrers were asked for
    QTimer timer_;
};

} // namespace molt::ide
