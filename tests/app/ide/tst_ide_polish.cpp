// molt-ide's polish items (issue 15): Help ▸ Keyboard Shortcuts and Documentation, the
// question before a running program is stopped, the update history kept per project
// across restarts, the busy indicator of a slow commit and the World dock of a program
// that does not draw. Each test drives the real window: its menu actions, its dialogs
// (found by name and answered by clicking), and a second window on the same folder.
#include "app/ide/mainmenus.h"
#include "app/ide/views/historyview.h"
#include "app/ide/views/shortcutsdialog.h"
#include "guitest.h"

#include <QDesktopServices>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
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

const char* const kDraws = "setInterval(() => { Canvas.clear('#ffffff'); Canvas.present(); }, 50);\n";

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

// Clicks `button` ("stopButton" or Cancel) in the open stop question; `dontAsk` ticks its
// "Don't ask again" first.
bool answerStopQuestion(MainWindow* w, bool stop, bool dontAsk = false) {
    auto* box = waitForDialog<QMessageBox>(w, "confirmStopDialog");
    if (!box) return false;
    if (dontAsk) box->checkBox()->setChecked(true);
    QAbstractButton* button = stop ? box->findChild<QPushButton*>("stopButton")
                                   : box->button(QMessageBox::Cancel);
    if (!button) return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return QTest::qWaitFor([&] { return !w->findChild<QMessageBox*>("confirmStopDialog"); },
                           5000);
}

