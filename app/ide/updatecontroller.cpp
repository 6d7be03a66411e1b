#include "app/ide/updatecontroller.h"

#include "app/ide/constants.h"
#include "app/ide/filecontroller.h"
#include "app/ide/mainwindow.h"
#include "app/ide/qstrings.h"
#include "app/ide/refactorcontroller.h"
#include "app/ide/textmerge.h"
#include "app/ide/views/editorseam.h"
#include "app/ide/views/historyview.h"
#include "app/ide/views/inspector.h"
#include "app/ide/views/messagebar.h"
#include "app/ide/views/patchpanel.h"
#include "app/ide/views/transcriptview.h"
#include "editor/qsci.h"

#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>

namespace molt::ide {

namespace {

QString numbered(const QList<int>& numbers) {
    QStringList out;
    for (int n : numbers)
        out << QStringLiteral("#%1").arg(n);
    return out.join(QStringLiteral(", "));
}

} // namespace

UpdateController::UpdateController(MainWindow* window, UpdateWorkflow* workflow,
                                   RefactorController* refactoring)
    : QObject(window), window_(window), workflow_(workflow), refactoring_(refactoring) {
    commitBusy_ = new QWidget(window);
    commitBusy_->setObjectName(QStringLiteral("commitBusy"));
    auto* busyLayout = new QHBoxLayout(commitBusy_);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(new QLabel(tr("Committing update…"), commitBusy_));
    auto* busyBar = new QProgressBar(commitBusy_);
    busyBar->setRange(0, 0); // no end known: the VM thread says when it is done
    busyBar->setMaximumSize(120, 14);
    busyBar->setTextVisible(false);
    busyLayout->addWidget(busyBar);
    commitBusy_->hide();
    commitBusyTimer_ = new QTimer(this);
    commitBusyTimer_->setSingleShot(true);
    commitBusyTimer_->setInterval(Constants::kCommitBusyDelayMs);
    connect(commitBusyTimer_, &QTimer::timeout, this, [this] {
        if (workflow_->isCommitting()) commitBusy_->show();
    });

    PatchPanel* panel = window_->patchPanel();
    connect(panel, &PatchPanel::commitRequested, this, &UpdateController::commit);
    connect(panel, &PatchPanel::discardRequested, this, &UpdateController::discard);
    connect(panel, &PatchPanel::cancelUpdateRequested, this, &UpdateController::cancel);
    connect(window_->history(), &HistoryView::revertRequested, this,
            &UpdateController::revertUpdate);
    connect(window_->history(), &HistoryView::revertToRequested, this,
            &UpdateController::revertToBefore);
    connect(workflow_, &UpdateWorkflow::stateChanged, this, &UpdateController::onWorkflowState);
    connect(workflow_, &UpdateWorkflow::previewReady, this, &UpdateController::onPreviewReady);
    connect(workflow_, &UpdateWorkflow::previewFailed, this, &UpdateController::onPreviewFailed);
    connect(workflow_, &UpdateWorkflow::reviewDropped, panel, &PatchPanel::clear);
    connect(workflow_, &UpdateWorkflow::finished, this, &UpdateController::onFinished);
}

bool UpdateController::programAlive() const {
    return window_->status().state != ProgramState::NotStarted;
}

// ---------------------------------------------------------------- requests

void UpdateController::apply() {
    if (!window_->project().isValid()) return;
    if (!window_->fileController()->saveAll()) return;
    QStatusBar* status = window_->statusBar();
    if (!programAlive()) {
        status->showMessage(tr("Saved. Run the program (F5) to apply edits live."), 4000);
        return;
    }
    if (workflow_->isCommitting()) {
        status->showMessage(tr("An update is waiting for a safe point."), 4000);
        return;
    }
    std::vector<dsu::SourceFile> sources = window_->editorSources();
    const QHash<QString, QByteArray>& live = window_->liveText();
    bool changed = std::any_of(sources.begin(), sources.end(), [&](const dsu::SourceFile& f) {
        auto it = live.find(qs(f.path));
        return it == live.end() || it.value() != QByteArray::fromStdString(f.text);
    });
    if (!changed) {
        // Nothing the program does not have: no update, no pause, no history entry. A
        // review of an edit since undone is dropped with it.
        if (workflow_->state() == UpdateWorkflow::State::Diffing ||
            workflow_->state() == UpdateWorkflow::State::Reviewing)
            workflow_->discard();
        window_->clearDiagnostics();
        status->showMessage(tr("Saved. The program already runs this source."), 4000);
        return;
    }
    window_->clearDiagnostics();
    window_->messageBar()->hide();
    workflow_->apply(tr("Apply %1").arg(window_->moduleOf(window_->currentEditor())), sources);
}

void UpdateController::commit() {
    if (workflow_->isCommitting()) return; // a second click on Commit
    QString blocker = window_->patchPanel()->commitBlocker();
    if (!blocker.isEmpty()) {
        window_->statusBar()->showMessage(blocker, 6000);
        return;
    }
    workflow_->commit(window_->patchPanel()->userPatch());
}

void UpdateController::discard() {
    if (workflow_->discard())
        window_->statusBar()->showMessage(tr("Patch discarded: the program is unchanged."), 4000);
}

void UpdateController::cancel() {
    workflow_->cancel();
}

void UpdateController::revertUpdate(int number) {
    if (refactoring_->revertUpdate(number)) return; // a refactoring: its inverse
    HistoryView* history = window_->history();
    const HistoryEntry* e = history->entry(number);
    if (!e || !e->outcome.report.committed() || e->earlierSession || !programAlive() ||
        workflow_->isCommitting())
        return;
    QList<int> later = history->committedAfter(number);
    if (later.isEmpty()) {
        workflow_->revert(tr("Revert update #%1").arg(number), e->outcome.before);
        return;
    }
    // Later updates stay: take this update's edit back out of the source the program runs
    // now, module by module, and let the differ make the patch from there.
    std::vector<dsu::SourceFile> live;
    const QHash<QString, QByteArray>& liveText = window_->liveText();
    for (const QString& module : window_->project().modules())
        if (auto it = liveText.find(module); it != liveText.end())
            live.push_back({module.toStdString(), it.value().toStdString()});
    RevertAlone plan = revertAlone(live, e->outcome.before, e->outcome.after);
    QStringList conflicts;
    for (const std::string& module : plan.conflicts)
        conflicts << qs(module);
    if (!conflicts.isEmpty()) {
        window_->messageBar()->showMessage(
            MessageBar::Kind::Error,
            tr("Update #%1 cannot be reverted alone — nothing was changed").arg(number),
            tr("Later updates (%1) changed the same lines of %2. Revert to Before #%3 goes "
               "back to the source before #%3 and so reverts them too.")
                .arg(numbered(later), conflicts.join(QStringLiteral(", ")))
                .arg(number));
        return;
    }
    workflow_->revert(tr("Revert update #%1 alone").arg(number), plan.target);
}

void UpdateController::revertToBefore(int number) {
    HistoryView* history = window_->history();
    const HistoryEntry* e = history->entry(number);
    if (!e || !e->outcome.report.committed() || e->earlierSession || !programAlive() ||
        workflow_->isCommitting())
        return;
    QList<int> later = history->committedAfter(number);
    if (later.isEmpty()) {
        revertUpdate(number);
        return;
    }
    QString also = numbered(later);
    // A class a later update renamed is, to the differ, one class removed (its live
    // instances with it) and another added: the patch renames it back instead.
    QStringList renamed;
    QString script;
    for (const auto& [live, before] : renamesBack(number)) {
        renamed << tr("%1 becomes %2 again").arg(live, before);
        script += QStringLiteral("\n  // Renamed by an update this reverts: the live %1 "
                                 "instances become %2 instances again.\n"
                                 "  dsu.renameClass(\"%1\", \"%2\");\n")
                      .arg(live, before);
    }
    QString detail = tr("The program returns to the source before update #%1; review the "
                        "patch before committing.")
                         .arg(number);
    if (!renamed.isEmpty())
        detail += QLatin1Char('\n') +
                  tr("Renamed classes keep their live instances: %1.").arg(renamed.join(", "));
    window_->messageBar()->showMessage(MessageBar::Kind::Info,
                                       tr("This revert goes back over %1 updates: #%2 and %3")
                                           .arg(later.size() + 1)
                                           .arg(number)
                                           .arg(also),
                                       detail);
    if (!workflow_->revert(tr("Revert to before #%1 (also %2)").arg(number).arg(also),
                           e->outcome.before))
        return;
    renamesBackRequest_ = workflow_->current().request;
    renamesBackScript_ = script;
}

QList<QPair<QString, QString>> UpdateController::renamesBack(int from) const {
    // Undone newest first: a class renamed A -> B, then B -> C is live as C and goes back to A.
    QList<QPair<QString, QString>> out; // live name -> name it goes back to
    const QList<HistoryEntry>& entries = window_->history()->entries();
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
        if (e->number < from || !e->outcome.report.committed() || e->earlierSession) continue;
        for (const dsu::Change& c : e->outcome.changes.changes) {
            if (c.kind != dsu::ChangeKind::ClassRenamed) continue;
            QString oldName = qs(c.oldName), newName = qs(c.name);
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const auto& r) { return r.second == newName; });
            if (it != out.end())
                it->second = oldName;
            else
                out.append({newName, oldName});
        }
    }
    out.removeIf([](const auto& r) { return r.first == r.second; }); // renamed and back
    return out;
}

