// The IDE attaches to a process it did not start (issue 14): `molt run counter_v1.js
// --control SOCK` runs as a separate QProcess; File ▸ Attach opens its live sources, the
// Inspector reads its live instances over the socket, a Ctrl+S commits an edited method to
// it, `molt eval` (another client) sees the new code with the old state, and Detach leaves
// the process running.
#include "app/ide/host/socketvmhost.h"
#include "guitest.h"

#include <QProcess>
#include <QStandardPaths>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

QString evalIn(const QString& socket, const QString& expr, int* code = nullptr) {
    QProcess p;
    p.start(QStringLiteral(MOLT_BINARY), {"eval", socket, expr});
    p.waitForFinished(20000);
    if (code) *code = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestAttach : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    QProcess service_;
    QString socket_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(work_.isValid());
        QString app = work_.filePath("counter_v1.js");
        QVERIFY(QFile::copy(QStringLiteral(MOLT_SOURCE_DIR "/tests/app/cli/control/counter_v1.js"),
                            app));
        socket_ = work_.filePath("app.sock");
        service_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // A service that ends before the test ends it says how (the later checks then fail).
        connect(&service_, &QProcess::finished, this, [](int code, QProcess::ExitStatus status) {
            qWarning("the service ended: %s %d", status == QProcess::CrashExit ? "signal" : "exit",
                     code);
        });
        service_.start(QStringLiteral(MOLT_BINARY), {"run", app, "--control", socket_});
        QVERIFY(service_.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return service_.readAllStandardOutput().contains("v1 started") ||
                       QFile::exists(socket_);
            },
            10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket_), 30000);
        // The timer has ticked: the state the update must keep is not the initial one.
        QTRY_VERIFY_WITH_TIMEOUT(evalIn(socket_, "counter.count").toInt() > 0, 20000);
    }

    void cleanupTestCase() {
        service_.kill();
        service_.waitForFinished(5000);
    }

    void unreachableSocketOpensNoWindow() {
        Ide ide;
        QPointer<MainWindow> w = ide.window->attachToProcess(work_.filePath("nobody.sock"));
        QTRY_VERIFY_WITH_TIMEOUT(w.isNull(), 30000);
        QVERIFY(ide.window->messageBar()->isVisible());
    }

    void attachInspectCommitDetach() {
        Ide ide(true);
        QPointer<MainWindow> w = ide.window->attachToProcess(socket_);
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->project().isValid(), 30000);
        QCOMPARE(w->project().mainModule, QString("counter_v1.js"));
        QTRY_COMPARE_WITH_TIMEOUT(w->status().state, ProgramState::Running, 30000);
        QVERIFY(w->attachedHost()->isAttached());
        QVERIFY(w->windowTitle().contains("attached to"));

        // The Inspector sees the process's live instance, with its state.
        QList<Instance> counters = inspectInstances(w, "counter_v1.js", "Counter");
        QCOMPARE(counters.size(), 1);
        QMap<QString, QString> fields = inspectFields(w, counters[0].identity);
        QVERIFY(fields.contains("count"));
        QVERIFY(fields.value("count").toInt() > 0);
        // Its filter, order and referrers are the process's answers too.
        InstanceListModel* instances = w->inspector()->instances();
        instances->setFilter("count", "-1", false);
        QTRY_VERIFY_WITH_TIMEOUT(instances->matched() == 0 && instances->total() == 1, 20000);
        instances->setFilter("nope", "1", false);
        QTRY_COMPARE_WITH_TIMEOUT(instances->error(), QString("Counter has no field 'nope'"),
                                  20000);
        instances->setFilter({}, {}, false);
        instances->setSort("count", true);
        QTRY_VERIFY_WITH_TIMEOUT(instances->matched() == 1 && instances->rowCount() == 1, 20000);
        QSignalSpy referrers(w->host(), &VmHost::referrersReady);
        w->host()->requestReferrers(counters[0].identity);
        QVERIFY(referrers.wait(20000));
        ReferrerList list = referrers.at(0).at(0).value<ReferrerList>();
        QVERIFY(list.found);
        QCOMPARE(list.identity, counters[0].identity);

        // Edit a method in the editor and commit it with Ctrl+S.
        QsciScintilla* e = w->editorFor("counter_v1.js");
        QVERIFY(e);
        QVERIFY(replaceByTyping(e, "v1 count=", "v2 count="));
        QSignalSpy finished(w.data(), &MainWindow::updateFinished);
        w->activateWindow();
        QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        UpdateOutcome outcome = finished.at(0).at(0).value<UpdateOutcome>();
        QVERIFY2(outcome.report.committed(), outcome.error.c_str());
        QVERIFY(!outcome.changes.empty()); // the Patch panel's table, diffed locally
        QVERIFY(w->history()->entries().size() >= 1);

        // Another client sees the new code and the kept state.
        QString described = evalIn(socket_, "counter.describe()");
        QVERIFY2(described.startsWith("v2 count="), qPrintable(described));
        QVERIFY(described.mid(9).toInt() >= fields.value("count").toInt());
        QCOMPARE(evalIn(socket_, "Molt.allInstances(Counter).length"), QString("1"));

        // A field added to the live class migrates the process's instance; the Before/After
        // view shows it from the samples the process sent back.
        QVERIFY(replaceByTyping(e, "class Counter {", "class Counter { step = 2;"));
        finished.clear();
        QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        outcome = finished.at(0).at(0).value<UpdateOutcome>();
        QVERIFY2(outcome.report.committed(), outcome.error.c_str());
        QCOMPARE(outcome.report.instancesMigrated, size_t(1));
        BeforeAfterModel* ba = w->inspector()->beforeAfter()->model();
        QTRY_COMPARE_WITH_TIMEOUT(ba->rowCount(), 1, 5000);
        QModelIndex top = ba->index(0, 0);
        QCOMPARE(top.data(BeforeAfterModel::IdentityRole).toUInt(), counters[0].identity);
        QMap<QString, QString> changes, after;
        for (int c = 0; c < ba->rowCount(top); ++c) {
            QString field = ba->index(c, BeforeAfterModel::Field, top).data().toString();
            changes[field] = ba->index(c, BeforeAfterModel::Change, top).data().toString();
            after[field] = ba->index(c, BeforeAfterModel::After, top).data().toString();
        }
        QCOMPARE(changes.value("step"), QString("added"));
        QCOMPARE(after.value("step"), QString("2"));
        QCOMPARE(changes.value("count"), QString("unchanged"));
        QCOMPARE(evalIn(socket_, "counter.step"), QString("2"));

        // Detach: the window says so, the process keeps running and answering.
        w->detachFromProcess();
        QTRY_VERIFY_WITH_TIMEOUT(!w->attachedHost()->isAttached(), 5000);
        QVERIFY(w->windowTitle().contains("detached"));
        QCOMPARE(service_.state(), QProcess::Running);
        int code = -1;
        QString later = evalIn(socket_, "counter.describe()", &code);
        QCOMPARE(code, 0);
        QVERIFY2(later.startsWith("v2 count="), qPrintable(later));
        QVERIFY(later.mid(9).toInt() >= described.mid(9).toInt());

        // A second window attached later lists the updates from the process's journal.
        QPointer<MainWindow> again = ide.window->attachToProcess(socket_);
        QTRY_VERIFY_WITH_TIMEOUT(again && again->history()->entries().size() == 2, 30000);
        for (const HistoryEntry& entry : again->history()->entries())
            QVERIFY(entry.title.startsWith("journal: committed"));
        QVERIFY(again->editorFor("counter_v1.js")->text().contains("v2 count="));
        // Each window edits a folder of its own: the second never overwrote the first's files.
        QVERIFY(again->project().root != w->project().root);
        QVERIFY(QFile::exists(w->project().absolutePath("counter_v1.js")));
        delete again.data();
        delete w.data();
    }

    // Refactor ▸ Rename Field in an attached window: one update to the process, which keeps
    // its instance and the count under the new name, and the source rewritten in the editor.
    void renameFieldInTheProcess() {
        Ide ide;
        QPointer<MainWindow> w = ide.window->attachToProcess(socket_);
        QTRY_COMPARE_WITH_TIMEOUT(w ? w->status().state : ProgramState::NotStarted,
                                  ProgramState::Running, 30000);
        QList<Instance> before = inspectInstances(w, "counter_v1.js", "Counter");
        QCOMPARE(before.size(), 1);
        int count = evalIn(socket_, "counter.count").toInt();
        QVERIFY(count > 0);

        QVERIFY(placeCaret(w->editorFor("counter_v1.js"), "this.count = 0", 6));
        RefactorDialog* d = triggerRefactoring(w, "rename-field");
        QVERIFY(d);
        d->nameEdit()->setText("ticks");
        QTest::mouseClick(d->previewButton(), Qt::LeftButton);
        QVERIFY2(d->hasPreview(), qPrintable(d->errorLabel()->text()));
        QVERIFY(d->patchView()->text().contains(
            "dsu.renameInstanceVariable(\"Counter\", \"count\", \"ticks\")"));
        QVERIFY(clickCommit(w, d));
        QString text = w->editorFor("counter_v1.js")->text();
        QVERIFY(text.contains("this.ticks = 0;") && !text.contains("this.count"));

        // The process runs the renamed code with the count carried over, on the same object.
        QCOMPARE(evalIn(socket_, "typeof counter.count"), QString("undefined"));
        QVERIFY(evalIn(socket_, "counter.ticks").toInt() >= count);
        QString described = evalIn(socket_, "counter.describe()");
        QVERIFY2(described.startsWith("v2 count="), qPrintable(described));
        QList<Instance> after = inspectInstances(w, "counter_v1.js", "Counter");
        QCOMPARE(after.size(), 1);
        QCOMPARE(after[0].identity, before[0].identity);
        QVERIFY(inspectFields(w, after[0].identity).contains("ticks"));
        delete w.data();
    }

    // Last: the process ends under an attached window, which says so and keeps its editors.
    void theProcessGoingAwayIsShown() {
        Ide ide;
        QPointer<MainWindow> w = ide.window->attachToProcess(socket_);
        QTRY_COMPARE_WITH_TIMEOUT(w ? w->status().state : ProgramState::NotStarted,
                                  ProgramState::Running, 30000);
        service_.kill();
        QVERIFY(service_.waitForFinished(5000));
        QTRY_COMPARE_WITH_TIMEOUT(w->status().state, ProgramState::Failed, 30000);
        QVERIFY(!w->attachedHost()->isAttached());
        QVERIFY(w->windowTitle().contains("detached"));
        QVERIFY(w->editorFor("counter_v1.js")->text().contains("v2 count="));
        delete w.data();
    }
};

QTEST_MAIN(TestAttach)
#include "tst_ide_attach.moc"
