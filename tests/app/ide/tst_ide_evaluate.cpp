// The Inspector's evaluator and field editing, driven as a user does: an object is
// inspected, an expression typed into the evaluator with `this` bound to it, a field's
// value double-clicked and set to an expression. The program keeps running throughout.
#include "app/ide/constants.h"
#include "app/ide/views/suspendedview.h"
#include "guitest.h"

#include <QListWidget>
#include <QToolButton>
#include <QTreeWidget>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

const char* kCounter = "class Counter {\n"
                       "  #count = 1;\n"
                       "  constructor(step) { this.step = step; }\n"
                       "  tick() { this.#count += this.step; }\n"
                       "  get count() { return this.#count; }\n"
                       "}\n"
                       "const counter = new Counter(0);\n"
                       "setInterval(() => counter.tick(), 10);\n"
                       "module.exports = { counter };\n";

// Inspects the first instance of `className` and waits for its fields.
uint32_t inspectFirst(Ide& ide, const QString& module, const QString& className) {
    QList<Instance> rows = inspectInstances(ide.window.get(), module, className);
    if (rows.isEmpty()) return 0;
    if (inspectFields(ide.window.get(), rows[0].identity).isEmpty()) return 0;
    return rows[0].identity;
}

// Types `expression` into the evaluator, presses Return and answers the pane's next line.
QString evaluate(Ide& ide, const QString& expression, QListWidgetItem** answer = nullptr) {
    EvaluatorPane* pane = ide.window->inspector()->evaluator();
    QListWidget* out = pane->output();
    int before = out->count();
    pane->input()->setFocus();
    QTest::keyClicks(pane->input(), expression);
    QTest::keyClick(pane->input(), Qt::Key_Return);
    // One line echoes the expression, the next is the answer.
    if (!QTest::qWaitFor([&] { return out->count() >= before + 2; }, 10000)) return "(no answer)";
    if (answer) *answer = out->item(before + 1);
    return out->item(before + 1)->text();
}

QModelIndex fieldValue(ObjectTreeModel* m, const QString& name) {
    QModelIndex top = m->index(0, 0);
    for (int r = 0; r < m->rowCount(top); ++r)
        if (m->index(r, ObjectTreeModel::Name, top).data().toString() == name)
            return m->index(r, ObjectTreeModel::Value, top);
    return {};
}

// Double-clicks a field's value, types `text` into the editor and ends with `key`.
bool editField(Ide& ide, const QString& name, const QString& text, Qt::Key key) {
    Inspector* in = ide.window->inspector();
    ide.window->dock(Constants::kInspectorDock)->raise();
    QModelIndex at = fieldValue(in->objectTree(), name);
    if (!at.isValid()) return false;
    QTreeView* view = in->objectView();
    QRect cell = view->visualRect(at);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    if (!editor) return false;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, key);
    return true;
}

} // namespace

