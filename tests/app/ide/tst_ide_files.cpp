// molt-ide's everyday file handling (issue 15): File ▸ New File, Save As and Close Tab with
// their shortcuts and dialogs, and files that change on disk while they are open. Each
// test drives the real window as a user would: keys, the real dialogs (found by name and
// answered by typing), the bar's buttons, and files written by "another program".
#include "app/ide/filecontroller.h"
#include "app/ide/views/filechangebar.h"
#include "guitest.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QTabBar>
#include <QTabWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

QTabWidget* tabsOf(Ide& ide) {
    return ide.window->findChild<QTabWidget*>("editorTabs");
}

QString tabTitle(Ide& ide, QsciScintilla* e) {
    return tabsOf(ide)->tabText(tabsOf(ide)->indexOf(e));
}

// Where a key press goes: the current editor, or the window when no tab is open.
QWidget* keyTarget(Ide& ide) {
    QWidget* w = tabsOf(ide)->currentWidget();
    return w ? w : ide.window.get();
}

bool activate(Ide& ide) {
    ide.window->activateWindow();
    return QTest::qWaitForWindowActive(ide.window.get());
}

// Another program writes the file: a new file renamed over the old one, as editors save.
bool writeOnDisk(Ide& ide, const QString& module, const QString& text) {
    QString path = ide.window->project().absolutePath(module);
    QFile tmp(path + ".tmp");
    if (!tmp.open(QIODevice::WriteOnly)) return false;
    tmp.write(text.toUtf8());
    tmp.close();
    QFile::remove(path);
    return QFile::rename(path + ".tmp", path);
}

// The dialog a shortcut opened (open(), never exec(): the test answers it).
template<typename Dialog> Dialog* waitForDialog(Ide& ide, const char* name) {
    Dialog* d = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            d = ide.window->findChild<Dialog*>(QString::fromLatin1(name));
            return d && d->isVisible();
        },
        5000);
    return d;
}

// Types a name into the New File dialog and presses Return.
void answerNewFile(Ide& ide, const QString& name) {
    QVERIFY(activate(ide));
    QTest::keyClick(keyTarget(ide), Qt::Key_N, Qt::ControlModifier);
    auto* d = waitForDialog<QInputDialog>(ide, "newFileDialog");
    QVERIFY(d);
    auto* edit = d->findChild<QLineEdit*>();
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, name);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!ide.window->findChild<QInputDialog*>("newFileDialog"), 5000);
}

// Types a file name into the Save As dialog and presses Return.
void answerSaveAs(Ide& ide, const QString& name) {
    QVERIFY(activate(ide));
    QTest::keyClick(keyTarget(ide), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    auto* d = waitForDialog<QFileDialog>(ide, "saveAsDialog");
    QVERIFY(d);
    auto* edit = d->findChild<QLineEdit*>("fileNameEdit");
    QVERIFY(edit);
    // Chosen through the dialog, not typed: its completer and its list's selection
    // (the current file) would turn a typed "s…" into shapes.js.
    d->selectFile(name);
    QCOMPARE(edit->text(), QFileInfo(name).fileName());
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!ide.window->findChild<QFileDialog*>("saveAsDialog"), 5000);
}

// Ctrl+W; when the tab has unsaved edits, answers the question with `answer`.
void closeTabWith(Ide& ide, QMessageBox::StandardButton answer) {
    QVERIFY(activate(ide));
    QTest::keyClick(keyTarget(ide), Qt::Key_W, Qt::ControlModifier);
    auto* box = waitForDialog<QMessageBox>(ide, "closeTabDialog");
    QVERIFY(box);
    QVERIFY(box->text().contains("Save the changes"));
    QTest::mouseClick(box->button(answer), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!ide.window->findChild<QMessageBox*>("closeTabDialog"), 5000);
}

