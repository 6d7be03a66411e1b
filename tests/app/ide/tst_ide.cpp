// molt-ide end to end: open the example, run it, type an edit, apply, review and commit
// the patch, and check through the inspector's models that the instances were migrated
// with the same identity and the expected values. Also: a compile error, a rollback, a
// patch edited in the panel, revert, cancel while waiting for a safe point, the world
// view, paging through a million instances, and persisted settings.
#include "app/ide/project.h"
#include "app/ide/views/textdiff.h"
#include "app/ide/views/threadsview.h"
#include "app/ide/views/transcriptview.h"
#include "app/ide/views/worldview.h"
#include "guitest.h"

#include <QRegularExpression>
#include <QSettings>
#include <QTreeWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

// The shop example, running long enough for every test (a round every 20 ms).
bool openShop(Ide& ide) {
    QString folder = installExample("shop", ide.dir.path());
    QFile config(QDir(folder).filePath("molt.json"));
    if (folder.isEmpty() || !config.open(QIODevice::WriteOnly)) return false;
    config.write("{\"args\": [\"100000\"]}");
    config.close();
    return ide.window->openProject(folder);
}

// Adds `stock = 10;` to Product by typing it into catalog.js.
void typeStockField(Ide& ide) {
    QsciScintilla* e = ide.editor("catalog.js");
    int line = lineOf(e, "static currency");
    QVERIFY(line > 0);
    typeAtEndOfLine(e, line, "\nstock = 10;"); // auto-indent adds the two spaces
    QVERIFY(e->text().contains("static currency = \"EUR\";\n  stock = 10;"));
}

PatchPreview applyAndWaitForPatch(Ide& ide) {
    QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
    ide.window->applyEdits();
    if (!shown.wait(10000)) return {};
    return shown.takeFirst().at(0).value<PatchPreview>();
}

UpdateOutcome clickCommit(Ide& ide) {
    QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
    QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
    if (!finished.wait(15000)) return {};
    return finished.takeFirst().at(0).value<UpdateOutcome>();
}

int rowOfChange(ChangeTableModel* m, const QString& kind, const QString& member) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, ChangeTableModel::Kind).data().toString() == kind &&
            m->index(r, ChangeTableModel::Member).data().toString() == member)
            return r;
    return -1;
}

} // namespace