bool stopQuestionShown(MainWindow* w) {
    auto* box = w->findChild<QMessageBox*>("confirmStopDialog");
    return box && box->isVisible();
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

    // Run ▸ Stop (Shift+F5) on a running program asks first: Cancel leaves it running,
    // Stop stops it; "Don't ask again" turns the question off (Run ▸ Ask Before Stopping…).
    void stopAsksFirst() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QAction* stop = actionNamed(ide.window.get(), "stopAction");
        QVERIFY(stop);
        stop->trigger();
        QVERIFY(stopQuestionShown(ide.window.get()));
        QVERIFY(answerStopQuestion(ide.window.get(), false));
        QTest::qWait(100);
        QCOMPARE(ide.state(), ProgramState::Running);

        stop->trigger();
        QVERIFY(answerStopQuestion(ide.window.get(), true, true));
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);
        QVERIFY(!ide.window->confirmsStop());
        QVERIFY(!actionNamed(ide.window.get(), "confirmStop")->isChecked());

        QVERIFY(ide.runUntilRunning());
        stop->trigger();
        QVERIFY(!stopQuestionShown(ide.window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);

        // Turned on again from the Run menu; a program that is not running is not asked about.
        actionNamed(ide.window.get(), "confirmStop")->trigger();
        QVERIFY(ide.window->confirmsStop());
        stop->trigger();
        QVERIFY(!stopQuestionShown(ide.window.get()));
    }

    // Closing the window while the program runs asks: Cancel keeps the window and the
    // program, Stop stops the program and closes the window.
    void closingTheWindowAsksFirst() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(!ide.window->close());
        QVERIFY(answerStopQuestion(ide.window.get(), false));
        QVERIFY(ide.window->isVisible());
        QCOMPARE(ide.state(), ProgramState::Running);

        QVERIFY(!ide.window->close()); // asked again
        QVERIFY(answerStopQuestion(ide.window.get(), true));
        QTRY_VERIFY_WITH_TIMEOUT(!ide.window->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);
    }

    // File ▸ Recent Projects while a program runs asks first: Cancel keeps the project and
    // its program, Stop opens the other project.
    void openingAnotherProjectAsksFirst() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}, "first"));
        QString first = ide.window->project().root;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}, "second"));
        QString second = ide.window->project().root;
        QVERIFY(ide.runUntilRunning());
        QAction* recent = nullptr;
        for (QAction* a : ide.window->findChildren<QAction*>())
            if (a->text() == first) recent = a;
        QVERIFY(recent);
        recent->trigger();
        QVERIFY(answerStopQuestion(ide.window.get(), false));
        QCOMPARE(ide.window->project().root, second);
        QCOMPARE(ide.state(), ProgramState::Running);

        recent->trigger();
        QVERIFY(answerStopQuestion(ide.window.get(), true));
        QCOMPARE(ide.window->project().root, first);
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);
    }

    // An update committed in one window is listed again when the project is reopened in a
    // new window (a restart of the IDE), marked as from an earlier session and with no
    // Revert; another project does not list it, and the next update is numbered after it.
    void historyIsKeptPerProjectAcrossRestarts() {
        Ide ide(true);
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}, "kept"));
        QString kept = ide.window->project().root;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}, "other"));
        QString other = ide.window->project().root;
        QVERIFY(ide.window->openProject(kept));
        QVERIFY(ide.runUntilRunning());
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QVERIFY(replaceByTyping(ide.editor("shapes.js"), "this.side * this.side",
                                "this.side * 4"));
        ide.window->applyEdits();
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.first().at(0).value<UpdateOutcome>().report.committed());
        QCOMPARE(ide.window->history()->entries().size(), 1);
        const QString title = ide.window->history()->entries().first().title;
        QVERIFY(ide.window->history()->revertButton()->isEnabled());
        ide.window->stopProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);
        ide.window.reset(); // the IDE quits

        MainWindow::Options options;
        options.useSettings = false;
        options.commitWithoutReview = true;
        options.examplesFolder = ide.dir.path();
        ide.window = std::make_unique<MainWindow>(options);
        ide.window->show();
        QVERIFY(ide.window->openProject(kept));
        HistoryView* history = ide.window->history();
        QCOMPARE(history->entries().size(), 1);
        const HistoryEntry& earlier = history->entries().first();
        QCOMPARE(earlier.title, title);
        QVERIFY(earlier.earlierSession);
        QVERIFY(earlier.outcome.report.committed());
        QVERIFY(std::any_of(earlier.outcome.after.begin(), earlier.outcome.after.end(),
                            [](const molt::dsu::SourceFile& f) {
                                return f.text.find("this.side * 4") != std::string::npos;
                            }));
        QCOMPARE(history->list()->count(), 1);
        QVERIFY2(history->list()->item(0)->text().contains("earlier session"),
                 qPrintable(history->list()->item(0)->text()));
        history->select(1);
        QVERIFY(history->summaryLabel()->text().contains("earlier session"));

        // Not the program it was applied to: no Revert, even with the program running.
        QVERIFY(ide.runUntilRunning());
        history->select(1);
        QVERIFY(!history->revertButton()->isEnabled());
        QVERIFY(!history->revertToButton()->isEnabled());
        QVERIFY(replaceByTyping(ide.editor("shapes.js"), "this.side * 4", "this.side * 5"));
        QSignalSpy again(ide.window.get(), &MainWindow::updateFinished);
        ide.window->applyEdits();
        QVERIFY(again.wait(15000));
        QCOMPARE(history->entries().size(), 2);
        QCOMPARE(history->entries().last().number, 2);
        QVERIFY(!history->entries().last().earlierSession);
        QVERIFY(history->revertButton()->isEnabled()); // this session's update
        ide.window->stopProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);

        QVERIFY(ide.window->openProject(other));
        QVERIFY(history->entries().isEmpty());
        QCOMPARE(history->list()->count(), 0);
    }

    // A commit that takes longer than ~200 ms shows a busy indicator in the status bar
    // while the VM thread commits, gone when the update ends. (Waiting for a safe point the
    // worker never gives, until the timeout: a commit of a known length.)
    void aSlowCommitShowsABusyIndicator() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kWorker}}));
        QVERIFY(ide.runUntilRunning());
        ide.window->host()->setSafePointTimeout(1500);
        QVERIFY(replaceByTyping(ide.editor("main.js"), "this.n++;", "this.n += 2;"));
        ide.window->applyEdits();
        QPushButton* commit = ide.window->patchPanel()->commitButton();
        QTRY_VERIFY_WITH_TIMEOUT(commit->isVisible() && commit->isEnabled(), 10000);
        auto* busy = ide.window->findChild<QWidget*>("commitBusy");
        QVERIFY(busy);
        QVERIFY(!busy->isVisible());
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(commit, Qt::LeftButton);
        QVERIFY(!busy->isVisible()); // not for the first 200 ms
        QTRY_VERIFY_WITH_TIMEOUT(busy->isVisible(), 1400);
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().at(0).value<UpdateOutcome>().report.committed());
        QVERIFY(!busy->isVisible());
    }

    // A program that does not draw gets no World dock; one that uses the Canvas gets it
    // back. The user's own choice (View ▸ World) is kept.
    void theWorldDockIsHiddenForProgramsThatDoNotDraw() {
        Ide ide;
        QDockWidget* world = ide.window->dock("worldDock");
        QVERIFY(world->isVisible());
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}, "plain"));
        QVERIFY(!world->isVisible());
        QVERIFY(ide.runUntilRunning());
        QVERIFY(!world->isVisible());
        ide.window->stopProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 10000);

        QVERIFY(ide.openFiles({{"main.js", kDraws}}, "draws"));
        QVERIFY(world->isVisible());

        world->toggleViewAction()->trigger(); // the user hides it
        QVERIFY(!world->isVisible());
        QVERIFY(ide.openFiles({{"main.js", kDraws}}, "draws-too"));
        QVERIFY(!world->isVisible());
    }

private:
    QList<QUrl> openedUrls_;
};

QTEST_MAIN(TestIdePolish)
#include "tst_ide_polish.moc"
