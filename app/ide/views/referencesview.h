// referencesview.h — the Inspector's list of source references (Find References): each
// row a `file:line:col` and its source line; activating one opens the editor there.
#pragma once

#include "control/inspect.h"
#include "dsu/refactor/refactor.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace molt::ide {

class ReferencesView : public QWidget {
    Q_OBJECT
public:
    enum Role { ModuleRole = Qt::UserRole + 1, LineRole, ColumnRole, IdentityRole };
    explicit ReferencesView(QWidget* parent = nullptr);

    // Replaces the list; `error` (a syntax error, an unknown class) shows instead of rows.
    void setReferences(const QString& subject, const dsu::References& references);
    // Replaces the list with the objects that reference `subject` (Find Objects That
    // Reference This); activating one inspects it.
    void setReferrers(const QString& subject, const inspect::ReferrerList& referrers);
    QListWidget* list() const { return list_; }
    QLabel* title() const { return title_; }

Q_SIGNALS:
    void siteActivated(const QString& module, int line, int column);
    void objectActivated(uint32_t identity, const QString& label);

private:
    QLabel* title_;
    QListWidget* list_;
};

} // namespace molt::ide
