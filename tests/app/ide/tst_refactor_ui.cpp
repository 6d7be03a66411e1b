// molt-ide's Refactor menu end to end on the running shop example: put the caret on a
// name, trigger the real menu action, fill the dialog, review the preview, commit; then
// check through the inspector's models that the live instances kept their identity and
// values, and that the editors and files were rewritten. Also: an engine error (nothing
// changes), a rollback (editor, file and program untouched), Undo, and refactoring a
// program that is not running.
#include "app/ide/project.h"
#include "app/ide/views/refactordialog.h"
#include "app/ide/views/transcriptview.h"
#include "guitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

bool openShop(Ide& ide) {
    QString folder = installExample("shop", ide.dir.path());
    QFile config(QDir(folder).filePath("molt.json"));
    if (folder.isEmpty() || !config.open(QIODevice::WriteOnly)) return false;
    config.write("{\"args\": [\"100000\"]}");
    config.close();
    return ide.window->openProject(folder);
}

bool placeCaret(Ide& ide, const QString& module, const QString& needle, int offset = 1) {
    return test::placeCaret(ide.editor(module), needle, offset);
}

RefactorDialog* triggerRefactoring(Ide& ide, const QString& kind) {
    return test::triggerRefactoring(ide.window.get(), kind);
}

bool clickCommit(Ide& ide, RefactorDialog* d) {
    return test::clickCommit(ide.window.get(), d);
}

bool undo(Ide& ide) {
    QSignalSpy done(ide.window.get(), &MainWindow::refactoringFinished);
    ide.window->undoRefactoringAction()->trigger();
    if (done.isEmpty() && !done.wait(15000)) return false;
    return done.takeFirst().at(0).toBool();
}

QSet<uint32_t> identities(const QList<Instance>& instances) {
    QSet<uint32_t> out;
    for (const Instance& i : instances)
        out.insert(i.identity);
    return out;
}

// sku -> fields of each live Product.
QMap<QString, QMap<QString, QString>> productsBySku(Ide& ide, const QString& className,
                                                    QList<Instance>* instances = nullptr) {
    QList<Instance> list = inspectInstances(ide.window.get(), "catalog.js", className, 3);
    if (instances) *instances = list;
    QMap<QString, QMap<QString, QString>> out;
    for (const Instance& i : list) {
        QMap<QString, QString> fields = inspectFields(ide.window.get(), i.identity);
        out.insert(fields.value("sku"), fields);
    }
    return out;
}

void check(QListWidget* list, const QString& text, bool on) {
    QList<QListWidgetItem*> items = list->findItems(text, Qt::MatchExactly);
    QVERIFY2(items.size() == 1, qPrintable(text));
    items[0]->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

} // namespace

class TestRefactorUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_refactor_ui");
    }

    void menuOffersWhatAppliesAtTheCaret() {
        Ide ide;
        QVERIFY(openShop(ide));
        auto enabled = [&](const char* kind) {
            return ide.window->refactorAction(kind)->isEnabled();
        };
        QVERIFY(placeCaret(ide, "catalog.js", "class Product", 8));
        ide.window->updateRefactorActions();
        QVERIFY(enabled("rename-class") && enabled("split-class") &&
                enabled("extract-superclass") && enabled("change-superclass"));
        QVERIFY(!enabled("rename-field") && !enabled("rename-method"));

        QVERIFY(placeCaret(ide, "catalog.js", "this.cents = cents", 6));
        ide.window->updateRefactorActions();
        QVERIFY(enabled("rename-field") && enabled("remove-field") && enabled("make-static"));
        QVERIFY(!enabled("make-instance") && !enabled("push-up-field")); // no superclass
        QVERIFY(enabled("add-field"));                                   // in Product's body
        QVERIFY(!enabled("rename-class") && !enabled("rename-method"));
        QVERIFY(ide.window->refactorAction("rename-field")->text().contains("'cents'"));

        QVERIFY(placeCaret(ide, "catalog.js", "static currency", 8));
        ide.window->updateRefactorActions();
        QVERIFY(enabled("make-instance") && !enabled("make-static"));

        QVERIFY(placeCaret(ide, "order.js", "lines.push(new", 0));
        ide.window->updateRefactorActions();
        QVERIFY(enabled("rename-field"));
        QVERIFY(placeCaret(ide, "order.js", "total() {", 1));
        ide.window->updateRefactorActions();
        QVERIFY(enabled("rename-method") && !enabled("rename-field"));

        // The editor's context menu offers the same actions, those that apply.
        QVERIFY(placeCaret(ide, "catalog.js", "this.cents = cents", 6));
        std::unique_ptr<QMenu> menu(ide.window->createEditorContextMenu(ide.editor("catalog.js")));
        QMenu* refactor = menu->findChild<QMenu*>("editorRefactorMenu");
        QVERIFY(refactor);
        QVERIFY(refactor->actions().contains(ide.window->refactorAction("rename-field")));
        QVERIFY(!refactor->actions().contains(ide.window->refactorAction("rename-class")));
        QVERIFY(!menu->actions().isEmpty() && menu->actions().size() > 3); // and Copy, Paste ...
    }

    void renameFieldKeepsIdentityAndValuesAndUndoRestoresThem() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QString original = ide.editor("catalog.js")->text();
        QList<Instance> before;
        auto products = productsBySku(ide, "Product", &before);
        QCOMPARE(products.value("'tea'").value("cents"), QString("450"));

        QVERIFY(placeCaret(ide, "catalog.js", "this.cents = cents", 6));
        RefactorDialog* d = triggerRefactoring(ide, "rename-field");
        QVERIFY(d);
        QVERIFY(d->findChild<QLabel*>("refactorMode")->text().contains("running program"));
        QVERIFY(!d->commitButton()->isEnabled()); // nothing previewed yet
        d->nameEdit()->setText("priceCents");
        QTest::mouseClick(d->previewButton(), Qt::LeftButton);
        QVERIFY2(d->hasPreview(), qPrintable(d->errorLabel()->text()));
        QString diff = d->sourceDiff()->text();
        QVERIFY2(diff.contains("--- a/catalog.js\n+++ b/catalog.js\n"), qPrintable(diff));
        QVERIFY(diff.contains("\n-    this.cents = cents;\n+    this.priceCents = cents;\n"));
        QVERIFY(diff.contains("\n+    return this.priceCents;\n"));
        QVERIFY(d->patchView()->text().contains(
            "dsu.renameInstanceVariable(\"Product\", \"cents\", \"priceCents\")"));
        QVERIFY(!d->summaryLabel()->text().isEmpty());
        // Nothing changed while reviewing.
        QCOMPARE(ide.editor("catalog.js")->text(), original);
        QCOMPARE(ide.fileText("catalog.js"), original);

        QVERIFY(clickCommit(ide, d));
        QTRY_VERIFY(!ide.window->refactorDialog());
        QString renamed = ide.editor("catalog.js")->text();
        QVERIFY(renamed.contains("this.priceCents = cents;"));
        QVERIFY(!renamed.contains("this.cents"));
        QCOMPARE(ide.fileText("catalog.js"), renamed);
        QVERIFY(ide.window->isLive("catalog.js"));
        QCOMPARE(ide.window->messageBar()->kind(), MessageBar::Kind::Success);
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(ide.window->history()->entries()[0].title.contains("rename-field"));

        QList<Instance> after;
        auto renamedProducts = productsBySku(ide, "Product", &after);
        QCOMPARE(identities(after), identities(before));
        QCOMPARE(renamedProducts.value("'tea'").value("priceCents"), QString("450"));
        QCOMPARE(renamedProducts.value("'pot'").value("priceCents"), QString("3900"));
        QVERIFY(!renamedProducts.value("'tea'").contains("cents"));
        QCOMPARE(ide.state(), ProgramState::Running);

        // Undo: the inverse refactoring, as one update too.
        QVERIFY(ide.window->undoRefactoringAction()->isEnabled());
        QVERIFY(ide.window->undoRefactoringAction()->text().contains("rename-field"));
        QVERIFY(undo(ide));
        QCOMPARE(ide.editor("catalog.js")->text(), original);
        QCOMPARE(ide.fileText("catalog.js"), original);
        QList<Instance> undone;
        auto restored = productsBySku(ide, "Product", &undone);
        QCOMPARE(identities(undone), identities(before));
        QCOMPARE(restored.value("'tea'").value("cents"), QString("450"));
        QVERIFY(!restored.value("'tea'").contains("priceCents"));
        QCOMPARE(ide.window->history()->entries().size(), 2);
        QVERIFY(!ide.window->undoRefactoringAction()->isEnabled());
    }

    void renameClassKeepsItsInstances() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "main.js", "Customer", 2);
        QCOMPARE(before.size(), 2);
        QVERIFY(placeCaret(ide, "main.js", "new Customer(\"ada\"", 6)); // a reference
        RefactorDialog* d = triggerRefactoring(ide, "rename-class");
        QVERIFY(d);
        QCOMPARE(d->nameEdit()->text(), QString("Customer"));
        d->nameEdit()->setText("Shopper");
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        QVERIFY(d->sourceDiff()->text().contains("\n+class Shopper {\n"));
        QVERIFY(d->patchView()->text().contains("dsu.renameClass(\"Customer\", \"Shopper\")"));
        QVERIFY(clickCommit(ide, d));
        QVERIFY(ide.editor("main.js")->text().contains("class Shopper {"));
        QVERIFY(ide.fileText("main.js").contains("new Shopper(\"grace\""));
        QList<Instance> after = inspectInstances(ide.window.get(), "main.js", "Shopper", 2);
        QCOMPARE(identities(after), identities(before));
        QVERIFY2(after[0].summary.startsWith("Shopper {"), qPrintable(after[0].summary));
        QTest::qWait(100); // the customers keep shopping through the renamed class
        QVERIFY2(ide.state() == ProgramState::Running,
                 qPrintable(ide.window->transcript()->toPlainText().right(600)));
    }

    void addFieldGivesExistingInstancesTheirValue() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        QVERIFY(placeCaret(ide, "catalog.js", "get price()", 0));
        RefactorDialog* d = triggerRefactoring(ide, "add-field");
        QVERIFY(d);
        d->nameEdit()->setText("stock");
        d->initializerEdit()->setText("10");
        d->existingEdit()->setText("oldObj.cents > 1000 ? 1 : 5");
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        QVERIFY(d->sourceDiff()->text().contains("+  stock = 10;"));
        QVERIFY(clickCommit(ide, d));
        QVERIFY(ide.editor("catalog.js")->text().contains("stock = 10;"));
        QList<Instance> after;
        auto products = productsBySku(ide, "Product", &after);
        QCOMPARE(identities(after), identities(before));
        QCOMPARE(products.value("'tea'").value("stock"), QString("5"));
        QCOMPARE(products.value("'mug'").value("stock"), QString("1"));
        QCOMPARE(products.value("'pot'").value("cents"), QString("3900"));
    }

    void splitClassGivesEachInstanceItsPart() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "main.js", "Customer", 2);
        QCOMPARE(before.size(), 2);
        QMap<QString, QString> ada = inspectFields(ide.window.get(), before[0].identity);
        QVERIFY(ada.contains("basket"));

        QVERIFY(placeCaret(ide, "main.js", "class Customer", 8));
        RefactorDialog* d = triggerRefactoring(ide, "split-class");
        QVERIFY(d);
        d->nameEdit()->setText("Basket");
        d->holderEdit()->setText("cart");
        check(d->fieldList(), "basket", true);
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        QVERIFY(d->sourceDiff()->text().contains("+    this.cart.basket = basket;"));
        QVERIFY(d->patchView()->text().contains("part.basket = oldObj.basket;"));
        QVERIFY2(clickCommit(ide, d), qPrintable(ide.window->messageBar()->text()));
        QVERIFY(ide.editor("main.js")->text().contains("cart = new Basket();"));
        QList<Instance> after = inspectInstances(ide.window.get(), "main.js", "Customer", 2);
        QCOMPARE(identities(after), identities(before));
        QMap<QString, QString> split = inspectFields(ide.window.get(), before[0].identity);
        QCOMPARE(split.value("name"), ada.value("name"));
        QVERIFY2(split.value("cart").startsWith("Basket"), qPrintable(split.value("cart")));
        QVERIFY(!split.contains("basket"));
        QCOMPARE(inspectInstances(ide.window.get(), "main.js", "Basket", 2).size(), 2);
        QVERIFY2(ide.state() == ProgramState::Running,
                 qPrintable(ide.window->transcript()->toPlainText().right(600)));
    }

    void extractSuperclassKeepsState() {
        Ide ide;
        QVERIFY(
            ide.openFiles({{"main.js", "class Circle {\n"
                                       "  color = \"red\";\n"
                                       "  r = 2;\n"
                                       "  label() {\n"
                                       "    return `${this.color} circle`;\n"
                                       "  }\n"
                                       "}\n"
                                       "const shapes = [new Circle(), new Circle()];\n"
                                       "shapes[1].color = \"blue\";\n"
                                       "setInterval(() => shapes.map((s) => s.label()), 20);\n"}}));
        QVERIFY(ide.runUntilRunning());
        QList<Instance> before = inspectInstances(ide.window.get(), "main.js", "Circle", 2);
        QCOMPARE(before.size(), 2);
        QVERIFY(placeCaret(ide, "main.js", "class Circle", 8));
        RefactorDialog* d = triggerRefactoring(ide, "extract-superclass");
        QVERIFY(d);
        QList<QListWidgetItem*> circle = d->classList()->findItems("Circle", Qt::MatchExactly);
        QVERIFY(circle.size() == 1 && circle[0]->checkState() == Qt::Checked);
        d->nameEdit()->setText("Shape");
        check(d->fieldList(), "color", true);
        check(d->methodList(), "label", true);
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        QVERIFY(d->sourceDiff()->text().contains("+class Circle extends Shape {"));
        QVERIFY2(clickCommit(ide, d), qPrintable(ide.window->messageBar()->text()));
        QList<Instance> after = inspectInstances(ide.window.get(), "main.js", "Circle", 2);
        QCOMPARE(identities(after), identities(before));
        QCOMPARE(inspectFields(ide.window.get(), before[1].identity).value("color"),
                 QString("'blue'"));
        ClassListModel* classes = ide.window->inspector()->classes();
        int row = classes->rowOf("main.js", "Circle");
        QVERIFY(row >= 0);
        QCOMPARE(QString::fromStdString(classes->classAt(row)->superclass), QString("Shape"));
        QVERIFY2(ide.state() == ProgramState::Running,
                 qPrintable(ide.window->transcript()->toPlainText().right(600)));
    }

    void refusedRefactoringShowsTheUsesAndChangesNothing() {
        Ide ide;
        QVERIFY(openShop(ide));
        QVERIFY(ide.runUntilRunning());
        QString original = ide.editor("catalog.js")->text();
        QVERIFY(placeCaret(ide, "catalog.js", "this.cents = cents", 6));
        RefactorDialog* d = triggerRefactoring(ide, "remove-field");
        QVERIFY(d);
        QVERIFY(!d->hasPreview()); // computed at once: nothing to type
        QString error = d->errorLabel()->text();
        QVERIFY2(error.contains("catalog.js:"), qPrintable(error));
        QVERIFY(error.contains("return this.cents;")); // the use that makes it refuse
        QVERIFY(!d->commitButton()->isEnabled());
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!ide.window->refactorDialog());
        QCOMPARE(ide.editor("catalog.js")->text(), original);
        QCOMPARE(ide.fileText("catalog.js"), original);
        QVERIFY(ide.window->history()->entries().isEmpty());
        QVERIFY(!ide.window->undoRefactoringAction()->isEnabled());
        QVERIFY(inspectFields(
                    ide.window.get(),
                    inspectInstances(ide.window.get(), "catalog.js", "Product", 3)[0].identity)
                    .contains("cents"));
    }

    void rollbackLeavesSourceAndProgramUntouched() {
        Ide ide;
        QString source = "class Worker {\n"
                         "  constructor() { this.n = 0; }\n"
                         "  work() {\n"
                         "    // inside a try block: its frame cannot move to new code (docs/dsu.md)\n"
                         "    try { for (;;) { this.n++; Thread.sleep(5); } } catch (e) { throw e; }\n"
                         "  }\n"
                         "}\n"
                         "const worker = new Worker();\n"
                         "Thread.spawn(() => worker.work());\n";
        QVERIFY(ide.openFiles({{"main.js", source}}));
        ide.window->host()->setSafePointTimeout(200);
        QVERIFY(ide.runUntilRunning());
        QVERIFY(placeCaret(ide, "main.js", "this.n = 0", 6));
        RefactorDialog* d = triggerRefactoring(ide, "rename-field");
        QVERIFY(d);
        d->nameEdit()->setText("count");
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        // The worker never leaves work(), whose code the rename changes: no safe point.
        QVERIFY(!clickCommit(ide, d));
        QCOMPARE(ide.editor("main.js")->text(), source);
        QCOMPARE(ide.fileText("main.js"), source);
        QVERIFY(ide.window->isLive("main.js"));
        QCOMPARE(ide.window->messageBar()->kind(), MessageBar::Kind::Error);
        QString bar = ide.window->messageBar()->text();
        QVERIFY2(bar.contains("rolled back") && bar.contains("safe point"), qPrintable(bar));
        QCOMPARE(ide.window->history()->entries().size(), 1);
        QVERIFY(!ide.window->history()->entries()[0].outcome.report.committed());
        QVERIFY(!ide.window->undoRefactoringAction()->isEnabled());
        QList<Instance> workers = inspectInstances(ide.window.get(), "main.js", "Worker", 1);
        QCOMPARE(workers.size(), 1);
        QMap<QString, QString> fields = inspectFields(ide.window.get(), workers[0].identity);
        QVERIFY(fields.contains("n") && !fields.contains("count"));
        QCOMPARE(ide.state(), ProgramState::Running);
    }

    void notRunningRewritesTheSourceOnly() {
        Ide ide;
        QVERIFY(openShop(ide));
        QString original = ide.editor("order.js")->text();
        QVERIFY(placeCaret(ide, "order.js", "summary() {", 2));
        RefactorDialog* d = triggerRefactoring(ide, "rename-method");
        QVERIFY(d);
        QVERIFY(d->findChild<QLabel*>("refactorMode")->text().contains("not running"));
        d->nameEdit()->setText("describe");
        QVERIFY2(d->preview(), qPrintable(d->errorLabel()->text()));
        // The senders are listed for review: file:line:col and the line.
        QVERIFY(d->senderList()->count() >= 1);
        QVERIFY2(d->senderList()->item(0)->text().contains(QRegularExpression("\\.js:\\d+:\\d+: ")),
                 qPrintable(d->senderList()->item(0)->text()));
        QVERIFY(clickCommit(ide, d));
        QVERIFY(ide.window->messageBar()->text().contains("no live update"));
        QVERIFY(ide.editor("order.js")->text().contains("describe() {"));
        QVERIFY(ide.fileText("main.js").contains("o.describe()"));
        QVERIFY(ide.window->history()->entries().isEmpty()); // no update happened
        QVERIFY(undo(ide));
        QCOMPARE(ide.editor("order.js")->text(), original);
        QVERIFY(ide.fileText("main.js").contains("o.summary()"));
    }
};

QTEST_MAIN(TestRefactorUi)
#include "tst_refactor_ui.moc"