class TestIdeEvaluate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluatesWithThisBoundToTheInspectedObject() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "shapes.js", "Shape"));
        QCOMPARE(evaluate(ide, "this.area() + 1"), QString("5"));
        QCOMPARE(evaluate(ide, "`side ${this.side}`"), QString("side 2"));
        // Up brings the last expression back.
        EvaluatorPane* pane = ide.window->inspector()->evaluator();
        QTest::keyClick(pane->input(), Qt::Key_Up);
        QCOMPARE(pane->input()->text(), QString("`side ${this.side}`"));
        pane->input()->clear();
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    void errorsAreShownAndTheProgramRunsOn() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "shapes.js", "Shape"));
        QListWidgetItem* answer = nullptr;
        QString syntax = evaluate(ide, "this.side +", &answer);
        QVERIFY2(syntax.contains(QRegularExpression(":1:\\d+:")), qPrintable(syntax));
        QString thrown = evaluate(ide, "this.nope()");
        QVERIFY2(thrown.startsWith("Uncaught TypeError"), qPrintable(thrown));
        QString range = evaluate(ide, "(() => { throw new RangeError('no') })()");
        QVERIFY2(range.startsWith("Uncaught RangeError: no"), qPrintable(range));
        // Nothing of that reached the program: no thread suspended, it still runs.
        QCOMPARE(ide.window->suspendedView()->tree()->topLevelItemCount(), 0);
        QCOMPARE(evaluate(ide, "this.area()"), QString("4"));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    void aThrowsTraceNamesTheUsersLineAndColumn() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "shapes.js", "Shape"));
        QString thrown = evaluate(ide, "this.side + this.nope()");
        QVERIFY2(thrown.contains("--eval:1:18"), qPrintable(thrown));
        QVERIFY2(!thrown.contains("--eval:2:"), qPrintable(thrown));
    }

    void anEndlessEvaluationIsCancelledAndTheProgramRunsOn() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", "class Clock { constructor() { this.ticks = 0; } }\n"
                                           "const clock = new Clock();\n"
                                           "setInterval(() => clock.ticks++, 5);\n"}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "main.js", "Clock"));
        EvaluatorPane* pane = ide.window->inspector()->evaluator();
        QListWidget* out = pane->output();
        for (Qt::Key how : {Qt::Key_Escape, Qt::Key_unknown}) {
            int before = out->count();
            pane->input()->setFocus();
            QTest::keyClicks(pane->input(), "(() => { while (true) {} })()");
            QTest::keyClick(pane->input(), Qt::Key_Return);
            QVERIFY(QTest::qWaitFor([&] { return pane->cancelButton()->isVisible(); }, 10000));
            // It runs on its own thread: the program ticks meanwhile.
            QString ticked = evaluate(ide, "this.ticks");
            QVERIFY(QTest::qWaitFor([&] { return evaluate(ide, "this.ticks") != ticked; }, 10000));
            QVERIFY(pane->cancelButton()->isVisible()); // the loop has not answered
            int asked = out->count();
            if (how == Qt::Key_Escape)
                QTest::keyClick(pane->input(), Qt::Key_Escape);
            else
                QTest::mouseClick(pane->cancelButton(), Qt::LeftButton);
            QVERIFY(QTest::qWaitFor([&] { return out->count() == asked + 1; }, 10000));
            QVERIFY2(out->item(asked)->text().startsWith("Cancelled: the evaluation's thread "
                                                         "was ended"),
                     qPrintable(out->item(asked)->text()));
            QVERIFY(out->count() > before);
            QVERIFY(!pane->cancelButton()->isVisible());
        }
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
        QCOMPARE(ide.window->suspendedView()->tree()->topLevelItemCount(), 0);
        QCOMPARE(evaluate(ide, "1 + 1"), QString("2"));
    }

    void anObjectResultCanBeInspected() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        uint32_t shape = inspectFirst(ide, "shapes.js", "Shape");
        QVERIFY(shape);
        QListWidgetItem* answer = nullptr;
        QCOMPARE(evaluate(ide, "({ twice: this.side * 2, shape: this })", &answer),
                 QString("{ twice: 4, shape: Shape { side: 2 } }"));
        uint32_t result = answer->data(EvaluatorPane::IdentityRole).toUInt();
        QVERIFY(result && result != shape);
        QListWidget* out = ide.window->inspector()->evaluator()->output();
        QTest::mouseClick(out->viewport(), Qt::LeftButton, {},
                          out->visualItemRect(answer).center());
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QCOMPARE(m->rootIdentity(), result);
        QVERIFY(QTest::qWaitFor([&] { return fieldValue(m, "twice").isValid(); }, 10000));
        QCOMPARE(fieldValue(m, "twice").data().toString(), QString("4"));
    }

    void aSuspendedFramesThisAndLocalsAreInScope() {
        Ide ide;
        const char* main =
            "class Cart {\n"
            "  constructor(items) { this.items = items; }\n"
            "  total(tax) { const sum = this.items.length; return sum * tax.rate; }\n"
            "}\n"
            "const id = setInterval(() => {}, 20);\n"
            "Thread.spawn(() => new Cart([1, 2, 3]).total(undefined));\n";
        QVERIFY(ide.openFiles({{"main.js", main}}));
        QVERIFY(ide.runUntilRunning());
        QTreeWidget* tree = ide.window->suspendedView()->tree();
        QVERIFY(QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000));
        QTreeWidgetItem* frame = tree->topLevelItem(0)->child(0);
        tree->scrollToItem(frame);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(frame).center());
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QVERIFY(QTest::qWaitFor([&] { return fieldValue(m, "this").isValid(); }, 10000));
        QCOMPARE(evaluate(ide, "this.items.length * 10"), QString("30"));
        // No loop or call before the throw: its locals are still known by name.
        QCOMPARE(evaluate(ide, "sum + 1"), QString("4"));
        QCOMPARE(evaluate(ide, "tax === undefined"), QString("true"));
        QVERIFY(QTest::qWaitFor([&] { return fieldValue(m, "sum").isValid(); }, 10000));
        QCOMPARE(fieldValue(m, "sum").data().toString(), QString("3"));
    }

    void aFramesInnermostShadowingLocalIsTheOneInScope() {
        Ide ide;
        const char* main = "function f(n) {\n"
                           "  const x = 'outer';\n"
                           "  for (let i = 0; i < 1; i++) {\n"
                           "    const x = n * 2;\n"
                           "    null.boom;\n"
                           "  }\n"
                           "}\n"
                           "const id = setInterval(() => {}, 20);\n"
                           "Thread.spawn(() => f(21));\n";
        QVERIFY(ide.openFiles({{"main.js", main}}));
        QVERIFY(ide.runUntilRunning());
        QTreeWidget* tree = ide.window->suspendedView()->tree();
        QVERIFY(QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000));
        QTreeWidgetItem* frame = tree->topLevelItem(0)->child(0);
        tree->scrollToItem(frame);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(frame).center());
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QVERIFY(QTest::qWaitFor([&] { return fieldValue(m, "x").isValid(); }, 10000));
        QCOMPARE(fieldValue(m, "x").data().toString(), QString("42"));
        QCOMPARE(evaluate(ide, "x + i + n"), QString("63"));
    }

    void editingAFieldWritesItIntoTheRunningProgram() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        uint32_t shape = inspectFirst(ide, "shapes.js", "Shape");
        QVERIFY(shape);
        QVERIFY(editField(ide, "side", "this.side * 10 + 1", Qt::Key_Return));
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QVERIFY(QTest::qWaitFor([&] { return fieldValue(m, "side").data().toString() == "21"; },
                                10000));
        // The program sees it.
        QCOMPARE(evaluate(ide, "this.area()"), QString("441"));
        // Escape leaves it as it was; a bad expression says why and writes nothing.
        QVERIFY(editField(ide, "side", "99", Qt::Key_Escape));
        QListWidget* out = ide.window->inspector()->evaluator()->output();
        int before = out->count();
        QVERIFY(editField(ide, "side", "1 +", Qt::Key_Return));
        QVERIFY(QTest::qWaitFor([&] { return out->count() > before; }, 10000));
        QVERIFY2(out->item(before)->text().startsWith("side = 1 +: not written"),
                 qPrintable(out->item(before)->text()));
        QCOMPARE(evaluate(ide, "this.side"), QString("21"));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    void anEndlessFieldEditIsCancelledAndWritesNothing() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kShapesMain}, {"shapes.js", kShapesModule}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "shapes.js", "Shape"));
        EvaluatorPane* pane = ide.window->inspector()->evaluator();
        QListWidget* out = pane->output();
        int before = out->count();
        QVERIFY(editField(ide, "side", "(() => { for (;;) {} })()", Qt::Key_Return));
        QVERIFY(QTest::qWaitFor([&] { return pane->cancelButton()->isVisible(); }, 10000));
        QTest::mouseClick(pane->cancelButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return out->count() > before; }, 10000));
        QVERIFY2(out->item(before)->text().contains("not written: Cancelled"),
                 qPrintable(out->item(before)->text()));
        QVERIFY(!pane->cancelButton()->isVisible());
        QCOMPARE(evaluate(ide, "this.side"), QString("2"));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    void aPrivateFieldIsEditableAsItIsShown() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kCounter}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(inspectFirst(ide, "main.js", "Counter"));
        ObjectTreeModel* m = ide.window->inspector()->objectTree();
        QModelIndex top = m->index(0, 0);
        QString name;
        for (int r = 0; r < m->rowCount(top); ++r)
            if (m->index(r, 0, top).data().toString().startsWith("#count"))
                name = m->index(r, 0, top).data().toString();
        QVERIFY2(!name.isEmpty(), "the private field is shown");
        QVERIFY(editField(ide, name, "40 + 2", Qt::Key_Return));
        QVERIFY(
            QTest::qWaitFor([&] { return fieldValue(m, name).data().toString() == "42"; }, 10000));
        QCOMPARE(evaluate(ide, "this.count"), QString("42"));
    }
};

QTEST_MAIN(TestIdeEvaluate)
#include "tst_ide_evaluate.moc"
