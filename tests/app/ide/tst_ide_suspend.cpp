// A crash is not the end: an uncaught exception suspends its thread; the Suspended panel
// shows the exception and the stack, a click on a frame opens its file at the line and
// shows the frame's `this` and locals in the Inspector, and the user fixes the method and
// restarts the frame, reverts the last update, or terminates the thread. The stack printed
// into the Transcript is clickable too.
#include "app/ide/constants.h"
#include "app/ide/views/suspendedview.h"
#include "app/ide/views/transcriptview.h"
#include "guitest.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTreeWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

const char* kCart = "class Cart {\n"
                    "  constructor(items) { this.items = items; }\n"
                    "  total(tax) {\n"
                    "    return this.items.reduce((s, x) => s + x, 0) * tax.rate;\n"
                    "  }\n"
                    "}\n"
                    "module.exports = { Cart };\n";
const char* kMain = "const { Cart } = require('./cart');\n"
                    "const cart = new Cart([1, 2, 3]);\n"
                    "let ticks = 0;\n"
                    "const id = setInterval(() => { if (++ticks === 20) { clearInterval(id); "
                    "console.log('ticker done'); } }, 20);\n"
                    "function report(tax) { console.log('total ' + cart.total(tax)); }\n"
                    "Thread.spawn(() => report(undefined));\n";

// Runs the cart program until its thread is suspended.
bool runUntilSuspended(Ide& ide) {
    if (!ide.openFiles({{"main.js", kMain}, {"cart.js", kCart}})) return false;
    if (!ide.runUntilRunning()) return false;
    QTreeWidget* tree = ide.window->suspendedView()->tree();
    return QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000);
}

void clickItem(QTreeWidget* tree, QTreeWidgetItem* item) {
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

bool transcriptHas(Ide& ide, const QString& text) {
    return QTest::qWaitFor([&] { return ide.window->transcript()->toPlainText().contains(text); },
                           10000);
}

// Clicks into the location of the Transcript's first line that contains `needle`, as a
// user clicks a frame of a printed stack trace: between the location's first characters.
bool clickTranscriptLine(Ide& ide, const QString& needle) {
    TranscriptView* t = ide.window->transcript();
    ide.window->dock(Constants::kTranscriptDock)->raise();
    QTextBlock b = t->document()->begin();
    while (b.isValid() && !b.text().contains(needle))
        b = b.next();
    if (!b.isValid()) return false;
    int inLocation = int(b.text().lastIndexOf(QLatin1Char('('))) + 2;
    if (inLocation < 2) return false;
    QTextCursor c(b);
    c.setPosition(b.position() + inLocation);
    t->setTextCursor(c);
    t->ensureCursorVisible();
    QRect left = t->cursorRect(c);
    c.setPosition(c.position() + 1);
    QPoint at((left.x() + t->cursorRect(c).x()) / 2, left.center().y());
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, at);
    return true;
}

// A program whose thread keeps pumping, one stroke at a time, until an update breaks it.
const char* kPump = "class Pump {\n"
                    "  constructor() { this.strokes = 0; }\n"
                    "  stroke() {\n"
                    "    this.strokes++;\n"
                    "    return 'stroke ' + this.strokes;\n"
                    "  }\n"
                    "}\n"
                    "module.exports = { Pump };\n";
const char* kPumpMain = "const { Pump } = require('./pump');\n"
                        "const pump = new Pump();\n"
                        "Thread.spawn(() => { for (;;) { console.log(pump.stroke()); "
                        "Thread.sleep(30); } });\n";

// Runs the pump, then commits an update that makes its stroke throw: the thread is
// suspended in Pump.stroke. `original` gets the pump's source before the update.
bool breakThePump(Ide& ide, QString* original = nullptr) {
    if (!ide.openFiles({{"main.js", kPumpMain}, {"pump.js", kPump}})) return false;
    if (!ide.runUntilRunning() || !transcriptHas(ide, "stroke 3")) return false;
    QsciScintilla* e = ide.editor("pump.js");
    if (original) *original = e->text();
    if (!replaceByTyping(e, "'stroke ' + this.strokes", "this.valve.open()")) return false;
    QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
    ide.window->applyEdits();
    if (!shown.wait(10000)) return false;
    QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
    QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
    if (!finished.wait(15000) ||
        !finished.takeFirst().at(0).value<UpdateOutcome>().report.committed())
        return false;
    QTreeWidget* tree = ide.window->suspendedView()->tree();
    if (!QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000)) return false;
    QTreeWidgetItem* thread = tree->topLevelItem(0);
    return thread->text(1).startsWith("TypeError") && thread->childCount() > 0 &&
           thread->child(0)->text(0) == QLatin1String("Pump.stroke");
}

