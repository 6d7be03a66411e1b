// Choosing a field's migration policy in the Patch panel's table (issue 15): the choice is
// written into the patch script shown, and the committed update migrates the live
// instances with it.
#include "guitest.h"

#include <QComboBox>
#include <QItemSelectionModel>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

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

int rowOf(ChangeTableModel* m, const QString& kind, const QString& member) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, ChangeTableModel::Kind).data().toString() == kind &&
            m->index(r, ChangeTableModel::Member).data().toString().startsWith(member))
            return r;
    return -1;
}

// Selects the row in the table, as a click does, and picks `label` in the policy box.
bool choose(PatchPanel* panel, int row, const QString& label) {
    panel->changeTable()->selectionModel()->setCurrentIndex(panel->changes()->index(row, 0),
                                                            QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    QComboBox* box = panel->policyBox();
    if (!box->isVisibleTo(panel)) return false;
    int index = box->findText(label, Qt::MatchStartsWith);
    if (index < 0) return false;
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
    return true;
}

// side 2 and side 3, as the running program made them.
QList<QMap<QString, QString>> shapeFields(Ide& ide) {
    QList<QMap<QString, QString>> out;
    for (const Instance& i : inspectInstances(ide.window.get(), "shapes.js", "Shape", 2))
        out << inspectFields(ide.window.get(), i.identity);
    return out;
}

} // namespace

class TestIdePolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("MoltTests");
        QCoreApplication::setApplicationName("tst_ide_policy");
    }

    // An added field with a declared initializer: computed from the old object instead.
    void computedPolicyForAnAddedField() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        ide.editor("shapes.js")
            ->setText(QString(kShapesModule)
                          .replace("class Shape {\n", "class Shape {\n  label = \"none\";\n"));
        PatchPreview preview = applyAndWaitForPatch(ide);
        QVERIFY2(preview.ok, preview.error.c_str());
        PatchPanel* panel = ide.window->patchPanel();
        int row = rowOf(panel->changes(), "field added", "label");
        QVERIFY(row >= 0);
        QCOMPARE(panel->changes()->index(row, ChangeTableModel::Policy).data().toString(),
                 QString::fromStdString(preview.changes.changes[size_t(row)].policy));

        QVERIFY(choose(panel, row, "computed"));
        QVERIFY(panel->policyExpression()->isEnabled());
        // Use without an expression says what is missing and changes nothing.
        QVERIFY(!panel->usePolicy());
        QCOMPARE(panel->scriptEditor()->text(), QString::fromStdString(preview.script));
        panel->policyExpression()->setFocus();
        QTest::keyClicks(panel->policyExpression(), "\"side \" + oldObj.side");
        QTest::keyClick(panel->policyExpression(), Qt::Key_Return);

        const QString script = panel->scriptEditor()->text();
        QVERIFY2(
            script.contains("dsu.addInstanceVariable(\"Shape\", \"label\", (oldObj, newObj) => "
                            "(\"side \" + oldObj.side));"),
            qPrintable(script));
        QVERIFY2(!script.contains("dsu.initializer"), qPrintable(script)); // replaced, not added
        QCOMPARE(panel->changes()->index(row, ChangeTableModel::Policy).data().toString(),
                 QString("computed: \"side \" + oldObj.side"));
        QVERIFY(panel->commitButton()->isEnabled());
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(outcome.userPatch, script.toStdString()); // the script shown is what ran

        QStringList labels;
        for (const auto& fields : shapeFields(ide))
            labels << fields.value("label");
        labels.sort();
        QCOMPARE(labels, QStringList({"'side 2'", "'side 3'"}));
    }

    // A removed field and an added one: the removed row's "renamed to" moves the values, and
    // "dropped" gives the rename up again.
    void renamePolicyForARemovedAndAnAddedField() {
        Ide ide;
        QVERIFY(ide.openFiles({{"shapes.js", kShapesModule}, {"main.js", kShapesMain}}));
        QVERIFY(ide.runUntilRunning());
        ide.editor("shapes.js")
            ->setText("class Shape {\n"
                      "  constructor(side) { this.count = 0; }\n"
                      "  area() { return this.count + 1; }\n"
                      "}\n"
                      "module.exports = { Shape };\n");
        PatchPreview preview = applyAndWaitForPatch(ide);
        QVERIFY2(preview.ok, preview.error.c_str());
        PatchPanel* panel = ide.window->patchPanel();
        ChangeTableModel* changes = panel->changes();
        int removed = rowOf(changes, "field removed", "side");
        int added = rowOf(changes, "field added", "count");
        QVERIFY(removed >= 0 && added >= 0);
        QVERIFY(!panel->commitButton()->isEnabled()); // two REVIEW rows
        // A method row offers nothing to choose.
        int method = rowOf(changes, "method changed", "area");
        QVERIFY(method >= 0);
        // "dropped" on both REVIEW rows is the differ's default, decided: Commit may run it.
        QVERIFY(choose(panel, removed, "dropped"));
        QVERIFY(!panel->commitButton()->isEnabled());
        QVERIFY(choose(panel, added, "undefined"));
        QVERIFY(panel->commitButton()->isEnabled());
        QCOMPARE(panel->scriptEditor()->text(), QString::fromStdString(preview.script));
        panel->changeTable()->selectionModel()->setCurrentIndex(
            changes->index(method, 0), QItemSelectionModel::ClearAndSelect);
        QVERIFY(!panel->policyBox()->isVisibleTo(panel));

        QVERIFY(choose(panel, removed, "renamed to count"));
        QString script = panel->scriptEditor()->text();
        QVERIFY2(script.contains("  dsu.renameInstanceVariable(\"Shape\", \"side\", \"count\");\n"),
                 qPrintable(script));
        QVERIFY2(!script.contains("dsu.addInstanceVariable(\"Shape\", \"count\");"),
                 qPrintable(script));
        QCOMPARE(changes->index(removed, ChangeTableModel::Policy).data().toString(),
                 QString("renamed to count"));
        QCOMPARE(changes->index(added, ChangeTableModel::Policy).data().toString(),
                 QString("rename from side"));

        QVERIFY(choose(panel, removed, "dropped"));
        QCOMPARE(panel->scriptEditor()->text(), QString::fromStdString(preview.script));
        QCOMPARE(changes->index(added, ChangeTableModel::Policy).data().toString(),
                 QString::fromStdString(preview.changes.changes[size_t(added)].policy));

        QVERIFY(choose(panel, added, "rename from side"));
        QVERIFY(panel->commitButton()->isEnabled()); // the script says what happens now
        UpdateOutcome outcome = clickCommit(ide);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QStringList counts;
        for (const auto& fields : shapeFields(ide)) {
            counts << fields.value("count");
            QVERIFY(!fields.contains("side"));
        }
        counts.sort();
        QCOMPARE(counts, QStringList({"2", "3"})); // the old sides, not undefined
    }
};

QTEST_MAIN(TestIdePolicy)
#include "tst_ide_policy.moc"
