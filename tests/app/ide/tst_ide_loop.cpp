// molt-ide's everyday loop (issue 15): the keys, markers, panels and history a user meets
// on every edit. Each test drives the real window as a user would and failed before the
// fix it names: Return in a refactoring dialog, history per project, Redo and Undo after a
// refactoring, F12 across modules, compile-error markers, saves without a change, the
// message bar's place, the refactoring UI's labels, Commit's guards and the stale patch.
#include "app/ide/textmerge.h"
#include "app/ide/views/refactordialog.h"
#include "editor/codeeditor.h"
#include "guitest.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

bool placeCaret(Ide& ide, const QString& module, const QString& needle, int offset = 1) {
    QsciScintilla* e = ide.editor(module);
    int line = lineOf(e, needle);
    if (!line) return false;
    e->setFocus();
    e->setCursorPosition(line - 1, int(e->text(line - 1).indexOf(needle)) + offset);
    return true;
}

RefactorDialog* triggerRefactoring(Ide& ide, const QString& kind) {
    Q_EMIT ide.window->refactorMenu()->aboutToShow();
    QAction* a = ide.window->refactorAction(kind);
    if (!a || !a->isEnabled()) return nullptr;
    a->trigger();
    return ide.window->refactorDialog();
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

// Replaces the line holding `needle` of a module's editor.
void replaceLine(Ide& ide, const QString& module, const QString& needle, const QString& line) {
    QsciScintilla* e = ide.editor(module);
    int at = lineOf(e, needle);
    QVERIFY(at > 0);
    e->setSelection(at - 1, 0, at - 1, int(e->text(at - 1).length()) - 1);
    e->replaceSelectedText(line);
}

// Replaces the line of `needle` in shapes.js and commits it; true when it committed.
bool commitLineEdit(Ide& ide, const QString& needle, const QString& line) {
    replaceLine(ide, "shapes.js", needle, line);
    PatchPreview preview = applyAndWaitForPatch(ide);
    if (!preview.ok) return false;
    if (!ide.window->patchPanel()->commitButton()->isEnabled()) return false;
    return clickCommit(ide).report.committed();
}

// Changes Shape.area's body and commits it; true when it committed.
bool commitAreaEdit(Ide& ide, const QString& body) {
    return commitLineEdit(ide, "area()", QStringLiteral("  area() { return %1; }").arg(body));
}

// Shape with its methods apart, so that two updates can change separate lines.
const char* kSpacedShapes = "class Shape {\n"
                            "  constructor(side) { this.side = side; }\n"
                            "\n"
                            "  area() { return this.side * this.side; }\n"
                            "\n"
                            "  name() { return 'shape'; }\n"
                            "}\n"
                            "module.exports = { Shape };\n";

} // namespace

class TestIdeLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_ide_loop");
    }

    // Bug 1: Return previewed, and the same key press then committed through the default
    // button the preview had just set.
    void returnInARefactoringDialogPreviewsAndOnlyTheNextReturnCommits() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Point {\n  x = 1;\n}\nnew Point();\n"}}));
        QString original = ide.fileText("main.js");
        QVERIFY(placeCaret(ide, "main.js", "Point", 2));
        RefactorDialog* d = triggerRefactoring(ide, "rename-class");
        QVERIFY(d);
        d->nameEdit()->selectAll();
        QTest::keyClicks(d->nameEdit(), "Vec");
        QVERIFY(!d->hasPreview());
        QTest::keyClick(d->nameEdit(), Qt::Key_Return);
        QVERIFY(d->hasPreview());
        QVERIFY(d->isVisible()); // the dialog stays: nothing was committed
        QCOMPARE(ide.fileText("main.js"), original);
        QVERIFY(d->sourceDiff()->text().contains("class Vec"));
        QSignalSpy done(ide.window.get(), &MainWindow::refactoringFinished);
        QTest::keyClick(d->nameEdit(), Qt::Key_Return); // the second press commits
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QVERIFY(done.at(0).at(0).toBool());
        QVERIFY(ide.fileText("main.js").contains("class Vec"));
    }

    // Bug 4: Ctrl+Z after a refactoring did nothing (the editor's text was set anew, which
    // empties the undo history), and Ctrl+Shift+Z, the menu's Redo, was not bound.
    void undoAndRedoKeysWorkAfterARefactoring() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Point {\n  x = 1;\n}\nnew Point();\n"}}));
        QsciScintilla* e = ide.editor("main.js");
        QString original = e->text();
        QVERIFY(placeCaret(ide, "main.js", "Point", 2));
        RefactorDialog* d = triggerRefactoring(ide, "rename-class");
        QVERIFY(d);
        d->nameEdit()->setText("Vec");
        QVERIFY(d->preview());
        QSignalSpy done(ide.window.get(), &MainWindow::refactoringFinished);
        QTest::mouseClick(d->commitButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QString renamed = e->text();
        QVERIFY(renamed.contains("class Vec"));
        e->setFocus();
        QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(e->text(), original);
        QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(e->text(), renamed);
    }

    // Bug 5: each editor searched only its own file.
    void goToDefinitionFindsAClassOfAnotherModule() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        auto* main = qobject_cast<molt::editor::CodeEditor*>(ide.editor("main.js"));
        QVERIFY(main);
        int line = lineOf(main, "new Shape(2)");
        main->setFocus();
        main->setCursorPosition(line - 1, int(main->text(line - 1).indexOf("Shape(2)")) + 2);
        QTest::keyClick(main, Qt::Key_F12);
        auto* tabs = ide.window->findChild<QTabWidget*>("editorTabs");
        QTRY_COMPARE_WITH_TIMEOUT(tabs->currentWidget(), ide.window->editorFor("shapes.js", false),
                                  5000);
        int row = 0, column = 0;
        ide.window->editorFor("shapes.js", false)->getCursorPosition(&row, &column);
        QCOMPARE(row, 0); // class Shape
    }

    // Bug 6: a compile error's marker stayed after its line was fixed, until the next save.
    void compileErrorMarkerGoesWhenItsLineIsEdited() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QsciScintilla* e = ide.editor("shapes.js");
        int line = lineOf(e, "area()");
        typeAtEndOfLine(e, line, "\n  broken() { return 1 +; }");
        QSignalSpy previews(ide.window->host(), &VmHost::patchPreviewReady);
        ide.window->applyEdits();
        QVERIFY(previews.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(editorDiagnostics(e).size(), 1, 5000);
        int errorLine = editorDiagnostics(e)[0].line;
        QCOMPARE(errorLine, line + 1);
        // An edit elsewhere keeps the marker (the error is still there) ...
        typeAtEndOfLine(e, 1, " ");
        QCOMPARE(editorDiagnostics(e).size(), 1);
        // ... fixing its line clears it without a save.
        QVERIFY(replaceByTyping(e, "1 +;", "1 + 2;"));
        QCOMPARE(editorDiagnostics(e).size(), 0);
        QVERIFY(ide.editor("shapes.js")->isModified());
    }

    // Bug 7: a save without a change diffed, paused and committed an empty update.
    void saveWithoutAChangeCommitsNothing() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QSignalSpy previews(ide.window->host(), &VmHost::patchPreviewReady);
        QSignalSpy finished(ide.window->host(), &VmHost::updateFinished);
        ide.window->applyEdits();
        // A typed-and-removed edit is no change either.
        QsciScintilla* e = ide.editor("shapes.js");
        typeAtEndOfLine(e, 1, "x");
        QTest::keyClick(e, Qt::Key_Backspace);
        ide.window->applyEdits();
        // A real edit afterwards is the first request the host sees.
        QVERIFY(commitAreaEdit(ide, "this.side * 2"));
        QCOMPARE(previews.count(), 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(ide.window->history()->entries().size(), 1);
    }

    // Bug 10: the message bar above the editors pushed the text down when it appeared.
    void messageBarDoesNotMoveTheEditorText() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}}));
        QsciScintilla* e = ide.editor("main.js");
        QApplication::processEvents();
        QPoint before = e->mapTo(ide.window.get(), QPoint(0, 0));
        ide.window->messageBar()->showMessage(MessageBar::Kind::Error, "Something happened",
                                              "with\nseveral\nlines of detail");
        QApplication::processEvents();
        QVERIFY(ide.window->messageBar()->isVisible());
        QCOMPARE(e->mapTo(ide.window.get(), QPoint(0, 0)), before);
        ide.window->messageBar()->hide();
        QApplication::processEvents();
        QCOMPARE(e->mapTo(ide.window.get(), QPoint(0, 0)), before);
    }

    // Bug 10: "Merge Class Held by Field" was offered on a string field.
    void mergeClassIsOfferedOnlyForAFieldThatHoldsAnInstance() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Address {\n  city = \"Oslo\";\n}\n"
                                           "class Person {\n"
                                           "  name = \"Ada\";\n"
                                           "  address = new Address();\n"
                                           "}\n"
                                           "new Person();\n"}}));
        Q_EMIT ide.window->refactorMenu()->aboutToShow();
        QVERIFY(placeCaret(ide, "main.js", "name = ", 1));
        Q_EMIT ide.window->refactorMenu()->aboutToShow();
        QVERIFY(ide.window->refactorAction("rename-field")->isEnabled());
        QVERIFY(!ide.window->refactorAction("merge-class")->isEnabled());
        QVERIFY(placeCaret(ide, "main.js", "address = ", 1));
        Q_EMIT ide.window->refactorMenu()->aboutToShow();
        QVERIFY(ide.window->refactorAction("merge-class")->isEnabled());
    }

    // Bug 10: the dialog said "rename with --force" where it has a checkbox.
    void ambiguousRenameNamesTheCheckboxNotTheCommandLineFlag() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class A {\n  size = 1;\n}\n"
                                           "class B {\n  size = 2;\n}\n"
                                           "function sizeOf(o) { return o.size; }\n"
                                           "sizeOf(new A());\n"}}));
        QVERIFY(placeCaret(ide, "main.js", "size = 1", 1));
        RefactorDialog* d = triggerRefactoring(ide, "rename-field");
        QVERIFY(d);
        d->nameEdit()->setText("length");
        QVERIFY(!d->preview());
        QString error = d->errorLabel()->text();
        QVERIFY2(!error.contains("--force"), qPrintable(error));
        QVERIFY2(error.contains("Also rewrite ambiguous sites"), qPrintable(error));
        d->forceBox()->setChecked(true);
        QVERIFY(d->preview());
    }

    // Bug 2: the previous project's updates were listed, and their Revert opened that
    // project's modules here.
    void updateHistoryBelongsToItsProject() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}, "first"));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(commitAreaEdit(ide, "this.side * 4"));
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(ide.openFiles({{"main.js", "console.log(1);\n"}}, "second"));
        QVERIFY(ide.window->history()->entries().isEmpty());
        QCOMPARE(ide.window->history()->list()->count(), 0);
        QVERIFY(!ide.window->history()->revertButton()->isEnabled());
        QVERIFY(ide.window->openProject(ide.dir.filePath("first")));
        QCOMPARE(ide.window->history()->entries().size(), 1);
    }
    void threeWayMergeCarriesOneEditOntoLaterOnes() {
        std::string base = "a\nB\nc\nd\nE\n", theirs = "a\nb\nc\nd\nE\n";
        // ours changed another line: the merge has both
        QCOMPARE(threeWayMerge(base, "a\nB\nc\nd\nE2\nf\n", theirs),
                 std::optional<std::string>("a\nb\nc\nd\nE2\nf\n"));
        // lines inserted above move the edit with them
        QCOMPARE(threeWayMerge(base, "x\ny\na\nB\nc\nd\nE\n", theirs),
                 std::optional<std::string>("x\ny\na\nb\nc\nd\nE\n"));
        // ours changed the same (or an adjacent) line: a conflict, never a guess
        QVERIFY(!threeWayMerge(base, "a\nB2\nc\nd\nE\n", theirs));
        QVERIFY(!threeWayMerge(base, "a\nB\nc2\nd\nE\n", theirs));
    }

    // Bug 3: Revert of an older update went back to the source before it, undoing every
    // later update without a word.
    void revertOfAnOlderUpdateRevertsItAlone() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kSpacedShapes}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(commitAreaEdit(ide, "this.side * 4"));
        QVERIFY(commitLineEdit(ide, "name()", "  name() { return 'square'; }"));
        QsciScintilla* e = ide.editor("shapes.js");
        QVERIFY(e->text().contains("this.side * 4") && e->text().contains("'square'"));
        HistoryView* history = ide.window->history();
        history->select(1);
        QVERIFY(history->revertButton()->isEnabled());
        QVERIFY(history->revertToButton()->isEnabled());
        QVERIFY(history->revertToButton()->toolTip().contains("1 later update"));
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QTest::mouseClick(history->revertButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QVERIFY(e->text().contains("return this.side * this.side;")); // #1 reverted
        QVERIFY(e->text().contains("'square'"));                      // #2 stays
        QVERIFY(ide.window->isLive("shapes.js"));
        QCOMPARE(history->entries().size(), 3);
        QVERIFY(history->entries()[2].title.contains("alone"));
    }

    void revertThatCannotBeAloneSaysSoAndRevertToBeforeSaysWhatItUndoes() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kSpacedShapes}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(commitAreaEdit(ide, "this.side * 4"));
        QVERIFY(commitAreaEdit(ide, "this.side * 5")); // the same line again
        HistoryView* history = ide.window->history();
        history->select(1);
        QSignalSpy previews(ide.window->host(), &VmHost::patchPreviewReady);
        QTest::mouseClick(history->revertButton(), Qt::LeftButton);
        QVERIFY(ide.window->messageBar()->isVisible());
        QVERIFY2(ide.window->messageBar()->text().contains("cannot be reverted alone"),
                 qPrintable(ide.window->messageBar()->text()));
        QVERIFY(ide.window->messageBar()->text().contains("#2"));
        QCOMPARE(previews.count(), 0); // nothing was asked of the program
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QTest::mouseClick(history->revertToButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QVERIFY2(ide.window->messageBar()->text().contains("goes back over 2 updates: #1 and #2"),
                 qPrintable(ide.window->messageBar()->text()));
        QVERIFY(clickCommit(ide).report.committed());
        QVERIFY(ide.editor("shapes.js")->text().contains("return this.side * this.side;"));
    }

    // Bug 3, the rename: going back over a later Rename Class took the renamed class for a
    // removed one, whose live instances would be dropped (Commit disabled: it would roll
    // back). The revert renames it back; the instances stay, with their identities.
    void revertToBeforeOverAClassRenameKeepsItsInstances() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kSpacedShapes}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(commitAreaEdit(ide, "this.side * 4"));
        QList<Instance> live = inspectInstances(ide.window.get(), "shapes.js", "Shape", 2);
        QCOMPARE(live.size(), 2);
        QVERIFY(placeCaret(ide, "shapes.js", "Shape {", 2));
        RefactorDialog* d = triggerRefactoring(ide, "rename-class");
        QVERIFY(d);
        d->nameEdit()->setText("Square");
        QVERIFY(d->preview());
        QSignalSpy done(ide.window.get(), &MainWindow::refactoringFinished);
        QTest::mouseClick(d->commitButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QVERIFY(done.at(0).at(0).toBool());
        QVERIFY(ide.editor("shapes.js")->text().contains("class Square"));

        HistoryView* history = ide.window->history();
        history->select(1);
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        QTest::mouseClick(history->revertToButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QString bar = ide.window->messageBar()->text();
        QVERIFY2(bar.contains("Square becomes Shape again"), qPrintable(bar));
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(panel->scriptEditor()->text().contains("dsu.renameClass(\"Square\", \"Shape\");"));
        // The other REVIEW rows of going back still wait for the tick.
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY2(!panel->commitBlocker().contains("would roll back"),
                 qPrintable(panel->commitBlocker()));
        panel->reviewedBox()->setChecked(true);
        QVERIFY2(panel->commitButton()->isEnabled(), qPrintable(panel->commitBlocker()));
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QsciScintilla* e = ide.editor("shapes.js");
        QVERIFY(e->text().contains("class Shape {"));
        QVERIFY(e->text().contains("return this.side * this.side;"));
        QList<Instance> back = inspectInstances(ide.window.get(), "shapes.js", "Shape", 2);
        QCOMPARE(back.size(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(back[i].identity, live[i].identity);
    }

    // Bug 8: Commit was enabled with REVIEW rows nobody looked at.
    void commitWaitsUntilTheReviewRowsAreReviewed() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        // Removing the field drops its live values: a REVIEW row.
        replaceLine(ide, "shapes.js", "constructor(side)", "  constructor(side) {}");
        replaceLine(ide, "shapes.js", "area()", "  area() { return 4; }");
        QVERIFY(applyAndWaitForPatch(ide).ok);
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(panel->changes()->reviewCount() > 0);
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(panel->blockerLabel()->isVisible());
        QVERIFY(panel->blockerLabel()->text().contains("REVIEW"));
        QVERIFY(panel->reviewedBox()->isVisible());
        panel->reviewedBox()->setChecked(true);
        QVERIFY(panel->commitButton()->isEnabled());
        QVERIFY(clickCommit(ide).report.committed());
    }

    // Bug 8: a removed class with live instances rolls back for certain.
    void commitIsDisabledForAPatchThatWillRollBack() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Old {\n  constructor() { this.n = 1; }\n}\n"
                                           "const kept = [new Old()];\n"
                                           "setInterval(() => { kept.length; }, 20);\n"}}));
        QVERIFY(ide.runUntilRunning());
        QsciScintilla* e = ide.editor("main.js");
        e->setSelection(0, 0, 3, 0);
        e->removeSelectedText();
        QVERIFY(applyAndWaitForPatch(ide).ok);
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(!panel->commitButton()->isEnabled());
        QString rows;
        for (int r = 0; r < panel->changes()->rowCount(); ++r)
            rows += QString::fromLatin1(
                        molt::dsu::changeKindName(panel->changes()->changeAt(r)->kind)) +
                    ": " + QString::fromStdString(panel->changes()->changeAt(r)->review) + "\n";
        QVERIFY2(panel->blockerLabel()->text().contains("would roll back"), qPrintable(rows));
        panel->reviewedBox()->setChecked(true); // ticking is not enough: the script must map them
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(replaceByTyping(panel->scriptEditor(), "module.exports = function (dsu) {",
                                "module.exports = function (dsu) {\n  dsu.migrateInstancesTo("
                                "\"Old\", \"Object\", (o) => o);"));
        QVERIFY(!panel->commitBlocker().contains("would roll back"));
    }

    // Bug 9: an edit after Ctrl+S, then Commit, put the older version live.
    void patchPanelIsStaleAfterAnEditAndDeadAfterARollback() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        replaceLine(ide, "shapes.js", "area()", "  area() { return 7; }");
        QVERIFY(applyAndWaitForPatch(ide).ok);
        PatchPanel* panel = ide.window->patchPanel();
        QVERIFY(panel->commitButton()->isEnabled());
        replaceLine(ide, "shapes.js", "area()", "  area() { return 8; }");
        QVERIFY(panel->isStale());
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(panel->blockerLabel()->text().contains("Apply"));
        QSignalSpy finished(ide.window->host(), &VmHost::updateFinished);
        ide.window->commitPatch(); // refused, not silently the older version
        QVERIFY(ide.editor("shapes.js")->text().contains("return 8;"));
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QVERIFY(!panel->isStale());
        QVERIFY(panel->commitButton()->isEnabled());

        // A validation of the patch's own fails: committing it again would fail again.
        QVERIFY(replaceByTyping(panel->scriptEditor(), "module.exports = function (dsu) {",
                                "module.exports = function (dsu) {\n  dsu.addValidation("
                                "\"never\", (oldNs, newNs) => false);"));
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY(outcome.started && !outcome.report.committed());
        QCOMPARE(finished.count(), 1);
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(panel->blockerLabel()->text().contains("rolled back"));
        QVERIFY(panel->scriptEditor()->text().contains("\"never\"")); // the script kept
        QVERIFY(replaceByTyping(panel->scriptEditor(), "=> false", "=> true"));
        QVERIFY(panel->commitButton()->isEnabled());
        QVERIFY(clickCommit(ide).report.committed());
    }
    // Save and see: an edit that needs no decision is live on Ctrl+S, with a notice and
    // its history entry; one with a REVIEW row stops in the Patch panel; the setting turns
    // it off.
    void saveAndSeeCommitsAnEditThatNeedsNoDecision() {
        Ide ide(true);
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(ide.window->saveAndSeeAction()->isChecked());
        QsciScintilla* e = ide.editor("shapes.js");
        replaceLine(ide, "shapes.js", "area()", "  area() { return this.side * 3; }");
        typeAtEndOfLine(e, lineOf(e, "area()"), "\nperimeter() { return 4 * this.side; }");
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        ide.window->activateWindow();
        QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(finished.wait(10000));
        const molt::dsu::UpdateReport first = finished.at(0).at(0).value<UpdateOutcome>().report;
        QVERIFY(first.committed());
        // Code only: the live class takes the new methods in place, its instances stay.
        QCOMPARE(first.instancesMigrated, size_t(0));
        QCOMPARE(first.classesUpdatedInPlace, std::vector<std::string>{"Shape"});
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(ide.window->isLive("shapes.js"));
        QVERIFY(ide.window->statusBar()->currentMessage().contains("Live: update #1"));
        QVERIFY(!ide.window->messageBar()->isVisible());
        QCOMPARE(ide.window->patchPanel()->changes()->rowCount(), 0); // no stop in the panel

        // An added field with a declared initializer needs no decision either ...
        typeAtEndOfLine(e, 1, "\ncolor = 'red';");
        ide.window->applyEdits();
        QVERIFY(finished.wait(10000));
        QCOMPARE(ide.window->history()->entries().size(), 2);
        // ... removing one drops live values: the panel opens and waits.
        replaceLine(ide, "shapes.js", "color = 'red';", "");
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QVERIFY(ide.window->patchPanel()->changes()->reviewCount() > 0);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(ide.window->history()->entries().size(), 2);
        ide.window->patchPanel()->reviewedBox()->setChecked(true);
        QVERIFY(clickCommit(ide).report.committed());

        // Off: a method edit stops in the panel, as before.
        ide.window->saveAndSeeAction()->trigger();
        QVERIFY(!ide.window->saveAndSeeAction()->isChecked());
        replaceLine(ide, "shapes.js", "area()", "  area() { return this.side * 5; }");
        QVERIFY(applyAndWaitForPatch(ide).ok);
        QTest::qWait(200);
        QCOMPARE(ide.window->history()->entries().size(), 3);
        QVERIFY(ide.window->patchPanel()->commitButton()->isEnabled());
    }
    // Editor basics: Ctrl+/ toggles comments (one undo step), Ctrl+G goes to a line, and
    // the status bar shows the caret's line and column.
    void completionOffersASuperclassFromAnotherModule() {
        // The project's symbol index answers for base.js (not open); `this.` in main.js
        // lists Shape's own members first, then Base's; Edit > Complete is Ctrl+Space.
        Ide ide;
        QVERIFY(ide.openFiles(
            {{"base.js",
              "class Base {\n  describe() { return 1; }\n}\nmodule.exports = { Base };\n"},
             {"main.js", "const { Base } = require(\"./base\");\nclass Shape extends Base {\n"
                         "  area() {\n    \n  }\n}\nconsole.log(new Shape().area());\n"}}));
        auto* e = qobject_cast<molt::editor::CodeEditor*>(ide.editor("main.js"));
        QVERIFY(e);
        e->setFocus();
        e->setCursorPosition(3, 4);
        QTest::keyClicks(e, "this.");
        QVERIFY(e->isCompletionListShown());
        const molt::editor::CompletionResult r = e->completionsAt();
        QCOMPARE(r.items.size(), 2);
        QCOMPARE(r.items[0].text, QString("area"));
        QCOMPARE(r.items[1].text, QString("describe"));
        QTest::keyClick(e, Qt::Key_Down);
        QTest::keyClick(e, Qt::Key_Return);
        QCOMPARE(e->text(3), QString("    this.describe\n"));
        // Closed with Escape, reopened from the menu's action.
        QTest::keyClicks(e, ";");
        QTest::keyClick(e, Qt::Key_Return);
        QTest::keyClicks(e, "Sha");
        QVERIFY(e->isCompletionListShown());
        QTest::keyClick(e, Qt::Key_Escape);
        QVERIFY(!e->isCompletionListShown());
        QAction* complete = ide.window->findChild<QAction*>("complete");
        QVERIFY(complete);
        QCOMPARE(complete->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Space));
        complete->trigger();
        QVERIFY(e->isCompletionListShown());
        QTest::keyClick(e, Qt::Key_Tab);
        QCOMPARE(e->text(4), QString("    Shape\n"));
    }

    void toggleCommentGoToLineAndCaretPosition() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesModule}}));
        QsciScintilla* e = ide.editor("main.js");
        QString original = e->text();
        e->setFocus();
        e->setSelection(1, 0, 2, 5); // constructor and area
        QTest::keyClick(e, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(e->text(1), QString("  // constructor(side) { this.side = side; }\n"));
        QCOMPARE(e->text(2), QString("  // area() { return this.side * this.side; }\n"));
        QCOMPARE(e->text(0), QString("class Shape {\n"));
        e->setSelection(1, 0, 2, 5);
        QTest::keyClick(e, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(e->text(), original);
        QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier); // the uncomment, in one step
        QVERIFY(e->text(1).startsWith("  // constructor"));
        QVERIFY(e->text(2).startsWith("  // area"));

        auto* label = ide.window->findChild<QLabel*>("cursorPosition");
        QVERIFY(label);
        e->setCursorPosition(3, 0);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QString("Ln 4, Col 1"), 2000);
        ide.window->findChild<QAction*>("goToLine")->trigger();
        auto* d = ide.window->findChild<QInputDialog*>("goToLineDialog");
        QVERIFY(d);
        d->setIntValue(2);
        d->accept();
        int line = 0, index = 0;
        e->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QString("Ln 2, Col 1"), 2000);
        QVERIFY(ide.window->findChild<QAction*>("find"));
        QVERIFY(ide.window->findChild<QAction*>("goToDefinition"));
    }
};

QTEST_MAIN(TestIdeLoop)
#include "tst_ide_loop.moc"
