// molt-ide's polish items (issue 15): Help ▸ Keyboard Shortcuts and Documentation. Each test
// drives the real window: its menu actions and the dialog they open.
#include "app/ide/mainmenus.h"
#include "app/ide/views/shortcutsdialog.h"
#include "guitest.h"

#include <QDesktopServices>
#include <QMenuBar>
#include <QTreeWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

// The menu text a user reads: "&Save A&ll" is "Save All".
QString withoutMnemonic(QString text) {
    return text.remove(QLatin1Char('&'));
}

struct MenuShortcut {
    QString menu, action, keys;
};

// Walks the menu bar itself (not the dialog's code): every action with a shortcut.
void walk(const QMenu* menu, const QString& name, QList<MenuShortcut>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->menu()) {
            walk(a->menu(), name + QStringLiteral(" ▸ ") + withoutMnemonic(a->text()), out);
        } else if (!a->shortcuts().isEmpty()) {
            QStringList keys;
            for (const QKeySequence& k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            out.append({name, withoutMnemonic(a->text()), keys.join(", ")});
        }
    }
}

QAction* actionNamed(MainWindow* w, const char* name) {
    return w->findChild<QAction*>(QString::fromLatin1(name));
}

template<typename Dialog> Dialog* waitForDialog(MainWindow* w, const char* name) {
    Dialog* d = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            d = w->findChild<Dialog*>(QString::fromLatin1(name));
            return d && d->isVisible();
        },
        5000);
    return d;
}

} // namespace

class TestIdePolish : public QObject {
    Q_OBJECT
public Q_SLOTS:
    // QDesktopServices hands file URLs here while a test runs (setUrlHandler).
    void openUrl(const QUrl& url) { openedUrls_.append(url); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_ide_polish");
    }

    // Help ▸ Keyboard Shortcuts lists every menu action that has a shortcut, under its
    // menu, with the shortcut's text; a shortcut changed afterwards shows the next time.
    void keyboardShortcutsListsEveryMenuShortcut() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QList<MenuShortcut> expected;
        for (const QAction* a : ide.window->menuBar()->actions())
            if (a->menu()) walk(a->menu(), withoutMnemonic(a->text()), expected);
        QVERIFY2(expected.size() >= 20, qPrintable(QString::number(expected.size())));

        auto dialogRows = [&] {
            QAction* show = actionNamed(ide.window.get(), "keyboardShortcuts");
            if (!show) return QList<MenuShortcut>{};
            show->trigger();
            auto* d = waitForDialog<ShortcutsDialog>(ide.window.get(), "shortcutsDialog");
            QList<MenuShortcut> rows;
            if (!d) return rows;
            QTreeWidget* tree = d->tree();
            for (int g = 0; g < tree->topLevelItemCount(); ++g) {
                QTreeWidgetItem* group = tree->topLevelItem(g);
                for (int i = 0; i < group->childCount(); ++i)
                    rows.append({group->text(0), group->child(i)->text(0),
                                 group->child(i)->text(1)});
            }
            d->close();
            return rows;
        };
        auto contains = [](const QList<MenuShortcut>& rows, const MenuShortcut& s) {
            return std::any_of(rows.begin(), rows.end(), [&](const MenuShortcut& r) {
                return r.menu == s.menu && r.action == s.action && r.keys == s.keys;
            });
        };
        QList<MenuShortcut> rows = dialogRows();
        QCOMPARE(rows.size(), expected.size());
        for (const MenuShortcut& s : expected)
            QVERIFY2(contains(rows, s), qPrintable(s.menu + " / " + s.action + " " + s.keys));
        QVERIFY(contains(rows, {"Run", "Apply", QKeySequence(QKeySequence::Save).toString(
                                                    QKeySequence::NativeText)}));

        // Read from the actions, not a list of its own.
        QAction* keys = actionNamed(ide.window.get(), "keyboardShortcuts");
        keys->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
        QVERIFY(contains(dialogRows(), {"Help", "Keyboard Shortcuts",
                                        keys->shortcut().toString(QKeySequence::NativeText)}));
    }

    // Help ▸ Documentation opens the README through the desktop's handler.
    void documentationOpensTheReadme() {
        Ide ide;
        openedUrls_.clear();
        QDesktopServices::setUrlHandler("file", this, "openUrl");
        QAction* docs = actionNamed(ide.window.get(), "documentation");
        QVERIFY(docs);
        docs->trigger();
        QDesktopServices::unsetUrlHandler("file");
        QCOMPARE(openedUrls_.size(), 1);
        QFileInfo readme(openedUrls_.first().toLocalFile());
        QCOMPARE(readme.fileName(), QString("README.md"));
        QVERIFY(readme.exists());
        QVERIFY(QFileInfo::exists(readme.dir().filePath("docs/decisions")));
    }

private:
    QList<QUrl> openedUrls_;
};

QTEST_MAIN(TestIdePolish)
#include "tst_ide_polish.moc"