// An async method that fails after its first await: its promise rejects with nobody to
// handle it, while a ticker goes on.
const char* kShop = "class Shop {\n"
                    "  async checkout(cart) {\n"
                    "    await null;\n"
                    "    return cart.total.rate;\n"
                    "  }\n"
                    "}\n"
                    "module.exports = { Shop };\n";
const char* kShopMain = "const { Shop } = require('./shop');\n"
                        "let ticks = 0;\n"
                        "const id = setInterval(() => { if (++ticks === 10) { clearInterval(id); "
                        "console.log('ticker done'); } }, 20);\n"
                        "new Shop().checkout({});\n";

// Runs the shop until its rejection is listed in the Suspended panel.
bool runUntilRejected(Ide& ide) {
    if (!ide.openFiles({{"main.js", kShopMain}, {"shop.js", kShop}})) return false;
    if (!ide.runUntilRunning()) return false;
    QTreeWidget* tree = ide.window->suspendedView()->tree();
    return QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000);
}

// The pump of kPump, stroked by a timer through an async method: after an update breaks
// it, every stroke's promise rejects unhandled.
const char* kAsyncPump = "class Pump {\n"
                         "  constructor() { this.strokes = 0; }\n"
                         "  async stroke() {\n"
                         "    this.strokes++;\n"
                         "    return 'stroke ' + this.strokes;\n"
                         "  }\n"
                         "}\n"
                         "module.exports = { Pump };\n";
const char* kAsyncPumpMain = "const { Pump } = require('./pump');\n"
                             "const pump = new Pump();\n"
                             "setInterval(() => { pump.stroke().then((s) => console.log(s)); }, "
                             "30);\n";

int linesStartingWith(Ide& ide, const QString& prefix) {
    return int(
        ide.window->transcript()
            ->toPlainText()
            .split(QLatin1Char('\n'))
            .filter(QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(prefix)))
            .size());
}

} // namespace