// ---------------------------------------------------------------- diagnostics

void UpdateController::showCompileError(const std::string& file, uint32_t line, uint32_t column,
                                        const QString& message) {
    QString module = file.empty() ? window_->moduleOf(window_->currentEditor())
                                  : window_->moduleForErrorFile(qs(file));
    QString firstLine = message.section(QLatin1Char('\n'), 0, 0);
    QString text = firstLine.section(QStringLiteral(": "), 1).trimmed();
    if (text.isEmpty()) text = firstLine;
    if (QsciScintilla* e = window_->editorFor(module)) {
        if (line) {
            setEditorDiagnostics(e, {{int(line), int(column), text}});
            window_->goTo(module, int(line), int(column));
        }
    }
    window_->messageBar()->showMessage(
        MessageBar::Kind::Error, tr("Compile error — nothing was committed"), message.trimmed());
}

// ---------------------------------------------------------------- the workflow's answers

void UpdateController::onWorkflowState(UpdateWorkflow::State state,
                                       UpdateWorkflow::State previous) {
    using State = UpdateWorkflow::State;
    PatchPanel* panel = window_->patchPanel();
    if (previous == State::WaitingForSafePoint) panel->setWaiting(false);
    if (state == State::WaitingForSafePoint) {
        if (workflow_->current().kind != UpdateKind::Refactoring)
            panel->setWaiting(true);
        else
            refactoring_->setWaiting(true);
    }
    // A commit that takes a while says so where the eye is, whichever view is in front.
    if (workflow_->isCommitting()) {
        if (!commitBusyTimer_->isActive() && !commitBusy_->isVisible()) commitBusyTimer_->start();
    } else {
        commitBusyTimer_->stop();
        commitBusy_->hide();
    }
    // With no update in flight there is nothing to commit: a patch still shown would be a
    // dead one.
    if (state == State::Idle) panel->clear();
    Q_EMIT stateChanged();
}

