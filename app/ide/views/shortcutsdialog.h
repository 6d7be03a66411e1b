// shortcutsdialog.h — Help ▸ Keyboard Shortcuts: every menu action that has a shortcut,
// grouped by the menu it is in.
//
// Read from the menu bar's QActions each time it opens, never from a list of its own: a
// shortcut added, changed or removed in mainmenus.cpp shows here as it is.
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QMenuBar;
class QTreeWidget;

namespace molt::ide {

struct ShortcutEntry {
    QString menu;   // "File", "Edit", "Run ▸ …" (a submenu is named after its parent)
    QString action; // the action's text without its mnemonic "&"
    QList<QKeySequence> keys;
};

// The actions of `bar`'s menus (and their submenus) with at least one shortcut, in menu order.
QList<ShortcutEntry> menuShortcuts(const QMenuBar* bar);

// The text the dialog (and a menu) shows for the keys: "Ctrl+S", or "Ctrl++, Ctrl+=".
QString shortcutText(const QList<QKeySequence>& keys);

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar* bar, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; } // one top-level item per menu

private:
    QTreeWidget* tree_;
};

} // namespace molt::ide