QStringList projectList(Ide& ide) {
    auto* list = ide.window->findChild<QListWidget*>("projectFiles");
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestIdeFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_ide_files");
    }

    // Ctrl+N asks for a name and opens the new module; a name outside the project or of an
    // existing file is refused with a message, and nothing is written.
    void newFileAsksForANameAndRefusesOutsideOrExisting() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesModule}}));
        QVERIFY(activate(ide));
        ide.editor("main.js")->setFocus();
        answerNewFile(ide, "util");
        QVERIFY(QFileInfo::exists(ide.window->project().absolutePath("util.js")));
        QsciScintilla* util = ide.window->editorFor("util.js", false);
        QVERIFY(util);
        QCOMPARE(tabsOf(ide)->currentWidget(), util);
        QVERIFY(projectList(ide).contains("util.js"));
        QVERIFY(!ide.window->messageBar()->isVisible());

        answerNewFile(ide, "../outside.js");
        QVERIFY(ide.window->messageBar()->isVisible());
        QVERIFY2(ide.window->messageBar()->text().contains("outside the project"),
                 qPrintable(ide.window->messageBar()->text()));
        QVERIFY(!QFileInfo::exists(QDir(ide.window->project().root).filePath("../outside.js")));

        answerNewFile(ide, "main.js");
        QVERIFY(ide.window->messageBar()->text().contains("already exists"));
        QCOMPARE(ide.fileText("main.js"), QString(kShapesModule)); // untouched
        QCOMPARE(tabsOf(ide)->count(), 2);
    }

    // Ctrl+Shift+S writes a copy under the new name and the tab follows it: later saves go
    // to the copy, and the old file keeps what was last saved.
    void saveAsWritesACopyAndTheTabFollowsIt() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(activate(ide));
        QsciScintilla* e = ide.editor("shapes.js");
        typeAtEndOfLine(e, 1, " // edited");
        answerSaveAs(ide, "square.js");
        QCOMPARE(ide.fileText("square.js"), e->text());
        QVERIFY(ide.fileText("square.js").startsWith("class Shape { // edited\n"));
        QCOMPARE(ide.fileText("shapes.js"), QString(kShapesModule));
        QCOMPARE(ide.window->editorFor("square.js", false), e);
        QVERIFY(!ide.window->editorFor("shapes.js", false));
        QVERIFY(!e->isModified());
        QCOMPARE(tabTitle(ide, e), QString("square.js"));
        QVERIFY(projectList(ide).contains("square.js"));

        typeAtEndOfLine(e, 4, " // more");
        QVERIFY(ide.window->fileController()->saveAll());
        QVERIFY(ide.fileText("square.js").contains("} // more"));
        QCOMPARE(ide.fileText("shapes.js"), QString(kShapesModule));

        QString outside = QDir(ide.dir.path()).filePath("elsewhere.js");
        answerSaveAs(ide, outside);
        QVERIFY(ide.window->messageBar()->text().contains("outside the project"));
        QVERIFY(!QFileInfo::exists(outside));
        QCOMPARE(ide.window->editorFor("square.js", false), e);
    }

    // Ctrl+W on an edited tab asks Save / Discard / Cancel. Closing the main module's tab
    // leaves the running program as it was, and an edit of another module still updates it.
    void closeTabAsksAndLeavesTheProgramRunning() {
        Ide ide(true);
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(activate(ide));
        QsciScintilla* main = ide.editor("main.js");
        typeAtEndOfLine(main, 3, " // note");
        closeTabWith(ide, QMessageBox::Cancel);
        QCOMPARE(ide.window->editorFor("main.js", false), main);
        QVERIFY(main->isModified());

        closeTabWith(ide, QMessageBox::Discard);
        QVERIFY(!ide.window->editorFor("main.js", false));
        QCOMPARE(ide.fileText("main.js"), QString(kShapesMain));
        QCOMPARE(ide.state(), ProgramState::Running);

        QsciScintilla* shapes = ide.editor("shapes.js");
        QVERIFY(replaceByTyping(shapes, "this.side * this.side", "this.side * 10"));
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        ide.window->applyEdits();
        QVERIFY(finished.wait(15000));
        auto outcome = finished.takeFirst().at(0).value<UpdateOutcome>();
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(ide.state(), ProgramState::Running);

        typeAtEndOfLine(shapes, 5, " // saved on close");
        closeTabWith(ide, QMessageBox::Save);
        QVERIFY(ide.fileText("shapes.js").contains("// saved on close"));
        QCOMPARE(tabsOf(ide)->count(), 0);
        QCOMPARE(ide.state(), ProgramState::Running);
        // A tab without edits closes without a question, from its close button too.
        QsciScintilla* again = ide.editor("main.js");
        int index = tabsOf(ide)->indexOf(again);
        Q_EMIT tabsOf(ide)->tabCloseRequested(index);
        QTRY_COMPARE_WITH_TIMEOUT(tabsOf(ide)->count(), 0, 2000);
    }

    // A file changed by another program reloads in a tab without unsaved edits, and the
    // caret stays on its line. The program still runs the old version: the bar says so and
    // its button updates it.
    void changedOnDiskReloadsAndOffersTheUpdate() {
        Ide ide(true);
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QsciScintilla* e = ide.editor("shapes.js");
        e->setCursorPosition(2, 4);
        QString changed = QString(kShapesModule).replace("this.side * this.side", "this.side * 7");
        changed.prepend("// reformatted by a tool\n");
        QVERIFY(writeOnDisk(ide, "shapes.js", changed));
        QTRY_COMPARE_WITH_TIMEOUT(e->text(), changed, 5000);
        QVERIFY(!e->isModified());
        int line = 0, index = 0;
        e->getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        FileChangeBar* bar = ide.window->fileChangeBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 2000);
        QVERIFY2(bar->text().contains("does not update"), qPrintable(bar->text()));
        QVERIFY(!ide.window->isLive("shapes.js"));

        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QPushButton* update = bar->button("updateProgram");
        QVERIFY(update);
        QTest::mouseClick(update, Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.takeFirst().at(0).value<UpdateOutcome>().report.committed());
        QVERIFY(ide.window->isLive("shapes.js"));
        QVERIFY(!bar->isVisible());
    }

    // With unsaved edits the tab keeps them and the bar asks; Keep Mine leaves them, Reload
    // takes the file's text (and Ctrl+Z brings the edits back).
    void changedOnDiskWithUnsavedEditsAsks() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesModule}}));
        QsciScintilla* e = ide.editor("main.js");
        typeAtEndOfLine(e, 1, " // mine");
        QString mine = e->text();
        FileChangeBar* bar = ide.window->fileChangeBar();

        QVERIFY(writeOnDisk(ide, "main.js", QString(kShapesModule) + "// theirs 1\n"));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
        QVERIFY2(bar->text().contains("changed on disk"), qPrintable(bar->text()));
        QCOMPARE(e->text(), mine);
        QVERIFY(!bar->button("reloadAndUpdate")); // nothing runs
        QTest::mouseClick(bar->button("keepMine"), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(e->text(), mine);
        QVERIFY(e->isModified());

        QString theirs = QString(kShapesModule) + "// theirs 2\n";
        QVERIFY(writeOnDisk(ide, "main.js", theirs));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
        QTest::mouseClick(bar->button("reload"), Qt::LeftButton);
        QCOMPARE(e->text(), theirs);
        QVERIFY(!e->isModified());
        e->setFocus();
        QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(e->text(), mine);
    }

    // Two files changed on disk while both tabs have unsaved edits: each tab keeps its own
    // question. The bar shows the current tab's; answering one leaves the other asked.
    void twoPendingDiskQuestionsKeepTheirOwnTabs() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QsciScintilla* main = ide.editor("main.js");
        QsciScintilla* shapes = ide.editor("shapes.js");
        typeAtEndOfLine(main, 1, " // mine in main");
        typeAtEndOfLine(shapes, 1, " // mine in shapes");
        const QString mainMine = main->text(), shapesMine = shapes->text();
        FileChangeBar* bar = ide.window->fileChangeBar();
        const QString mainTheirs = QString(kShapesMain) + "// theirs in main\n";
        const QString shapesTheirs = QString(kShapesModule) + "// theirs in shapes\n";
        QVERIFY(writeOnDisk(ide, "main.js", mainTheirs));
        QVERIFY(writeOnDisk(ide, "shapes.js", shapesTheirs));
        ide.window->fileController()->checkNow();

        ide.editor("main.js"); // its tab to the front
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
        QVERIFY2(bar->text().contains("main.js changed on disk"), qPrintable(bar->text()));
        ide.editor("shapes.js");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains("shapes.js changed on disk"), qPrintable(bar->text()));

        // Reload answers the shapes.js question only; main.js still asks, on its tab.
        QTest::mouseClick(bar->button("reload"), Qt::LeftButton);
        QCOMPARE(shapes->text(), shapesTheirs);
        QCOMPARE(main->text(), mainMine);
        ide.editor("main.js");
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 2000);
        QVERIFY2(bar->text().contains("main.js changed on disk"), qPrintable(bar->text()));
        QTest::mouseClick(bar->button("keepMine"), Qt::LeftButton);
        QCOMPARE(main->text(), mainMine);
        QVERIFY(!bar->isVisible());
        ide.editor("shapes.js");
        QVERIFY(!bar->isVisible()); // both answered
        QVERIFY(shapesMine != shapes->text());
    }

    // A file deleted on disk marks its tab; Save Again writes it back and clears the mark.
    void deletedOnDiskMarksTheTab() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QsciScintilla* e = ide.editor("shapes.js");
        QVERIFY(QFile::remove(ide.window->project().absolutePath("shapes.js")));
        QTRY_VERIFY_WITH_TIMEOUT(tabTitle(ide, e).contains("(deleted)"), 5000);
        QCOMPARE(e->text(), QString(kShapesModule));
        FileChangeBar* bar = ide.window->fileChangeBar();
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().contains("deleted on disk"));
        QTest::mouseClick(bar->button("saveAgain"), Qt::LeftButton);
        QCOMPARE(ide.fileText("shapes.js"), QString(kShapesModule));
        QTRY_VERIFY_WITH_TIMEOUT(!tabTitle(ide, e).contains("(deleted)"), 2000);
    }

    // The IDE's own saves are not changes on disk: typing on right after Ctrl+S is never
    // taken for a conflict, and nothing reloads.
    void ownSavesAreNotChangesOnDisk() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesModule}}));
        QVERIFY(activate(ide));
        QsciScintilla* e = ide.editor("main.js");
        for (int i = 0; i < 3; ++i) {
            typeAtEndOfLine(e, 1, QStringLiteral(" // %1").arg(i));
            QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
            typeAtEndOfLine(e, 2, QStringLiteral(" // after %1").arg(i));
        }
        QString typed = e->text();
        QTest::qWait(400);
        QVERIFY(!ide.window->fileChangeBar()->isVisible());
        QCOMPARE(e->text(), typed);
        QVERIFY(e->isModified());
    }
};

QTEST_MAIN(TestIdeFiles)
#include "tst_ide_files.moc"
