#include "app/ide/refactorcontroller.h"

#include "app/ide/mainwindow.h"
#include "app/ide/qstrings.h"
#include "app/ide/refactorcontext.h"
#include "app/ide/views/historyview.h"
#include "app/ide/views/inspector.h"
#include "app/ide/views/messagebar.h"
#include "app/ide/views/refactordialog.h"
#include "app/ide/views/transcriptview.h"
#include "editor/qsci.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QStatusBar>
#include <algorithm>

namespace molt::ide {

namespace {

} // namespace

RefactorController::RefactorController(MainWindow* window, UpdateWorkflow* workflow)
    : QObject(window), window_(window), workflow_(workflow) {
    for (const char* kind :
         {"rename-class", "change-superclass", "extract-superclass", "inline-superclass",
          "split-class", "merge-class", "", "add-field", "rename-field", "remove-field",
          "make-static", "make-instance", "push-up-field", "pull-down-field", "", "rename-method",
          "push-up-method", "pull-down-method"}) {
        QString k = QString::fromLatin1(kind);
        order_.push_back(k);
        if (k.isEmpty()) continue;
        // Parented to the window: their shortcuts (Shift+F6) work wherever the focus is.
        auto* a = new QAction(refactoringTitle(kind), window);
        connect(a, &QAction::triggered, this, [this, k] { start(k); });
        a->setObjectName(QStringLiteral("refactor:") + k);
        for (const dsu::RefactorKindInfo& info : dsu::refactorKinds())
            if (k == QLatin1String(info.kind)) a->setStatusTip(QString::fromUtf8(info.summary));
        actions_.insert(k, a);
    }
    actions_.value(QStringLiteral("rename-field"))->setShortcut(Qt::SHIFT | Qt::Key_F6);
    undoAction_ = new QAction(tr("Undo Refactoring"), window);
    undoAction_->setObjectName(QStringLiteral("undoRefactoring"));
    undoAction_->setEnabled(false);
    connect(undoAction_, &QAction::triggered, this, &RefactorController::undoLast);
}

void RefactorController::fillMenu(QMenu* menu) {
    for (const QString& kind : order_) {
        if (kind.isEmpty())
            menu->addSeparator();
        else
            menu->addAction(actions_.value(kind));
    }
    menu->addSeparator();
    menu->addAction(undoAction_);
    connect(menu, &QMenu::aboutToShow, this, &RefactorController::updateActions);
}

RefactorDialog* RefactorController::dialog() const {
    return dialog_;
}

void RefactorController::setUndoStack(const RefactorUndoStack& stack) {
    undo_ = stack;
    Q_EMIT stateChanged();
}

bool RefactorController::programAlive() const {
    return window_->status().state != ProgramState::NotStarted;
}

void RefactorController::updateUndoAction() {
    undoAction_->setEnabled(!undo_.isEmpty() && !workflow_->isCommitting());
    undoAction_->setText(undo_.isEmpty() ? tr("Undo Refactoring")
                                         : tr("Undo Refactoring: %1").arg(undo_.top().title));
}

void RefactorController::setWaiting(bool waiting) {
    if (dialog_) dialog_->setWaiting(waiting);
}

bool RefactorController::revertUpdate(int number) {
    std::optional<dsu::RefactorRequest> inverse = undo_.inverseOfUpdate(number);
    if (!inverse) return false;
    // A refactoring is undone by its inverse, which applies to the source as it is now.
    applyInverse(undo_.indexOfUpdate(number), *inverse,
                 tr("Revert update #%1 (%2)")
                     .arg(number)
                     .arg(QString::fromStdString(inverse->commandLine())));
    return true;
}

std::vector<dsu::SourceFile> RefactorController::programSources() const {
    // Every module of the project, main first, as the editors have it (or as on disk).
    std::vector<dsu::SourceFile> out;
    for (const QString& m : window_->project().modules()) {
        std::optional<QString> text;
        if (QsciScintilla* e = window_->editorFor(m, false))
            text = e->text();
        else
            text = readTextFile(window_->project().absolutePath(m));
        if (text) out.push_back({m.toStdString(), text->toStdString()});
    }
    return out;
}

RefactorTarget RefactorController::targetAtCursor(const ProgramOutline& program) const {
    QsciScintilla* e = window_->currentEditor();
    if (!e) return {};
    auto sci = [e](unsigned int message) { return uint32_t(e->SendScintilla(message)); };
    return refactorTargetAt(program, window_->moduleOf(e).toStdString(), e->text().toStdString(),
                            sci(QsciScintilla::SCI_GETCURRENTPOS),
                            sci(QsciScintilla::SCI_GETSELECTIONSTART),
                            sci(QsciScintilla::SCI_GETSELECTIONEND));
}

void RefactorController::updateActions() {
    ProgramOutline program = outlineProgram(programSources());
    RefactorTarget target = targetAtCursor(program);
    QString subject =
        QString::fromStdString(target.member.empty() ? target.className : target.member);
    for (auto it = actions_.begin(); it != actions_.end(); ++it) {
        bool applies = window_->project().isValid() && !workflow_->isCommitting() &&
                       refactoringApplies(it.key().toStdString(), target, program);
        it.value()->setEnabled(applies);
        QString title = refactoringTitle(it.key().toStdString());
        if (applies && it.key() == QLatin1String("add-field"))
            title =
                tr("Add Field to %1…")
                    .arg(QString::fromStdString(
                        target.enclosingClass.empty() ? target.className : target.enclosingClass));
        else if (applies && !subject.isEmpty())
            title = QString(title).remove(u'…') + QStringLiteral(" '%1'…").arg(subject);
        it.value()->setText(title);
    }
}

QMenu* RefactorController::createEditorContextMenu(QsciScintilla* e) {
    window_->editorFor(window_->moduleOf(e)); // its tab comes to the front
    QMenu* menu = e->createStandardContextMenu();
    menu->setParent(e, menu->windowFlags());
    updateActions();
    QMenu* refactor = menu->addMenu(tr("Re&factor"));
    refactor->setObjectName(QStringLiteral("editorRefactorMenu"));
    for (const QString& kind : order_) {
        if (kind.isEmpty())
            refactor->addSeparator();
        else if (actions_.value(kind)->isEnabled())
            refactor->addAction(actions_.value(kind));
    }
    refactor->addSeparator();
    if (undoAction_->isEnabled()) refactor->addAction(undoAction_);
    refactor->setEnabled(
        std::any_of(actions_.begin(), actions_.end(), [](QAction* a) { return a->isEnabled(); }) ||
        undoAction_->isEnabled());
    menu->insertSeparator(menu->actions().value(0));
    menu->insertMenu(menu->actions().value(0), refactor);
    return menu;
}

void RefactorController::popUpEditorContextMenu(QsciScintilla* e, const QPoint& pos) {
    int clicked = int(
        e->SendScintilla(QsciScintilla::SCI_POSITIONFROMPOINTCLOSE, ulong(pos.x()), long(pos.y())));
    int from = int(e->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    int to = int(e->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND));
    if (clicked >= 0 && (clicked < from || clicked > to))
        e->SendScintilla(QsciScintilla::SCI_GOTOPOS, ulong(clicked));
    QMenu* menu = createEditorContextMenu(e);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(e->viewport()->mapToGlobal(pos));
}

bool RefactorController::allowed() {
    if (!window_->project().isValid()) return false;
    if (workflow_->isCommitting()) {
        window_->statusBar()->showMessage(tr("An update is waiting for a safe point."), 4000);
        return false;
    }
    if (!programAlive()) return true;
    // A running program is refactored from the source it runs: an edit that is not live
    // would otherwise go along with the refactoring, unreviewed.
    QString edited = window_->firstModuleNotLive();
    if (!edited.isEmpty()) {
        window_->messageBar()->showMessage(
            MessageBar::Kind::Error,
            tr("%1 has edits the running program does not have").arg(edited),
            tr("Apply them (Ctrl+S) or undo them, then refactor: a refactoring updates the "
               "program from the source it runs."));
        return false;
    }
    return true;
}

RefactorDialog* RefactorController::start(const QString& kind) {
    if (!allowed()) return nullptr;
    std::vector<dsu::SourceFile> sources = programSources();
    ProgramOutline program = outlineProgram(sources);
    RefactorTarget target = targetAtCursor(program);
    if (!refactoringApplies(kind.toStdString(), target, program)) {
        window_->statusBar()->showMessage(
            tr("%1 does not apply at the cursor.")
                .arg(QString(refactoringTitle(kind.toStdString())).remove(u'…')),
            4000);
        return nullptr;
    }
    if (dialog_) dialog_->close();
    auto* d = new RefactorDialog(kind.toStdString(), target, program, std::move(sources),
                                 programAlive(), window_);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setEditorAppearance(window_->isDarkTheme(), window_->fontSize());
    connect(d, &RefactorDialog::commitRequested, this, [this, d] {
        commit(d->request(), d->result(), d->sources(),
               QString::fromStdString(d->request().commandLine()), -1);
    });
    connect(d, &RefactorDialog::cancelUpdateRequested, workflow_, &UpdateWorkflow::cancel);
    connect(d, &QDialog::finished, this, [this, d] {
        if (dialog_ == d) dialog_ = nullptr;
    });
    dialog_ = d;
    d->open();
    return d;
}

void RefactorController::undoLast() {
    if (undo_.isEmpty()) return;
    const RefactorUndoStack::Entry& last = undo_.top();
    applyInverse(undo_.size() - 1, last.inverse, tr("Undo %1").arg(last.title));
}

void RefactorController::applyInverse(int undoIndex, const dsu::RefactorRequest& inverse,
                                      const QString& title) {
    if (!allowed()) return;
    std::vector<dsu::SourceFile> sources = programSources();
    dsu::RefactorResult result = dsu::refactor(sources, inverse);
    if (!result.ok()) {
        window_->messageBar()->showMessage(MessageBar::Kind::Error,
                                           tr("%1 does not apply — nothing was changed").arg(title),
                                           qs(result.error).trimmed());
        Q_EMIT refactoringFinished(false, qs(result.error));
        return;
    }
    commit(inverse, result, sources, title, undoIndex);
}

void RefactorController::commit(const dsu::RefactorRequest& request,
                                const dsu::RefactorResult& result,
                                const std::vector<dsu::SourceFile>& sources, const QString& title,
                                int undoOf) {
    if (!result.ok() || workflow_->isCommitting()) return;
    window_->clearDiagnostics();
    if (!programAlive()) {
        // Nothing runs: the refactoring is the new source, written at once.
        window_->writeSources(result.files);
        undo_.committed(undoOf, title, result.inverse, 0);
        QString message = tr("%1: the source was rewritten. The program is not running, so "
                             "there was no live update.")
                              .arg(title);
        window_->messageBar()->showMessage(MessageBar::Kind::Info, message,
                                           qs(result.summary).trimmed());
        if (dialog_) dialog_->accept();
        Q_EMIT stateChanged();
        Q_EMIT refactoringFinished(true, message);
        return;
    }
    workflow_->refactor(tr("Refactor: %1").arg(title), request, sources, result.inverse, undoOf);
}

void RefactorController::onFinished(const UpdateOutcome& outcome, const LiveUpdate& done) {
    if (dialog_) dialog_->setWaiting(false);
    if (!outcome.started) {
        // The engine refused, or the new version did not prepare: nothing ran.
        if (dialog_) dialog_->showError(qs(outcome.error));
        window_->messageBar()->showMessage(
            MessageBar::Kind::Error, tr("%1 was not applied — nothing was changed").arg(done.title),
            qs(outcome.error).trimmed());
        Q_EMIT updateFinished(outcome);
        Q_EMIT refactoringFinished(false, qs(outcome.error));
        return;
    }
    const dsu::UpdateReport& r = outcome.report;
    int number = window_->history()->addUpdate(outcome, done.title);
    QString message;
    if (r.committed()) {
        // Only now do the editors and the files change: the program has the new source.
        window_->markLive(outcome.after);
        window_->writeSources(outcome.after);
        undo_.committed(done.undoOf, done.title.section(QStringLiteral(": "), 1), done.inverse,
                        number);
        message = tr("%1 — update #%2 committed").arg(done.title).arg(number);
        window_->transcript()->appendNote(message);
        window_->messageBar()->showMessage(MessageBar::Kind::Success, message, describeReport(r));
        window_->inspector()->showBeforeAfter(outcome,
                                              QStringLiteral("#%1 %2").arg(number).arg(done.title));
        window_->inspector()->refresh();
        if (dialog_) dialog_->accept();
    } else {
        QString reason = qs(r.rollbackReason);
        for (const std::string& b : r.blockers)
            reason += tr("\nBlocked by: %1").arg(qs(b));
        message = tr("%1 rolled back — the program and the source are unchanged").arg(done.title);
        window_->transcript()->appendNote(
            tr("update #%1 rolled back: %2").arg(number).arg(qs(r.rollbackReason)));
        window_->messageBar()->showMessage(MessageBar::Kind::Error, message, reason);
        if (dialog_) dialog_->reject();
    }
    window_->refreshTabs();
    Q_EMIT stateChanged();
    Q_EMIT updateFinished(outcome);
    Q_EMIT refactoringFinished(r.committed(), message);
}

} // namespace molt::ide
