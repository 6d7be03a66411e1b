// beforeafterview.h — the migrated instances of one committed update, before and after.
#pragma once

#include "app/ide/views/inspectormodels.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace molt::ide {

class BeforeAfterView : public QWidget {
    Q_OBJECT
public:
    explicit BeforeAfterView(QWidget* parent = nullptr);
    void setUpdate(const UpdateOutcome& outcome, const QString& title);
    BeforeAfterModel* model() const { return model_; }
    QTreeView* tree() const { return tree_; }

private:
    BeforeAfterModel* model_;
    QLabel* header_;
    QTreeView* tree_;
};

} // namespace molt::ide
