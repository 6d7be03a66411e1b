// UpdateWorkflow driven through its states with a real ThreadVmHost on small programs, no
// window: apply → review → commit, a rollback back to the review, cancel while waiting for
// a safe point, a second apply while reviewing, a refactoring commit, and the events its
// table refuses (logged, nothing changes) or drops (answers for another request).
#include "app/ide/host/threadvmhost.h"
#include "app/ide/refactorundo.h"
#include "app/ide/update_workflow.h"
#include "guitest.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace molt;
using namespace molt::ide;
using molt::ide::test::kWorker;
using State = UpdateWorkflow::State;

namespace {

const char* kCounter = "class Counter {\n"
                       "  constructor() { this.n = 0; }\n"
                       "  tick() { this.n++; }\n"
                       "}\n"
                       "const counter = new Counter();\n"
                       "setInterval(() => counter.tick(), 5);\n";

std::vector<dsu::SourceFile> mainModule(const QString& text) {
    return {{"main.js", text.toStdString()}};
}

QString edited(const char* source, const QString& from, const QString& to) {
    return QString::fromUtf8(source).replace(from, to);
}

struct Session {
    QTemporaryDir dir;
    ThreadVmHost host;
    UpdateWorkflow workflow{&host};
    QStringList entered; // every state the workflow moved to, in order

    Session() {
        QObject::connect(&workflow, &UpdateWorkflow::stateChanged, [this](State state, State) {
            entered << QString::fromLatin1(UpdateWorkflow::stateName(state));
        });
    }

    bool run(const char* source) {
        QFile f(QDir(dir.path()).filePath("main.js"));
        if (!f.open(QIODevice::WriteOnly)) return false;
        f.write(source);
        f.close();
        ProgramState state = ProgramState::NotStarted;
        QObject::connect(&host, &VmHost::statusChanged,
                         [&state](const ProgramStatus& s) { state = s.state; });
        RunSpec spec;
        spec.root = dir.path().toStdString();
        spec.mainModule = "main.js";
        host.run(spec);
        bool running = QTest::qWaitFor([&] { return state == ProgramState::Running; }, 10000);
        QObject::disconnect(&host, &VmHost::statusChanged, nullptr, nullptr);
        return running;
    }

    bool waitFor(State state, int ms = 10000) {
        return QTest::qWaitFor([&] { return workflow.state() == state; }, ms);
    }

    // Waits for the host's answer to the commit in flight.
    UpdateOutcome waitFinished(QSignalSpy& finished) {
        if (finished.isEmpty() && !finished.wait(15000)) return {};
        return finished.takeFirst().at(0).value<UpdateOutcome>();
    }
};

void expectRefused(const char* event, const char* state) {
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("ignored %1 in state %2$")
                                                .arg(QLatin1String(event), QLatin1String(state))));
}

} // namespace

class TestUpdateWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void applyReviewCommit() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy previews(&s.workflow, &UpdateWorkflow::previewReady);
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        QCOMPARE(s.workflow.state(), State::Diffing);
        QVERIFY(s.waitFor(State::Reviewing));
        QCOMPARE(previews.count(), 1);
        auto preview = previews.at(0).at(0).value<PatchPreview>();
        QVERIFY(preview.ok);
        QVERIFY(!preview.changes.empty());
        QCOMPARE(previews.at(0).at(1).toString(), QString("Apply main.js"));
        QCOMPARE(s.workflow.current().preview.script, preview.script);
        QVERIFY(!s.workflow.current().autoCommit);

        QVERIFY(s.workflow.commit({}));
        QCOMPARE(s.workflow.state(), State::Committing);
        QVERIFY(s.workflow.isCommitting());
        UpdateOutcome outcome = s.waitFinished(finished);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(s.workflow.state(), State::Idle);
        QCOMPARE(s.workflow.current().request, uint64_t(0));
        QCOMPARE(s.entered, (QStringList{"Diffing", "Reviewing", "Committing",
                                         "WaitingForSafePoint", "Idle"}));
    }

    void finishedCarriesTheUpdateAsItWasInFlight() {
        Session s;
        QVERIFY(s.run(kCounter));
        QList<LiveUpdate> done;
        connect(&s.workflow, &UpdateWorkflow::finished,
                [&](const UpdateOutcome&, const LiveUpdate& u) { done << u; });
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 3;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        uint64_t request = s.workflow.current().request;
        QVERIFY(s.workflow.commit({}));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
        QCOMPARE(done[0].kind, UpdateKind::Apply);
        QCOMPARE(done[0].request, request);
        QCOMPARE(done[0].title, QString("Apply main.js"));
        QVERIFY(!done[0].preview.files.empty());
    }

    void editWithNothingToReviewCommitsAtOnce() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(QString::fromUtf8(kCounter) + "// a comment\n")));
        UpdateOutcome outcome = s.waitFinished(finished);
        QVERIFY2(outcome.report.committed(), outcome.report.rollbackReason.c_str());
        QCOMPARE(s.workflow.state(), State::Idle);
        QCOMPARE(s.entered.mid(0, 3), (QStringList{"Diffing", "Reviewing", "Committing"}));
        QCOMPARE(s.entered.last(), QString("Idle"));
    }

    void rollbackReturnsToTheReview() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        PatchPreview reviewed = s.workflow.current().preview;
        QVERIFY(s.workflow.commit("module.exports = function (dsu) {\n"
                                  "  dsu.addValidation(\"never\", (oldNs, newNs) => false);\n"
                                  "};\n"));
        UpdateOutcome outcome = s.waitFinished(finished);
        QVERIFY(outcome.started);
        QVERIFY(!outcome.report.committed());
        QVERIFY2(QString::fromStdString(outcome.report.rollbackReason).contains("never"),
                 outcome.report.rollbackReason.c_str());
        QCOMPARE(s.workflow.state(), State::Reviewing);
        QCOMPARE(s.workflow.current().preview.script, reviewed.script);

        // Fixed (no user patch this time), committed again from the same review.
        QVERIFY(s.workflow.commit({}));
        UpdateOutcome again = s.waitFinished(finished);
        QVERIFY2(again.report.committed(), again.report.rollbackReason.c_str());
        QCOMPARE(s.workflow.state(), State::Idle);
    }

    void patchThatDoesNotCompileReturnsToTheReview() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        QVERIFY(s.workflow.commit("module.exports = function (dsu) {"));
        UpdateOutcome outcome = s.waitFinished(finished);
        QVERIFY(!outcome.started);
        QCOMPARE(s.workflow.state(), State::Reviewing);
    }

    void compileErrorEndsInIdle() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy failed(&s.workflow, &UpdateWorkflow::previewFailed);
        QSignalSpy previews(&s.workflow, &UpdateWorkflow::previewReady);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += ;"))));
        QVERIFY(failed.wait(10000));
        QCOMPARE(s.workflow.state(), State::Idle);
        QCOMPARE(previews.count(), 0);
        QCOMPARE(failed.at(0).at(0).value<PatchPreview>().errorLine, uint32_t(3));
    }

    void cancelWhileWaitingForASafePoint() {
        Session s;
        s.host.setSafePointTimeout(60000);
        QVERIFY(s.run(kWorker));
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kWorker, "this.n++;", "this.n += 2;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        QVERIFY(s.workflow.commit({}));
        QVERIFY(s.waitFor(State::WaitingForSafePoint));
        QTest::qWait(100);
        QCOMPARE(s.workflow.state(), State::WaitingForSafePoint); // work() never returns
        QCOMPARE(finished.count(), 0);

        // While the host holds the update nothing else may start.
        expectRefused("apply", "WaitingForSafePoint");
        QVERIFY(!s.workflow.apply("Apply main.js", mainModule(kWorker)));
        expectRefused("discard", "WaitingForSafePoint");
        QVERIFY(!s.workflow.discard());
        QCOMPARE(s.workflow.state(), State::WaitingForSafePoint);

        QVERIFY(s.workflow.cancel());
        UpdateOutcome outcome = s.waitFinished(finished);
        QVERIFY(!outcome.report.committed());
        QVERIFY2(QString::fromStdString(outcome.report.rollbackReason).contains("cancelled"),
                 outcome.report.rollbackReason.c_str());
        QCOMPARE(s.workflow.state(), State::Reviewing);
        QCOMPARE(s.entered, (QStringList{"Diffing", "Reviewing", "Committing",
                                         "WaitingForSafePoint", "Reviewing"}));
        QVERIFY(s.workflow.discard());
        QCOMPARE(s.workflow.state(), State::Idle);
    }

    void secondApplyWhileReviewingSupersedesTheFirst() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy previews(&s.workflow, &UpdateWorkflow::previewReady);
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        uint64_t first = s.workflow.current().request;

        // Ctrl+S again while reviewing: a new diff, and the first review is gone.
        QString second = edited(kCounter, "this.n++;", "this.n += 5;");
        QVERIFY(s.workflow.apply("Apply main.js", mainModule(second)));
        QCOMPARE(s.workflow.state(), State::Diffing);
        QVERIFY(s.workflow.current().request > first);
        QVERIFY(s.workflow.current().preview.files.empty());
        QVERIFY(s.waitFor(State::Reviewing));
        QCOMPARE(previews.count(), 2);
        QCOMPARE(QString::fromStdString(s.workflow.current().preview.files.at(0).text), second);

        // Two applies before either answer: only the newer one is reviewed.
        previews.clear();
        QString third = edited(kCounter, "this.n++;", "this.n += 7;");
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 6;"))));
        QVERIFY(s.workflow.apply("Apply main.js", mainModule(third)));
        QVERIFY(s.waitFor(State::Reviewing));
        QTest::qWait(50);
        QCOMPARE(previews.count(), 1);
        QCOMPARE(
            QString::fromStdString(previews.at(0).at(0).value<PatchPreview>().files.at(0).text),
            third);
        QCOMPARE(s.entered, (QStringList{"Diffing", "Reviewing", "Diffing", "Reviewing", "Diffing",
                                         "Reviewing"}));
    }

    void refactoringCommitEndsInIdle() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy dropped(&s.workflow, &UpdateWorkflow::reviewDropped);
        QList<LiveUpdate> done;
        QList<UpdateOutcome> outcomes;
        connect(&s.workflow, &UpdateWorkflow::finished,
                [&](const UpdateOutcome& o, const LiveUpdate& u) {
                    outcomes << o;
                    done << u;
                });
        // A review in progress is dropped by the refactoring.
        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        QVERIFY(s.waitFor(State::Reviewing));
        s.entered.clear();

        std::vector<dsu::SourceFile> sources = mainModule(kCounter);
        dsu::RefactorRequest rename{"rename-field", {"Counter", "n", "count"}, {}};
        dsu::RefactorResult result = dsu::refactor(sources, rename);
        QVERIFY2(result.ok(), result.error.c_str());
        QVERIFY(s.workflow.refactor("Refactor: rename-field", rename, sources, result.inverse, 4));
        QCOMPARE(s.workflow.state(), State::Committing);
        QCOMPARE(dropped.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 15000);
        QVERIFY2(outcomes[0].report.committed(), outcomes[0].report.rollbackReason.c_str());
        QVERIFY(QString::fromStdString(outcomes[0].after.at(0).text).contains("this.count++"));
        QCOMPARE(done[0].kind, UpdateKind::Refactoring);
        QCOMPARE(done[0].inverse.commandLine(), result.inverse.commandLine());
        QCOMPARE(done[0].undoOf, 4);
        QCOMPARE(s.workflow.state(), State::Idle);
        QCOMPARE(s.entered, (QStringList{"Committing", "WaitingForSafePoint", "Idle"}));

        // One the engine refuses also ends in Idle: the dialog, not a review, retries it.
        dsu::RefactorRequest missing{"rename-field", {"Counter", "nope", "x"}, {}};
        QVERIFY(s.workflow.refactor("Refactor: rename-field", missing,
                                    mainModule(QString::fromStdString(outcomes[0].after[0].text)),
                                    {}));
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 2, 15000);
        QVERIFY(!outcomes[1].started);
        QCOMPARE(s.workflow.state(), State::Idle);
    }

    void illegalEventsAreLoggedAndIgnored() {
        Session s;
        QSignalSpy changed(&s.workflow, &UpdateWorkflow::stateChanged);
        expectRefused("commit", "Idle");
        QVERIFY(!s.workflow.commit({}));
        expectRefused("discard", "Idle");
        QVERIFY(!s.workflow.discard());
        expectRefused("cancel", "Idle");
        QVERIFY(!s.workflow.cancel());
        s.workflow.programStopped(); // nothing held: nothing to drop, and no complaint
        QCOMPARE(s.workflow.state(), State::Idle);
        QCOMPARE(changed.count(), 0);
    }

    void answersForAnotherRequestAreDropped() {
        Session s;
        QVERIFY(s.run(kCounter));
        QSignalSpy previews(&s.workflow, &UpdateWorkflow::previewReady);
        QSignalSpy finished(&s.workflow, &UpdateWorkflow::finished);
        // Stale answers in Idle change nothing.
        UpdateOutcome stray;
        stray.request = 999;
        Q_EMIT s.host.updateFinished(stray);
        QCOMPARE(finished.count(), 0);

        QVERIFY(s.workflow.apply("Apply main.js",
                                 mainModule(edited(kCounter, "this.n++;", "this.n += 2;"))));
        PatchPreview stale;
        stale.request = s.workflow.current().request + 100;
        stale.ok = true;
        Q_EMIT s.host.patchPreviewReady(stale);
        QCOMPARE(s.workflow.state(), State::Diffing);
        QCOMPARE(previews.count(), 0);
        QVERIFY(s.waitFor(State::Reviewing));
        QCOMPARE(previews.count(), 1);
        QCOMPARE(s.workflow.current().preview.request, s.workflow.current().request);
    }
    void undoStackKeepsAnEntryUntilItsUndoCommits() {
        RefactorUndoStack undo;
        dsu::RefactorRequest back{"rename-field", {"Counter", "count", "n"}, {}};
        dsu::RefactorRequest forth{"rename-field", {"Counter", "n", "count"}, {}};
        undo.committed(-1, "rename-field Counter n count", back, 3);
        QCOMPARE(undo.size(), 1);
        QCOMPARE(undo.top().historyNumber, 3);
        QCOMPARE(undo.indexOfUpdate(3), 0);
        QCOMPARE(undo.indexOfUpdate(4), -1);
        QVERIFY(!undo.inverseOfUpdate(2));
        // Its undo committed as update #4: the entry goes, both updates stay revertible.
        undo.committed(0, "Undo rename-field Counter n count", forth, 4);
        QVERIFY(undo.isEmpty());
        QCOMPARE(undo.inverseOfUpdate(3)->commandLine(), back.commandLine());
        QCOMPARE(undo.inverseOfUpdate(4)->commandLine(), forth.commandLine());
        // Without a running program there is no update to revert, only the undo.
        undo.committed(-1, "rename-field Counter n count", back, 0);
        QCOMPARE(undo.size(), 1);
        QVERIFY(!undo.inverseOfUpdate(0));
    }
};

QTEST_MAIN(TestUpdateWorkflow)
#include "tst_update_workflow.moc"