class TestIdeSuspend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anUncaughtExceptionSuspendsTheThread() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        QCOMPARE(int(ide.state()), int(ProgramState::Running)); // not ended
        QTreeWidget* tree = ide.window->suspendedView()->tree();
        QTreeWidgetItem* thread = tree->topLevelItem(0);
        QVERIFY(thread->text(1).startsWith("TypeError: Cannot read properties of undefined"));
        QVERIFY(thread->childCount() >= 3);
        QCOMPARE(thread->child(0)->text(0), QString("Cart.total"));
        QCOMPARE(thread->child(0)->text(1), QString("cart.js:4:56"));
        QCOMPARE(thread->child(1)->text(0), QString("report"));
        QVERIFY(transcriptHas(ide, "Uncaught TypeError"));
        // Nothing else stopped: the ticker goes on.
        QVERIFY(transcriptHas(ide, "ticker done"));
    }

    void clickingAFrameOpensItsLineAndInspectsIt() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        QTreeWidget* tree = ide.window->suspendedView()->tree();
        // Ide::editor opens the module's tab: asked inside the waits, it would make them true.
        QsciScintilla* cart = ide.editor("cart.js");
        QsciScintilla* main = ide.editor("main.js");
        main->setCursorPosition(0, 0);
        QTreeWidgetItem* report = tree->topLevelItem(0)->child(1);
        clickItem(tree, report);
        QVERIFY(QTest::qWaitFor([&] { return ide.window->currentEditor() == main; }, 5000));
        int line = 0, column = 0;
        main->getCursorPosition(&line, &column);
        QCOMPARE(line + 1, 5);
        clickItem(tree, tree->topLevelItem(0)->child(0));
        QVERIFY(QTest::qWaitFor([&] { return ide.window->currentEditor() == cart; }, 5000));
        cart->getCursorPosition(&line, &column);
        QCOMPARE(line + 1, 4);
        // The Inspector shows the frame's receiver and its parameter by name.
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QVERIFY(QTest::qWaitFor([&] { return m->rowCount() == 1 && m->rowCount(m->index(0, 0)) >= 2; },
                                10000));
        QModelIndex top = m->index(0, 0);
        QMap<QString, QString> fields;
        for (int r = 0; r < m->rowCount(top); ++r)
            fields.insert(m->index(r, ObjectTreeModel::Name, top).data().toString(),
                          m->index(r, ObjectTreeModel::Value, top).data().toString());
        QVERIFY2(fields.value("this").contains("Cart"), qPrintable(fields.value("this")));
        QVERIFY(!fields.contains("argument 1"));
        QCOMPARE(fields.value("tax"), QString("undefined"));
    }

    void fixApplyAndRestartTheFrame() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        QsciScintilla* e = ide.editor("cart.js");
        int at = lineOf(e, "tax.rate");
        QVERIFY(at > 0);
        e->setSelection(at - 1, 0, at - 1, int(e->text(at - 1).length()) - 1);
        e->replaceSelectedText("    return this.items.reduce((s, x) => s + x, 0) * (tax ? tax.rate : 10);");
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        ide.window->applyEdits();
        QVERIFY(shown.wait(10000));
        QVERIFY(ide.window->patchPanel()->commitButton()->isEnabled());
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        // The suspended thread never blocked the update.
        QVERIFY(finished.takeFirst().at(0).value<UpdateOutcome>().report.committed());
        SuspendedView* view = ide.window->suspendedView();
        view->tree()->setCurrentItem(view->tree()->topLevelItem(0)->child(0));
        QTest::mouseClick(view->restartButton(), Qt::LeftButton);
        QVERIFY(transcriptHas(ide, "total 60"));
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return ide.state() == ProgramState::Finished; }, 10000));
    }

    void terminateEndsTheThreadAndTheProgramGoesOn() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        SuspendedView* view = ide.window->suspendedView();
        view->tree()->setCurrentItem(view->tree()->topLevelItem(0));
        QTest::mouseClick(view->terminateButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
        QVERIFY(transcriptHas(ide, "ticker done"));
        QVERIFY(QTest::qWaitFor([&] { return ide.state() == ProgramState::Finished; }, 10000));
        // The report never printed: its thread ended at the exception.
        QVERIFY(!ide.window->transcript()->toPlainText().contains(
            QRegularExpression(QStringLiteral("^total "), QRegularExpression::MultilineOption)));
    }

    void restartingWithoutAFixSuspendsAgain() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        SuspendedView* view = ide.window->suspendedView();
        QTreeWidgetItem* thread = view->tree()->topLevelItem(0);
        // The innermost frame still throws without a fix: it suspends again, same stack.
        view->tree()->setCurrentItem(thread->child(0));
        QSignalSpy again(ide.window->suspendedView(), &SuspendedView::suspended);
        QTest::mouseClick(view->restartButton(), Qt::LeftButton);
        QVERIFY(again.wait(10000));
        QCOMPARE(view->tree()->topLevelItemCount(), 1);
        QCOMPARE(view->tree()->topLevelItem(0)->child(0)->text(0), QString("Cart.total"));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    // The trace the program printed (Uncaught TypeError … at Cart.total (cart.js:4:56)) has
    // a link on each frame: a click opens that file at the frame's line and column.
    void aFrameOfTheTranscriptsTraceOpensItsSource() {
        Ide ide;
        QVERIFY(runUntilSuspended(ide));
        QVERIFY(transcriptHas(ide, "at report ("));
        // Ide::editor opens the module's tab: cart.js's first, then main.js's in front.
        QsciScintilla* cart = ide.editor("cart.js");
        QsciScintilla* main = ide.editor("main.js");
        main->setCursorPosition(0, 0);
        QCOMPARE(ide.window->currentEditor(), main);
        QVERIFY(clickTranscriptLine(ide, "at Cart.total ("));
        QVERIFY(QTest::qWaitFor([&] { return ide.window->currentEditor() == cart; }, 5000));
        int line = 0, index = 0;
        cart->getCursorPosition(&line, &index);
        QCOMPARE(line + 1, 4);
        QCOMPARE(index + 1, 56);
        QVERIFY(clickTranscriptLine(ide, "at report ("));
        QVERIFY(QTest::qWaitFor([&] { return ide.window->currentEditor() == main; }, 5000));
        main->getCursorPosition(&line, &index);
        QCOMPARE(line + 1, 5);
        // The exception's own line is no link.
        TranscriptView* t = ide.window->transcript();
        QTextBlock b = t->document()->begin();
        while (b.isValid() && !b.text().startsWith("Uncaught TypeError"))
            b = b.next();
        QVERIFY(b.isValid());
        QTextCursor c(b);
        c.setPosition(b.position() + 3);
        QVERIFY(!t->frameAt(t->cursorRect(c).center()).has_value());
    }

    // Revert Last Update: an update broke the program and suspended its thread; the button
    // reverts that update (reviewed in the Patch panel like any revert) and, once it is
    // committed, restarts the frame with the previous code: the thread goes on as before.
    void revertLastUpdateBringsBackThePreviousVersionAndResumes() {
        Ide ide;
        QString original;
        QVERIFY(breakThePump(ide, &original));
        SuspendedView* view = ide.window->suspendedView();
        int strokesBefore = linesStartingWith(ide, "stroke ");
        QVERIFY(view->revertButton()->isEnabled());
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QTest::mouseClick(view->revertButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QVERIFY(ide.window->patchPanel()->commitButton()->isEnabled());
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        UpdateOutcome reverted = finished.takeFirst().at(0).value<UpdateOutcome>();
        QVERIFY2(reverted.report.committed(), reverted.report.rollbackReason.c_str());
        QsciScintilla* e = ide.editor("pump.js");

        // The previous version is the program's and the editor's again, and the history
        // says how it got there.
        QCOMPARE(e->text(), original);
        QCOMPARE(ide.fileText("pump.js"), original);
        QVERIFY(ide.window->isLive("pump.js"));
        const QList<HistoryEntry>& entries = ide.window->history()->entries();
        QCOMPARE(entries.size(), 2);
        QVERIFY2(entries[1].title.contains("Revert update #1"), qPrintable(entries[1].title));
        QVERIFY(entries[1].outcome.report.committed());
        // The thread was restarted in Pump.stroke with the old code and pumps on: no longer
        // suspended, and printing strokes again.
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
        QVERIFY(QTest::qWaitFor(
            [&] { return linesStartingWith(ide, "stroke ") >= strokesBefore + 3; }, 10000));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
        QCOMPARE(view->tree()->topLevelItemCount(), 0);
    }

    // An unhandled rejection does not end the program: the Suspended panel lists it with the
    // error and the stack where it was made; no thread stopped, so only Continue, Revert
    // Last Update and Terminate Program apply. The ticker goes on meanwhile.
    void anUnhandledRejectionIsHeldNotTheEnd() {
        Ide ide;
        QVERIFY(runUntilRejected(ide));
        SuspendedView* view = ide.window->suspendedView();
        QTreeWidgetItem* rejection = view->tree()->topLevelItem(0);
        QCOMPARE(rejection->text(0), QString("rejection #1"));
        QVERIFY2(rejection->text(1).startsWith("TypeError: Cannot read properties of undefined"),
                 qPrintable(rejection->text(1)));
        // Only the program's frames: the drain's machinery is not where it failed.
        QCOMPARE(rejection->childCount(), 1);
        QCOMPARE(rejection->child(0)->text(0), QString("Shop.checkout"));
        QCOMPARE(rejection->child(0)->text(1), QString("shop.js:4:23"));
        QVERIFY(view->statusLabel()->text().contains("rejected with no handler"));
        QVERIFY(transcriptHas(ide, "Uncaught TypeError"));
        QVERIFY(transcriptHas(ide, "ticker done"));
        QCOMPARE(int(ide.state()), int(ProgramState::Running)); // held, not ended
        QVERIFY(!view->restartButton()->isEnabled());
        QVERIFY(view->restartButton()->toolTip().contains("no frame to restart"));
        QVERIFY(!view->terminateButton()->isEnabled());
        QVERIFY(view->continueButton()->isEnabled());
        QVERIFY(view->endProgramButton()->isEnabled());
        QVERIFY(view->revertButton()->isEnabled());
        // Continue: the program goes on without it, and ends as it would have with a handler.
        QTest::mouseClick(view->continueButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return ide.state() == ProgramState::Finished; }, 10000));
    }

    // A frame of the rejection's stack opens its line, and the Inspector shows the error.
    void aRejectionsFrameOpensItsLineAndInspectsTheError() {
        Ide ide;
        QVERIFY(runUntilRejected(ide));
        // Ide::editor opens the module's tab: shop.js's first, then main.js's in front.
        QsciScintilla* shop = ide.editor("shop.js");
        QsciScintilla* main = ide.editor("main.js");
        QCOMPARE(ide.window->currentEditor(), main);
        QTreeWidget* tree = ide.window->suspendedView()->tree();
        clickItem(tree, tree->topLevelItem(0)->child(0));
        QVERIFY(QTest::qWaitFor([&] { return ide.window->currentEditor() == shop; }, 5000));
        int line = 0, column = 0;
        shop->getCursorPosition(&line, &column);
        QCOMPARE(line + 1, 4);
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        auto fieldOfError = [&](const QString& name) {
            if (m->rowCount() != 1) return QString();
            QModelIndex top = m->index(0, 0);
            for (int r = 0; r < m->rowCount(top); ++r)
                if (m->index(r, ObjectTreeModel::Name, top).data().toString() == name)
                    return m->index(r, ObjectTreeModel::Value, top).data().toString();
            return QString();
        };
        QVERIFY(QTest::qWaitFor(
            [&] { return fieldOfError("message").contains("Cannot read properties of undefined"); },
            10000));
    }

    // Terminate Program ends it as `molt run` does on an unhandled rejection: exit code 1.
    void terminateProgramEndsItAsMoltRunWould() {
        Ide ide;
        QVERIFY(runUntilRejected(ide));
        SuspendedView* view = ide.window->suspendedView();
        QTest::mouseClick(view->endProgramButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return ide.state() == ProgramState::Failed; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
        QVERIFY(!ide.window->transcript()->toPlainText().contains("ticker done"));
    }

    // An update makes an async method throw: each stroke's promise is held as a rejection.
    // Revert Last Update takes the update back out and lets the selected rejection go; the
    // timer strokes with the old code again.
    void revertLastUpdateAfterARejectionGoesOnWithTheOldCode() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kAsyncPumpMain}, {"pump.js", kAsyncPump}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(transcriptHas(ide, "stroke 3"));
        QsciScintilla* e = ide.editor("pump.js");
        QString original = e->text();
        QVERIFY(replaceByTyping(e, "'stroke ' + this.strokes", "this.valve.open()"));
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        ide.window->applyEdits();
        QVERIFY(shown.wait(10000));
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.takeFirst().at(0).value<UpdateOutcome>().report.committed());
        SuspendedView* view = ide.window->suspendedView();
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() >= 1; }, 10000));
        QTreeWidgetItem* first = view->tree()->topLevelItem(0);
        QVERIFY2(first->text(1).startsWith("TypeError"), qPrintable(first->text(1)));
        QCOMPARE(first->child(0)->text(0), QString("Pump.stroke"));
        QCOMPARE(view->selectedRejection(), 1u); // later rejections leave the selection alone
        int strokesBefore = linesStartingWith(ide, "stroke ");

        QTest::mouseClick(view->revertButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.takeFirst().at(0).value<UpdateOutcome>().report.committed());
        QCOMPARE(e->text(), original);
        auto listed = [&](const QString& name) {
            for (int i = 0; i < view->tree()->topLevelItemCount(); ++i)
                if (view->tree()->topLevelItem(i)->text(0) == name) return true;
            return false;
        };
        QVERIFY(QTest::qWaitFor([&] { return !listed("rejection #1"); }, 5000));
        QVERIFY(QTest::qWaitFor(
            [&] { return linesStartingWith(ide, "stroke ") >= strokesBefore + 3; }, 10000));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    // A Revert Last Update whose review the user discarded restarts nothing later: after a
    // fix is committed the frame waits for Restart Frame, as after any fix.
    void aDiscardedRevertRestartsNoFrameAtTheNextCommit() {
        Ide ide;
        QVERIFY(breakThePump(ide));
        SuspendedView* view = ide.window->suspendedView();
        PatchPanel* panel = ide.window->patchPanel();
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QTest::mouseClick(view->revertButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QTest::mouseClick(panel->discardButton(), Qt::LeftButton);
        QVERIFY(
            replaceByTyping(ide.editor("pump.js"), "this.valve.open()", "'fixed ' + this.strokes"));
        ide.window->applyEdits();
        QVERIFY(shown.wait(10000));
        QSignalSpy actions(ide.window->host(), &VmHost::threadActionDone);
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(panel->commitButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.takeFirst().at(0).value<UpdateOutcome>().report.committed());
        // A round trip to the program: a restart asked for at the commit is answered first.
        QSignalSpy threads(ide.window->host(), &VmHost::threadsReady);
        ide.window->host()->requestThreads();
        QVERIFY(threads.wait(10000));
        QCOMPARE(actions.count(), 0);
        QCOMPARE(view->tree()->topLevelItemCount(), 1);
        // Restart Frame runs the fix.
        view->tree()->setCurrentItem(view->tree()->topLevelItem(0)->child(0));
        QTest::mouseClick(view->restartButton(), Qt::LeftButton);
        QVERIFY(transcriptHas(ide, "fixed "));
        QVERIFY(QTest::qWaitFor([&] { return view->tree()->topLevelItemCount() == 0; }, 5000));
    }
};

QTEST_MAIN(TestIdeSuspend)
#include "tst_ide_suspend.moc"