void UpdateController::updatePatchStaleness() {
    // An Apply's patch is of the editors' text at Ctrl+S: once they differ, Commit would
    // put the older version live.
    const LiveUpdate& u = workflow_->current();
    PatchPanel* panel = window_->patchPanel();
    if (workflow_->state() != UpdateWorkflow::State::Reviewing || u.kind != UpdateKind::Apply) {
        panel->setStale(false);
        return;
    }
    bool stale = false;
    for (const dsu::SourceFile& f : u.preview.files)
        if (QsciScintilla* e = window_->editorFor(qs(f.path), false))
            stale |= !editorTextEquals(e, f.text);
    panel->setStale(stale);
}

void UpdateController::onPreviewReady(const PatchPreview& preview, const QString& title) {
    PatchPanel* panel = window_->patchPanel();
    bool renamesBack = renamesBackRequest_ && renamesBackRequest_ == preview.request;
    panel->setPreview(preview, title, renamesBack ? renamesBackScript_ : QString());
    renamesBackRequest_ = 0;
    updatePatchStaleness();
    Q_EMIT patchShown(preview);
    if (workflow_->current().autoCommit) return; // nothing to review: committed at once
    QDockWidget* d = window_->dock(Constants::kPatchDock);
    d->show();
    d->raise();
    panel->commitButton()->setFocus();
}