class TestIde : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_ide");
    }

    void applyMigratesLiveInstancesWithTheirIdentity() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(before.size(), 3);
        QVERIFY(before[0].summary.contains("cents:"));

        typeStockField(ide);
        QVERIFY(!ide.window->isLive("catalog.js"));
        PatchPreview preview = applyAndWaitForPatch(ide);
        QVERIFY2(preview.ok, preview.error.c_str());
        ChangeTableModel* changes = ide.window->patchPanel()->changes();
        int row = rowOfChange(changes, "field added", "stock");
        QVERIFY2(row >= 0, "the change table lists the added field");
        QCOMPARE(changes->index(row, ChangeTableModel::Class).data().toString(),
                 QString("Product"));
        QVERIFY(!changes->index(row, ChangeTableModel::Policy).data().toString().isEmpty());
        QVERIFY(ide.window->patchPanel()->scriptEditor()->text().contains(
            "dsu.addInstanceVariable(\"Product\", \"stock\""));
        QCOMPARE(ide.state(), ProgramState::Running); // nothing changed during the review
        QString diff = ide.window->patchPanel()->sourceDiff()->text();
        QVERIFY2(diff.startsWith("--- a/catalog.js\n+++ b/catalog.js\n@@ -1,"), qPrintable(diff));
        QVERIFY(diff.contains("\n+  stock = 10;\n"));

        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY(outcome.started);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(outcome.report.instancesMigrated, size_t(3));
        QVERIFY(ide.window->isLive("catalog.js"));
        QCOMPARE(ide.fileText("catalog.js"), ide.editor("catalog.js")->text()); // saved

        // The inspector: the same identities, the old values, and the new field.
        QList<Instance> after = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(after.size(), 3);
        QSet<uint32_t> ids, idsAfter;
        for (auto& i : before)
            ids.insert(i.identity);
        for (auto& i : after)
            idsAfter.insert(i.identity);
        QCOMPARE(idsAfter, ids);
        for (const Instance& i : after) {
            QMap<QString, QString> fields = inspectFields(ide.window.get(), i.identity);
            QCOMPARE(fields.value("stock"), QString("10"));
            QVERIFY(fields.contains("cents") && fields.contains("sku"));
        }
        QMap<QString, QString> tea;
        for (const Instance& i : after) {
            auto f = inspectFields(ide.window.get(), i.identity);
            if (f.value("sku") == "'tea'") tea = f;
        }
        QCOMPARE(tea.value("cents"), QString("450"));

        // Before/After: every migrated instance, same identity, the new field marked added.
        BeforeAfterModel* ba = ide.window->inspector()->beforeAfter()->model();
        QCOMPARE(ba->rowCount(), 3);
        for (int r = 0; r < ba->rowCount(); ++r) {
            QModelIndex top = ba->index(r, 0);
            QVERIFY(ids.contains(top.data(BeforeAfterModel::IdentityRole).toUInt()));
            bool sawStock = false, sawCents = false;
            for (int c = 0; c < ba->rowCount(top); ++c) {
                QString field = ba->index(c, BeforeAfterModel::Field, top).data().toString();
                QString change = ba->index(c, BeforeAfterModel::Change, top).data().toString();
                if (field == "stock") {
                    sawStock = true;
                    QCOMPARE(change, QString("added"));
                    QCOMPARE(ba->index(c, BeforeAfterModel::After, top).data().toString(),
                             QString("10"));
                }
                if (field == "cents") {
                    sawCents = true;
                    QCOMPARE(change, QString("unchanged"));
                }
            }
            QVERIFY(sawStock && sawCents);
        }
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(ide.window->history()->reportView()->text().contains("\"instances_migrated\": 3"));
        QCOMPARE(ide.window->messageBar()->kind(), MessageBar::Kind::Success);
        QCOMPARE(ide.state(), ProgramState::Running); // the program kept running
    }

    void compileErrorIsShownInlineAndNothingIsCommitted() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QsciScintilla* e = ide.editor("catalog.js");
        int line = lineOf(e, "static currency");
        typeAtEndOfLine(e, line, "\nstock = ;");
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QSignalSpy previews(ide.window->host(), &VmHost::patchPreviewReady);
        // Ctrl+S in the editor is Apply while the program runs.
        ide.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(ide.window.get()));
        QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(ide.window->messageBar()->isVisible(), 10000);
        QCOMPARE(previews.count(), 1);
        auto preview = previews.at(0).at(0).value<PatchPreview>();
        QCOMPARE(QString::fromStdString(preview.errorFile), QString("catalog.js"));
        QCOMPARE(int(preview.errorLine), line + 1);
        QVERIFY(ide.window->messageBar()->text().contains("Compile error"));
        QVERIFY(
            ide.window->messageBar()->text().contains("catalog.js:" + QString::number(line + 1)));
        QList<EditorDiagnostic> diagnostics = editorDiagnostics(e);
        QVERIFY2(diagnostics.size() == 1, qPrintable(ide.window->messageBar()->text()));
        QCOMPARE(diagnostics[0].line, line + 1);
        QCOMPARE(shown.count(), 0); // no patch to review
        QVERIFY(ide.window->history()->entries().isEmpty());
        QVERIFY(!ide.window->isLive("catalog.js"));
        QList<Instance> products = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(products.size(), 3);
        QVERIFY(!inspectFields(ide.window.get(), products[0].identity).contains("stock"));
        QCOMPARE(ide.state(), ProgramState::Running);
    }

    void compileErrorAfterAReviewLeavesNoDeadPatch() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        typeStockField(ide);
        QVERIFY(applyAndWaitForPatch(ide).ok);
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(panel->commitButton()->isEnabled());
        // A newer edit that does not compile replaces the review: the older patch is not
        // left behind with a Commit that would do nothing.
        QsciScintilla* e = ide.editor("catalog.js");
        typeAtEndOfLine(e, lineOf(e, "stock = 10;"), "\nbroken = ;");
        QSignalSpy previews(ide.window->host(), &VmHost::patchPreviewReady);
        ide.window->applyEdits();
        QVERIFY(previews.wait(10000));
        QVERIFY(ide.window->messageBar()->text().contains("Compile error"));
        QVERIFY(!panel->commitButton()->isEnabled());
        QCOMPARE(panel->changes()->rowCount(), 0);
        QVERIFY(ide.window->history()->entries().isEmpty());
    }

    void programThatDoesNotCompileShowsWhereOnRun() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class A {\n  m() { return 1 +; }\n}\n"}}));
        ide.window->runProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::Failed, 10000);
        QCOMPARE(ide.window->status().exitCode, 2);
        QList<EditorDiagnostic> diagnostics = editorDiagnostics(ide.editor("main.js"));
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics[0].line, 2);
        QVERIFY(ide.window->transcript()->toPlainText().contains("main.js:2:"));
    }

    void patchEditedInThePanelIsCommittedWithTheGeneratedOne() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        typeStockField(ide);
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QsciScintilla* script = ide.window->patchPanel()->scriptEditor();
        QVERIFY(replaceByTyping(script, "return 10;", "return 7;"));
        QVERIFY(script->text().contains("return 7;"));
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QVERIFY(QString::fromStdString(outcome.userPatch).contains("return 7;"));
        QList<Instance> products = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(products.size(), 3);
        for (const Instance& p : products)
            QCOMPARE(inspectFields(ide.window.get(), p.identity).value("stock"), QString("7"));
        QVERIFY(ide.window->history()->scriptView()->text().contains("your edits"));
    }

    void rollbackShowsItsReasonAndKeepsTheEditNotLive() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        typeStockField(ide);
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QsciScintilla* script = ide.window->patchPanel()->scriptEditor();
        QVERIFY(replaceByTyping(script, "module.exports = function (dsu) {",
                                "module.exports = function (dsu) {\n  dsu.addValidation("
                                "\"stock is counted first\", (oldNs, newNs) => false);"));
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY(outcome.started);
        QVERIFY(!outcome.report.committed());
        QVERIFY(ide.window->messageBar()->isVisible());
        QCOMPARE(ide.window->messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(ide.window->messageBar()->text().contains("stock is counted first"),
                 qPrintable(ide.window->messageBar()->text()));
        QVERIFY(ide.editor("catalog.js")->text().contains("stock = 10;")); // the edit stays
        QVERIFY(!ide.window->isLive("catalog.js"));                        // ... not live
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(!ide.window->history()->entries()[0].outcome.report.committed());
        QList<Instance> after = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after[0].identity, before[0].identity);
        QVERIFY(!inspectFields(ide.window.get(), after[0].identity).contains("stock"));
        // The same script would roll back again: Commit waits for the fix, then retries.
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(panel->blockerLabel()->text().contains("rolled back"));
        QVERIFY(replaceByTyping(panel->scriptEditor(), "=> false", "=> true"));
        QVERIFY(panel->commitButton()->isEnabled());
    }

    void revertIsANewUpdateBackToThePreviousSource() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QString original = ide.editor("catalog.js")->text();
        typeStockField(ide);
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QVERIFY(clickCommit(ide).report.committed());
        QList<Instance> migrated = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QVERIFY(inspectFields(ide.window.get(), migrated[0].identity).contains("stock"));

        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        ide.window->history()->select(1);
        QTest::mouseClick(ide.window->history()->revertButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        auto preview = shown.takeFirst().at(0).value<PatchPreview>();
        QVERIFY(preview.ok);
        QVERIFY(rowOfChange(ide.window->patchPanel()->changes(), "field removed", "stock") >= 0);
        // Dropping the live stock values is a REVIEW row: Commit waits for the tick.
        QVERIFY(!ide.window->patchPanel()->commitButton()->isEnabled());
        ide.window->patchPanel()->reviewedBox()->setChecked(true);
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(ide.editor("catalog.js")->text(), original);
        QCOMPARE(ide.fileText("catalog.js"), original);
        QVERIFY(ide.window->isLive("catalog.js"));
        QList<Instance> reverted = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QCOMPARE(reverted.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(reverted[i].identity, migrated[i].identity);
        QVERIFY(!inspectFields(ide.window.get(), reverted[0].identity).contains("stock"));
        QCOMPARE(ide.window->history()->entries().size(), 2);
    }

    // A frame looping in a changed method moves to the new code at its loop's back-edge
    // (docs/dsu.md "Update points"); afterwards the Threads view marks that frame, and only
    // it, until the next update.
    void threadsViewMarksFramesMovedToNewCode() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Worker {\n"
                                           "  constructor() { this.n = 0; }\n"
                                           "  work() {\n"
                                           "    for (;;) { this.n++; Thread.sleep(5); }\n"
                                           "  }\n"
                                           "  idle() {\n"
                                           "    for (;;) Thread.sleep(5);\n"
                                           "  }\n"
                                           "}\n"
                                           "const worker = new Worker();\n"
                                           "Thread.spawn(() => worker.work());\n"
                                           "Thread.spawn(() => worker.idle());\n"}}));
        QVERIFY(ide.runUntilRunning());
        ThreadsView* threads = ide.window->threadsView();
        threads->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            !threads->tree()->findItems("Worker.work", Qt::MatchRecursive).isEmpty(), 10000);
        auto movedFrames = [&] {
            QStringList out;
            for (QTreeWidgetItem* i :
                 threads->tree()->findItems("Worker.", Qt::MatchRecursive | Qt::MatchStartsWith))
                if (i->data(0, ThreadsView::kMovedRole).toBool()) out << i->text(0);
            return out;
        };
        QVERIFY(movedFrames().isEmpty());

        QVERIFY(replaceByTyping(ide.editor("main.js"), "this.n++;", "this.n += 2;"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(outcome.report.transferred.size(), size_t(1));
        QCOMPARE(outcome.report.transferred[0].function, std::string("Worker.work"));
        QCOMPARE(outcome.report.transferred[0].loop, std::string("1"));
        // The view refreshes itself after the update; the idle thread's frame is not marked.
        QTRY_COMPARE_WITH_TIMEOUT(movedFrames(), QStringList{"Worker.work (moved to new code)"},
                                  10000);
        QList<QTreeWidgetItem*> work =
            threads->tree()->findItems("Worker.work", Qt::MatchRecursive | Qt::MatchStartsWith);
        QCOMPARE(work.size(), 1);
        QVERIFY(work[0]->toolTip(0).contains("loop 1 (main.js:4:5)"));
        QCOMPARE(work[0]->parent()->data(1, Qt::UserRole).toUInt(),
                 outcome.report.transferred[0].thread);

        // An update that moves nothing clears the marks.
        QVERIFY(replaceByTyping(ide.editor("main.js"), "constructor() { this.n = 0; }",
                                "constructor() { this.n = 1; }"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        UpdateOutcome second = clickCommit(ide);
        QVERIFY2(second.report.committed(), second.report.rollbackReason.c_str());
        QVERIFY(second.report.transferred.empty());
        QTRY_VERIFY_WITH_TIMEOUT(movedFrames().isEmpty(), 10000);
        QVERIFY(!threads->tree()->findItems("Worker.work", Qt::MatchRecursive).isEmpty());
    }

    // A frame that waits in a call (run() below serve(), which sleeps) reaches no back-edge:
    // the update arms it at that call's return. The Threads view marks it with when it moves
    // and where, and after the call returns the thread runs the new code.
    void threadsViewMarksFramesArmedAtACallReturn() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Worker {\n"
                                           "  constructor() { this.n = 0; this.rounds = 0; }\n"
                                           "  serve() {\n"
                                           "    for (let k = 0; k < 40; k++) Thread.sleep(5);\n"
                                           "  }\n"
                                           "  run() {\n"
                                           "    for (;;) {\n"
                                           "      this.serve();\n"
                                           "      this.rounds += 1;\n"
                                           "    }\n"
                                           "  }\n"
                                           "}\n"
                                           "const worker = new Worker();\n"
                                           "Thread.spawn(() => worker.run());\n"}}));
        QVERIFY(ide.runUntilRunning());
        ThreadsView* threads = ide.window->threadsView();
        threads->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            !threads->tree()->findItems("Worker.serve", Qt::MatchRecursive).isEmpty(), 10000);

        QVERIFY(replaceByTyping(ide.editor("main.js"), "this.rounds += 1;",
                                "this.rounds += 1000; console.log(`v2 rounds=${this.rounds}`);"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(outcome.report.transferred.size(), size_t(1));
        QCOMPARE(outcome.report.transferred[0].function, std::string("Worker.run"));
        QCOMPARE(outcome.report.transferred[0].loop, std::string("call this.serve() in loop 1"));
        auto marked = [&] {
            QStringList out;
            for (QTreeWidgetItem* i :
                 threads->tree()->findItems("Worker.", Qt::MatchRecursive | Qt::MatchStartsWith))
                if (i->data(0, ThreadsView::kMovedRole).toBool()) out << i->text(0);
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(marked(), QStringList{"Worker.run (new code from its call's return)"},
                                  10000);
        QList<QTreeWidgetItem*> run =
            threads->tree()->findItems("Worker.run", Qt::MatchRecursive | Qt::MatchStartsWith);
        QCOMPARE(run.size(), 1);
        QVERIFY2(run[0]->toolTip(0).contains("armed"), qPrintable(run[0]->toolTip(0)));
        QVERIFY2(run[0]->toolTip(0).contains("call this.serve() in loop 1 (main.js:8:7)"),
                 qPrintable(run[0]->toolTip(0)));
        QCOMPARE(run[0]->parent()->data(1, Qt::UserRole).toUInt(),
                 outcome.report.transferred[0].thread);
        // When serve() returns, run() goes on in the new code, its state kept.
        QTRY_VERIFY_WITH_TIMEOUT(
            ide.window->transcript()->toPlainText().contains(QRegularExpression("v2 rounds=1\\d\\d\\d\\b")),
            10000);
    }

    void updateWaitingForASafePointCanBeCancelledOrTimesOut() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Worker {\n"
                                           "  constructor() { this.n = 0; }\n"
                                           "  work() {\n"
                                           "    // inside a try block: its frame cannot move to new code (docs/dsu.md)\n"
                                           "    try { for (;;) { this.n++; Thread.sleep(5); } } catch (e) { throw e; }\n"
                                           "  }\n"
                                           "}\n"
                                           "const worker = new Worker();\n"
                                           "Thread.spawn(() => worker.work());\n"}}));
        ide.window->host()->setSafePointTimeout(60000);
        QVERIFY(ide.runUntilRunning());
        // The Threads view shows the worker inside Worker.work.
        ThreadsView* threads = ide.window->threadsView();
        threads->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            !threads->tree()->findItems("Worker.work", Qt::MatchRecursive).isEmpty(), 10000);

        QsciScintilla* e = ide.editor("main.js");
        QVERIFY(replaceByTyping(e, "this.n++;", "this.n += 2;"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ide.window->patchPanel()->isWaiting(), 10000);
        QVERIFY(ide.window->patchPanel()->cancelUpdateButton()->isVisible());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 0); // still waiting: the worker never leaves work()
        QTest::mouseClick(ide.window->patchPanel()->cancelUpdateButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        auto cancelled = finished.takeFirst().at(0).value<UpdateOutcome>();
        QVERIFY(!cancelled.report.committed());
        QVERIFY(QString::fromStdString(cancelled.report.rollbackReason).contains("cancelled"));
        QVERIFY(!ide.window->patchPanel()->isWaiting());
        QCOMPARE(ide.state(), ProgramState::Running);

        // With a short timeout the update rolls back naming the blocking frame.
        ide.window->host()->setSafePointTimeout(200);
        UpdateOutcome timedOut = clickCommit(ide);
        QVERIFY(timedOut.started);
        QVERIFY(!timedOut.report.committed());
        QVERIFY2(ide.window->messageBar()->text().contains("safe point"),
                 qPrintable(ide.window->messageBar()->text()));
        QVERIFY(ide.window->messageBar()->text().contains("work"));
        QVERIFY(!ide.window->isLive("main.js"));
        QList<Instance> workers = inspectInstances(ide.window.get(), "main.js", "Worker", 1);
        QCOMPARE(workers.size(), 1);
        QVERIFY(inspectFields(ide.window.get(), workers[0].identity).value("n").toInt() > 0);
    }

    void worldViewShowsFramesAndEditsChangeThemAtOnce() {
        Ide ide;
        QVERIFY(ide.window->openExample("bounce"));
        QVERIFY(ide.runUntilRunning());
        WorldView* world = ide.window->worldView();
        QTRY_VERIFY_WITH_TIMEOUT(world->framesShown() > 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            ide.window->transcript()->toPlainText().contains("bouncing 9 shapes"), 5000);
        // Canvas.width/height follow the view.
        QTRY_COMPARE_WITH_TIMEOUT(world->frame()->width, double(world->width()), 5000);

        auto hasBlockColor = [&](uint32_t argb) {
            FramePtr f = world->frame();
            if (!f) return false;
            for (const molt::CanvasOp& op : f->ops)
                if (op.kind == molt::CanvasOp::Kind::FillRect && op.color == argb) return true;
            return false;
        };
        QVERIFY(hasBlockColor(0xfff2c14e));
        QsciScintilla* shapes = ide.editor("shapes.js");
        QVERIFY(replaceByTyping(shapes, "f2c14e", "00ff00"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(hasBlockColor(0xff00ff00), 5000);

        ide.window->togglePause();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::Paused, 5000);
        QTest::qWait(100);
        uint64_t frames = world->framesShown();
        QTest::qWait(200);
        QCOMPARE(world->framesShown(), frames);
        ide.window->togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(world->framesShown() > frames, 5000);
        ide.window->stopProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::NotStarted, 5000);
        ide.window->restartProgram();
        QTRY_COMPARE_WITH_TIMEOUT(ide.state(), ProgramState::Running, 5000);
    }

    void instancesArePagedThroughAMillion() {
        Ide ide;
        QVERIFY(ide.openFiles(
            {{"main.js", "class Item {\n"
                         "  constructor(i) { this.i = i; }\n"
                         "}\n"
                         "const items = [];\n"
                         "for (let i = 0; i < 1000000; i++) items.push(new Item(i));\n"
                         "setInterval(() => {}, 1000);\n"}}));
        QVERIFY(ide.runUntilRunning());
        Inspector* in = ide.window->inspector();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                in->classes()->refresh();
                QTest::qWait(200);
                int row = in->classes()->rowOf("main.js", "Item");
                return row >= 0 && in->classes()->classAt(row)->instances == 1000000;
            }(),
            60000);
        in->selectClass("main.js", "Item");
        QTRY_COMPARE_WITH_TIMEOUT(in->instances()->total(), 1000000L, 20000);
        QCOMPARE(in->instances()->rowCount(), 200);
        QCOMPARE(in->instances()->pageCount(), 5000);
        in->instances()->setPage(4999);
        QTRY_COMPARE_WITH_TIMEOUT(in->instances()->page(), 4999, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            in->instances()->rowCount() == 200 && in->instances()->identityAt(0) > 0, 20000);
        uint32_t last = 0;
        for (int r = 0; r < in->instances()->rowCount(); ++r) {
            QVERIFY(in->instances()->identityAt(r) > last); // identity order within the page
            last = in->instances()->identityAt(r);
        }
        QVERIFY(in->instances()->index(0, 1).data().toString().startsWith("Item { i: "));
    }

    void unifiedDiffShowsHunksWithContext() {
        std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        std::string after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
        QCOMPARE(QString::fromStdString(unifiedDiff(before, after, "m.js", 1)),
                 QString("--- a/m.js\n+++ b/m.js\n"
                         "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
                         "@@ -10,1 +10,2 @@\n j\n+k\n"));
        QCOMPARE(QString::fromStdString(unifiedDiff(before, before, "m.js")), QString());
        QCOMPARE(QString::fromStdString(unifiedDiff("", "x\n", "new.js")),
                 QString("--- a/new.js\n+++ b/new.js\n@@ -0,0 +1,1 @@\n+x\n"));
    }

    void themeFontLayoutAndRecentProjectsArePersisted() {
        QTemporaryDir settingsDir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        QTemporaryDir examples;
        QString folder;
        {
            MainWindow::Options options;
            options.examplesFolder = examples.path();
            MainWindow w(options);
            w.show();
            QVERIFY(w.openExample("shop"));
            folder = w.project().root;
            w.setDarkTheme(true);
            w.setFontSize(14);
            w.dock("historyDock")->raise();
            w.close();
        }
        MainWindow::Options options;
        options.examplesFolder = examples.path();
        MainWindow again(options);
        QCOMPARE(again.fontSize(), 14);
        QVERIFY(isDarkTheme());
        QCOMPARE(again.recentProjects().value(0), folder);
        again.openInitialProject();
        QCOMPARE(again.project().root, folder);
        again.setDarkTheme(false);
    }
};

QTEST_MAIN(TestIde)
#include "tst_ide.moc"
