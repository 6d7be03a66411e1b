#include "app/ide/views/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace molt::ide {

namespace {

QString plainText(const QAction* a) {
    QString text = a->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void collect(const QMenu* menu, const QString& name, QList<ShortcutEntry>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->isSeparator()) continue;
        if (const QMenu* sub = a->menu()) {
            collect(sub, name + QStringLiteral(" ▸ ") + plainText(a), out);
            continue;
        }
        QList<QKeySequence> keys;
        for (const QKeySequence& k : a->shortcuts())
            if (!k.isEmpty()) keys.append(k);
        if (!keys.isEmpty()) out.append({name, plainText(a), keys});
    }
}

} // namespace

QList<ShortcutEntry> menuShortcuts(const QMenuBar* bar) {
    QList<ShortcutEntry> out;
    for (const QAction* a : bar->actions())
        if (const QMenu* menu = a->menu()) collect(menu, plainText(a), out);
    return out;
}

QString shortcutText(const QList<QKeySequence>& keys) {
    QStringList parts;
    for (const QKeySequence& k : keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* bar, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 560);
    auto* layout = new QVBoxLayout(this);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("shortcutsTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree_->setRootIsDecorated(false);
    tree_->setSelectionMode(QAbstractItemView::NoSelection);
    QTreeWidgetItem* group = nullptr;
    for (const ShortcutEntry& e : menuShortcuts(bar)) {
        if (!group || group->text(0) != e.menu) {
            group = new QTreeWidgetItem(tree_, {e.menu});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(group, {e.action, shortcutText(e.keys)});
    }
    tree_->expandAll();
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(tree_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace molt::ide