void UpdateController::onPreviewFailed(const PatchPreview& preview) {
    showCompileError(preview.errorFile, preview.errorLine, preview.errorColumn, qs(preview.error));
    window_->refreshTabs();
}

void UpdateController::onFinished(const UpdateOutcome& outcome, const LiveUpdate& done) {
    if (done.kind == UpdateKind::Refactoring) {
        refactoring_->onFinished(outcome, done);
        return;
    }
    if (!outcome.started) {
        // The edited patch did not compile (or the program went away): nothing ran.
        window_->patchPanel()->showError(qs(outcome.error));
        window_->messageBar()->showMessage(MessageBar::Kind::Error,
                                           tr("The patch did not compile — "
                                              "nothing was committed"),
                                           qs(outcome.error).trimmed());
        Q_EMIT updateFinished(outcome);
        return;
    }
    int number = window_->history()->addUpdate(outcome, done.title);
    if (outcome.report.committed())
        showCommitted(outcome, done, number);
    else
        showRolledBack(outcome, done, number);
    window_->refreshTabs();
    Q_EMIT updateFinished(outcome);
}

void UpdateController::showCommitted(const UpdateOutcome& outcome, const LiveUpdate& done,
                                     int number) {
    const dsu::UpdateReport& r = outcome.report;
    window_->markLive(outcome.after);
    if (done.kind == UpdateKind::Revert) window_->writeSources(outcome.after); // editors follow
    window_->transcript()->appendNote(
        tr("update #%1 committed: %2").arg(number).arg(describeReport(r).section('\n', 0, 0)));
    Inspector* inspector = window_->inspector();
    const QString title = QStringLiteral("#%1 %2").arg(number).arg(done.title);
    if (!done.autoCommit) {
        window_->messageBar()->showMessage(
            MessageBar::Kind::Success, tr("Update #%1 committed").arg(number), describeReport(r));
        inspector->showBeforeAfter(outcome, title);
        window_->dock(Constants::kInspectorDock)->raise();
    } else if (!done.preview.changes.empty()) {
        // Save and see: a notice that goes by itself; the history has the entry, the
        // inspector the Before/After, and nothing takes the focus from the editor.
        window_->statusBar()->showMessage(
            tr("Live: update #%1 — %2").arg(number).arg(describeReport(r).section('\n', 0, 0)),
            5000);
        if (r.instancesMigrated > 0) inspector->showBeforeAfter(outcome, title);
    }
    inspector->refresh();
}

void UpdateController::showRolledBack(const UpdateOutcome& outcome, const LiveUpdate& done,
                                      int number) {
    const dsu::UpdateReport& r = outcome.report;
    QString reason = qs(r.rollbackReason);
    if (!r.blockers.empty()) {
        QStringList blockers;
        for (const std::string& b : r.blockers)
            blockers << qs(b);
        reason += tr("\nBlocked by: %1").arg(blockers.join(QStringLiteral("; ")));
    }
    window_->transcript()->appendNote(
        tr("update #%1 rolled back: %2").arg(number).arg(qs(r.rollbackReason)));
    window_->messageBar()->showMessage(MessageBar::Kind::Error,
                                       tr("Update rolled back — the program is unchanged; your "
                                          "edit stays in the editor, not live"),
                                       reason);
    PatchPanel* panel = window_->patchPanel();
    panel->setPreview(done.preview, done.title); // fix the patch and commit again
    // The script as it was committed: a rollback of its own making would recur.
    if (!outcome.userPatch.empty()) panel->scriptEditor()->setText(qs(outcome.userPatch));
    bool retry = !r.blockers.empty() ||
                 QString::fromStdString(r.rollbackReason).contains(QLatin1String("safe point"));
    panel->setRolledBack(qs(r.rollbackReason), retry);
    updatePatchStaleness();
    if (done.autoCommit) {
        // Committed on save, it rolled back: now there is something to look at.
        window_->dock(Constants::kPatchDock)->show();
        window_->dock(Constants::kPatchDock)->raise();
    }
}

} // namespace molt::ide
