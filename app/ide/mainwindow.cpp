#include "app/ide/mainwindow.h"

#include "app/ide/constants.h"
#include "app/ide/filecontroller.h"
#include "app/ide/historystore.h"
#include "app/ide/host/socketvmhost.h"
#include "app/ide/host/threadvmhost.h"
#include "app/ide/mainmenus.h"
#include "app/ide/qstrings.h"
#include "app/ide/refactorcontroller.h"
#include "app/ide/updatecontroller.h"
#include "app/ide/views/editorseam.h"
#include "app/ide/views/filechangebar.h"
#include "app/ide/views/framelink.h"
#include "app/ide/views/historyview.h"
#include "app/ide/views/inspector.h"
#include "app/ide/views/messagebar.h"
#include "app/ide/views/patchpanel.h"
#include "app/ide/views/suspendedview.h"
#include "app/ide/views/theme.h"
#include "app/ide/views/threadsview.h"
#include "app/ide/views/transcriptview.h"
#include "app/ide/views/worldview.h"
#include "editor/codeeditor.h"
#include "editor/findbar.h"
#include "editor/qsci.h"
#include "editor/symbolindex.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

// The examples are compiled into molt_ide_core, a static library: its resources need an
// explicit initialisation, outside any namespace.
static void initIdeResources() {
    Q_INIT_RESOURCE(examples);
}

namespace molt::ide {

namespace {

bool vmAlive(ProgramState s) {
    return s != ProgramState::NotStarted;
}

// A program a stop would interrupt (a finished one keeps only its objects).
bool programRuns(ProgramState s) {
    return s == ProgramState::Running || s == ProgramState::Paused;
}

} // namespace

MainWindow::MainWindow(const Options& options, VmHost* host, QWidget* parent)
    : QMainWindow(parent), options_(options), host_(host ? host : new ThreadVmHost),
      fontSize_(Constants::kDefaultFontSize) {
    initIdeResources();
    host_->setParent(this);
    workflow_ = new UpdateWorkflow(host_, this);
    refactoring_ = new RefactorController(this, workflow_);
    connect(refactoring_, &RefactorController::stateChanged, this, &MainWindow::updateActions);
    connect(refactoring_, &RefactorController::updateFinished, this, &MainWindow::updateFinished);
    connect(refactoring_, &RefactorController::refactoringFinished, this,
            &MainWindow::refactoringFinished);
    resize(1440, 900);
    setObjectName(QStringLiteral("moltMainWindow"));
    setWindowIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    setDockNestingEnabled(true);

    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    tabs_ = new QTabWidget(central);
    tabs_->setObjectName(QStringLiteral("editorTabs"));
    tabs_->setDocumentMode(true);
    tabs_->setMovable(true);
    tabs_->setTabsClosable(true);
    centralLayout->addWidget(tabs_, 1);
    fileChangeBar_ = new FileChangeBar(central);
    centralLayout->addWidget(fileChangeBar_);
    // Under the editors, not above: a bar that comes and goes above them would move the
    // text under the caret, and the next keystrokes would land on another line.
    messageBar_ = new MessageBar(central);
    centralLayout->addWidget(messageBar_);
    findBar_ = new editor::FindBar(central);
    findBar_->hide();
    centralLayout->addWidget(findBar_);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        findBar_->setEditor(qobject_cast<editor::CodeEditor*>(currentEditor()));
        updateCursorLabel();
    });
    setCentralWidget(central);

    createDocks();
    menus_ = createMainMenus(this, refactoring_, findBar_);
    rebuildRecentMenu();
    // One index for the project, so F12 finds a class another module defines. Created
    // after the editors' parents: children are deleted in creation order, and an editor
    // leaves the index when it is deleted.
    symbols_ = new editor::SymbolIndex(this);
    fileController_ = new FileController(tabs_, fileChangeBar_, messageBar_, symbols_, this);
    fileController_->setOpener([this](const QString& module) { return editorFor(module); });
    fileController_->setStaleCheck([this](const QString& module) {
        return vmAlive(status_.state) && liveText_.contains(module) && !isLive(module);
    });
    connect(fileController_, &FileController::tabChanged, this, &MainWindow::updateTab);
    connect(fileController_, &FileController::modulesChanged, this,
            &MainWindow::updateProjectFiles);
    connect(fileController_, &FileController::updateRequested, this, &MainWindow::applyEdits);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int index) {
        fileController_->closeTab(qobject_cast<QsciScintilla*>(tabs_->widget(index)));
    });

    cursorLabel_ = new QLabel(this);
    cursorLabel_->setObjectName(QStringLiteral("cursorPosition"));
    // Sized once for the widest position: a label whose size can change asks the status
    // bar to lay out again, and the status bar repaints whole, on every keystroke.
    cursorLabel_->setText(tr("Ln %1, Col %2").arg(99999).arg(9999));
    cursorLabel_->setFixedSize(cursorLabel_->sizeHint());
    cursorLabel_->clear();
    statusBar()->addPermanentWidget(cursorLabel_);
    stateLabel_ = new QLabel(this);
    stateLabel_->setObjectName(QStringLiteral("programState"));
    statusBar()->addPermanentWidget(stateLabel_);
    updates_ = new UpdateController(this, workflow_, refactoring_);
    connect(updates_, &UpdateController::updateFinished, this, [this](const UpdateOutcome& o) {
        if (!revertThenRestart_.request) return;
        // A revert that rolled back goes back to its review, to be committed again.
        if (o.request == revertThenRestart_.request && !o.report.committed()) return;
        RevertThenRestart r = std::exchange(revertThenRestart_, {});
        if (o.request != r.request) return;
        if (r.rejection)
            host_->releaseRejection(r.rejection); // nothing to rerun: the old code goes on
        else
            host_->restartFrame(r.thread, r.depth); // the old code runs
    });
    // A revert the user dropped (or that did not diff) restarts nothing later.
    connect(workflow_, &UpdateWorkflow::reviewDropped, this, [this] { revertThenRestart_ = {}; });
    connect(workflow_, &UpdateWorkflow::previewFailed, this, [this] { revertThenRestart_ = {}; });
    statusBar()->insertPermanentWidget(0, updates_->busyIndicator());
    connect(updates_, &UpdateController::stateChanged, this, &MainWindow::updateActions);
    connect(updates_, &UpdateController::patchShown, this, &MainWindow::patchShown);
    connect(updates_, &UpdateController::updateFinished, this, &MainWindow::updateFinished);

    connect(host_, &VmHost::transcript, transcript_, &TranscriptView::appendOutput);
    connect(host_, &VmHost::statusChanged, this, &MainWindow::onStatus);
    connect(host_, &VmHost::canvasFrame, world_, &WorldView::showFrame);
    connect(host_, &VmHost::canvasFrame, this, [this] {
        if (!worldAutoHidden_) return;
        worldAutoHidden_ = false; // it draws after all
        dock(Constants::kWorldDock)->show();
    });
    connect(world_, &WorldView::canvasResized, host_, &VmHost::setCanvasSize);

    setCommitWithoutReview(options_.commitWithoutReview);
    setConfirmStop(options_.confirmStop);
    if (options_.useSettings) restoreSettings();
    applyApplicationTheme(dark_);
    setDarkTheme(dark_);
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() {
    if (!attachedFolder_.isEmpty()) foldersInUse().remove(attachedFolder_);
}

// The folders of live sources that attached windows of this IDE are editing: a second
// window attached to the same process gets a folder of its own, so it never overwrites
// the first one's files (or unsaved work saved later).
QSet<QString>& MainWindow::foldersInUse() {
    static QSet<QString> folders;
    return folders;
}

QDockWidget* MainWindow::dock(const char* objectName) const {
    return findChild<QDockWidget*>(QString::fromLatin1(objectName));
}

// ---------------------------------------------------------------- construction

void MainWindow::createDocks() {
    auto makeDock = [this](const QString& title, const char* name, QWidget* content,
                           Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QString::fromLatin1(name));
        d->setWidget(content);
        addDockWidget(area, d);
        return d;
    };
    files_ = new QListWidget(this);
    files_->setObjectName(QStringLiteral("projectFiles"));
    connect(files_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { editorFor(item->text()); });
    auto* projectDock =
        makeDock(tr("Project"), Constants::kProjectDock, files_, Qt::LeftDockWidgetArea);

    world_ = new WorldView(this);
    world_->setObjectName(QStringLiteral("worldView"));
    auto* worldDock = makeDock(tr("World"), Constants::kWorldDock, world_, Qt::RightDockWidgetArea);

    threads_ = new ThreadsView(host_, this);
    auto* threadsDock =
        makeDock(tr("Threads"), Constants::kThreadsDock, threads_, Qt::RightDockWidgetArea);
    splitDockWidget(worldDock, threadsDock, Qt::Vertical);
    connect(threads_, &ThreadsView::frameActivated, this, &MainWindow::openFrame);

    suspended_ = new SuspendedView(host_, this);
    auto* suspendedDock =
        makeDock(tr("Suspended"), Constants::kSuspendedDock, suspended_, Qt::RightDockWidgetArea);
    tabifyDockWidget(threadsDock, suspendedDock);
    threadsDock->raise();
    connect(suspended_, &SuspendedView::frameActivated, this, &MainWindow::openFrame);
    connect(suspended_, &SuspendedView::suspended, this,
            [this, suspendedDock](uint32_t threadId, const QString& message) {
                transcript_->appendNote(tr("thread #%1 suspended by an uncaught %2 — see the "
                                           "Suspended panel")
                                            .arg(threadId)
                                            .arg(message));
                suspendedDock->show();
                suspendedDock->raise();
            });
    connect(suspended_, &SuspendedView::rejectionListed, this,
            [this, suspendedDock](uint32_t id, const QString& message) {
                transcript_->appendNote(tr("a promise rejected with no handler (%1) is held as "
                                           "rejection #%2 — see the Suspended panel")
                                            .arg(message)
                                            .arg(id));
                suspendedDock->show();
                suspendedDock->raise();
            });
    connect(suspended_, &SuspendedView::reasonSelected, this,
            [this](uint32_t identity, const QString& label) {
                inspector_->inspectObject(identity, label);
                dock(Constants::kInspectorDock)->raise();
            });
    connect(host_, &VmHost::frameReady, this,
            [this](uint32_t, int, uint32_t identity, const QString& label) {
                if (!identity) return;
                inspector_->inspectObject(identity, tr("%1 (frame: this and locals)").arg(label));
                dock(Constants::kInspectorDock)->raise();
            });
    connect(suspended_, &SuspendedView::revertLastRequested, this, [this] {
        const HistoryEntry* last = nullptr;
        for (const HistoryEntry& e : history_->entries())
            if (e.outcome.report.committed() && !e.earlierSession) last = &e;
        if (!last) {
            suspended_->statusLabel()->setText(tr("There is no update of this run to revert."));
            return;
        }
        uint64_t before = workflow_->current().request;
        updates_->revertUpdate(last->number);
        uint64_t started = workflow_->current().request;
        if (!started || started == before) {
            suspended_->statusLabel()->setText(
                tr("Update #%1 cannot be reverted now: another update is under way.")
                    .arg(last->number));
            return;
        }
        // The frame selected now is the one to restart, whatever is selected when the
        // revert commits.
        revertThenRestart_ = {started, suspended_->selectedThread(),
                              std::max(0, suspended_->selectedFrame()),
                              suspended_->selectedRejection()};
    });

    transcript_ = new TranscriptView(this);
    connect(transcript_, &TranscriptView::frameActivated, this, &MainWindow::openFrame);
    auto* transcriptDock = makeDock(tr("Transcript"), Constants::kTranscriptDock, transcript_,
                                    Qt::BottomDockWidgetArea);

    inspector_ = new Inspector(host_, this);
    connect(inspector_, &Inspector::findReferencesRequested, this,
            [this](const QString& className, const QString& member) {
                dsu::References found = dsu::findReferences(
                    refactoring_->programSources(), className.toStdString(), member.toStdString());
                inspector_->showReferences(
                    member.isEmpty() ? className : QStringLiteral("%1.%2").arg(className, member),
                    found);
            });
    connect(inspector_, &Inspector::referenceActivated, this, &MainWindow::goTo);
    auto* inspectorDock =
        makeDock(tr("Inspector"), Constants::kInspectorDock, inspector_, Qt::BottomDockWidgetArea);

    patchPanel_ = new PatchPanel(this);
    auto* patchDock =
        makeDock(tr("Patch"), Constants::kPatchDock, patchPanel_, Qt::BottomDockWidgetArea);
    connect(patchPanel_, &PatchPanel::changeActivated, this, &MainWindow::goTo);

    history_ = new HistoryView(this);
    auto* historyDock =
        makeDock(tr("Update History"), Constants::kHistoryDock, history_, Qt::BottomDockWidgetArea);
    connect(history_, &HistoryView::entryAdded, this, [this] {
        if (attachedHost_ || !project_.isValid()) return; // the process journals its own
        QString error;
        if (!saveHistory(project_.root, history_->entries(), &error))
            transcript_->appendNote(tr("the update history was not saved: %1").arg(error));
    });
    connect(history_, &HistoryView::beforeAfterRequested, this, [this](int number) {
        if (const HistoryEntry* e = history_->entry(number)) {
            inspector_->showBeforeAfter(e->outcome,
                                        QStringLiteral("#%1 %2").arg(number).arg(e->title));
            dock(Constants::kInspectorDock)->raise();
        }
    });

    tabifyDockWidget(transcriptDock, inspectorDock);
    tabifyDockWidget(inspectorDock, patchDock);
    tabifyDockWidget(patchDock, historyDock);
    transcriptDock->raise();
    resizeDocks({projectDock, worldDock}, {170, 480}, Qt::Horizontal);
    resizeDocks({transcriptDock}, {300}, Qt::Vertical);
}

// ---------------------------------------------------------------- settings

void MainWindow::restoreSettings() {
    QSettings s;
    restoreGeometry(s.value(Constants::kSettingsGeometry).toByteArray());
    restoreState(s.value(Constants::kSettingsState).toByteArray());
    dark_ = s.value(Constants::kSettingsTheme).toString() == QLatin1String("dark");
    fontSize_ = std::clamp(
        s.value(Constants::kSettingsFontSize, Constants::kDefaultFontSize).toInt(), 6, 40);
    recent_ = s.value(Constants::kSettingsRecent).toStringList();
    rebuildRecentMenu();
    setCommitWithoutReview(
        s.value(Constants::kSettingsSaveAndSee, options_.commitWithoutReview).toBool());
    setConfirmStop(s.value(Constants::kSettingsConfirmStop, options_.confirmStop).toBool());
}

void MainWindow::setConfirmStop(bool on) {
    confirmStop_ = on;
    menus_.confirmStop->setChecked(on);
    if (options_.useSettings) QSettings().setValue(Constants::kSettingsConfirmStop, on);
}

void MainWindow::setCommitWithoutReview(bool on) {
    workflow_->setCommitWithoutReview(on);
    menus_.saveAndSee->setChecked(on);
    if (options_.useSettings) QSettings().setValue(Constants::kSettingsSaveAndSee, on);
}

void MainWindow::saveSettings() {
    if (!options_.useSettings) return;
    QSettings s;
    s.setValue(Constants::kSettingsGeometry, saveGeometry());
    s.setValue(Constants::kSettingsState, saveState());
    s.setValue(Constants::kSettingsTheme, dark_ ? "dark" : "light");
    s.setValue(Constants::kSettingsFontSize, fontSize_);
    s.setValue(Constants::kSettingsRecent, recent_);
    s.setValue(Constants::kSettingsLastProject, project_.root);
}

void MainWindow::addRecent(const QString& folder) {
    recent_.removeAll(folder);
    recent_.prepend(folder);
    while (recent_.size() > Constants::kMaxRecentProjects)
        recent_.removeLast();
    rebuildRecentMenu();
    saveSettings();
}

void MainWindow::rebuildRecentMenu() {
    if (menus_.recent) menus_.showRecent(recent_, this);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const bool stopConfirmed = std::exchange(stopConfirmedForClose_, false);
    // An attached window's process keeps running when it closes: nothing to ask.
    if (!stopConfirmed && confirmStop_ && !attachedHost_ && programRuns(status_.state)) {
        // Asked without blocking: the answer closes the window again, once stopped.
        event->ignore();
        confirmStop(tr("Stop it and close the window?"), [this] {
            stopProgram();
            stopConfirmedForClose_ = true;
            close();
        });
        return;
    }
    if (fileController_->hasUnsavedEdits()) {
        auto answer = QMessageBox::question(
            this, tr("Unsaved edits"), tr("Save the edited modules before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) fileController_->saveAll();
    }
    saveSettings();
    event->accept();
}

void MainWindow::setDarkTheme(bool dark) {
    dark_ = dark;
    applyApplicationTheme(dark);
    menus_.light->setChecked(!dark);
    menus_.dark->setChecked(dark);
    setFontSize(fontSize_);
    messageBar_->refreshColors();
    fileChangeBar_->refreshColors();
    world_->update();
    if (options_.useSettings)
        QSettings().setValue(Constants::kSettingsTheme, dark ? "dark" : "light");
}

void MainWindow::setFontSize(int pointSize) {
    fontSize_ = std::clamp(pointSize, 6, 40);
    for (int i = 0; i < tabs_->count(); ++i)
        setEditorAppearance(static_cast<QsciScintilla*>(tabs_->widget(i)), dark_, fontSize_);
    patchPanel_->setEditorAppearance(dark_, fontSize_);
    history_->setEditorAppearance(dark_, fontSize_);
    QFont f = transcript_->font();
    f.setPointSize(fontSize_);
    transcript_->setFont(f);
    if (options_.useSettings) QSettings().setValue(Constants::kSettingsFontSize, fontSize_);
}

// ---------------------------------------------------------------- projects and editors

void MainWindow::openInitialProject() {
    QString last = options_.useSettings
                       ? QSettings().value(Constants::kSettingsLastProject).toString()
                       : QString();
    if (!last.isEmpty() && QFileInfo(last).isDir() && openProject(last)) return;
    openExample(QString::fromLatin1(Constants::kDefaultExample));
}

bool MainWindow::openExample(const QString& name) {
    QString parent =
        options_.examplesFolder.isEmpty() ? defaultExamplesFolder() : options_.examplesFolder;
    QString error;
    QString folder = installExample(name, parent, &error);
    if (folder.isEmpty()) {
        messageBar_->showMessage(MessageBar::Kind::Error, tr("Cannot open the example"), error);
        return false;
    }
    return openProject(folder);
}

bool MainWindow::openProject(const QString& folder) {
    QString error;
    Project p = Project::open(folder, &error);
    if (!p.isValid()) {
        messageBar_->showMessage(MessageBar::Kind::Error, tr("Cannot open the project"), error);
        return false;
    }
    if (vmAlive(status_.state)) host_->stop();
    // The history and the refactoring undo ledger belong to the project they changed:
    // kept for when it is opened again, never shown (or reverted) in another one.
    if (project_.isValid())
        sessions_.insert(project_.root, {history_->entries(), refactoring_->undoStack()});
    ProjectSession session;
    if (sessions_.contains(p.root)) {
        session = sessions_.take(p.root);
    } else if (!attachedHost_) {
        // Opened for the first time in this session: its history from earlier ones. (An
        // attached window lists the process's journal instead.)
        QString error;
        session.history = loadHistory(p.root, &error);
        if (!error.isEmpty()) transcript_->appendNote(error);
    }
    history_->setEntries(session.history);
    refactoring_->setUndoStack(session.refactorUndo);
    fileController_->setProject(p);
    project_ = p;
    liveText_.clear();
    files_->clear();
    for (const QString& path : symbols_->files())
        symbols_->removeFile(path);
    for (const QString& m : project_.modules())
        symbols_->indexFile(project_.absolutePath(m));
    for (const QString& m : project_.modules())
        files_->addItem(m);
    for (const QString& m : project_.modules())
        editorFor(m);
    tabs_->setCurrentIndex(0);
    // A review of the previous project's program cannot be committed to this one.
    if (workflow_->state() == UpdateWorkflow::State::Diffing ||
        workflow_->state() == UpdateWorkflow::State::Reviewing)
        workflow_->discard();
    patchPanel_->clear();
    inspector_->clear();
    world_->clearFrame();
    messageBar_->hide();
    followDrawing();
    addRecent(project_.root);
    updateTitle();
    updateActions();
    return true;
}

QsciScintilla* MainWindow::editorFor(const QString& module, bool open) {
    if (QsciScintilla* e = findEditor(module)) {
        if (open) tabs_->setCurrentWidget(e);
        return e;
    }
    if (!open || !project_.isValid()) return nullptr;
    std::optional<QString> read = readTextFile(project_.absolutePath(module));
    if (!read) return nullptr;
    QString text = *read;
    QsciScintilla* e = createCodeEditor(tabs_);
    e->setProperty("module", module);
    e->setObjectName(QStringLiteral("editor:") + module);
    e->setText(text);
    e->setModified(false);
    setEditorAppearance(e, dark_, fontSize_);
    connect(e, &QsciScintilla::modificationChanged, this, [this, e] { updateTab(e); });
    connect(e, &QsciScintilla::cursorPositionChanged, this, &MainWindow::updateCursorLabel);
    if (auto* code = qobject_cast<editor::CodeEditor*>(e)) {
        code->setFilePath(project_.absolutePath(module));
        code->setSymbolIndex(symbols_);
        connect(code, &editor::CodeEditor::findRequested, findBar_, &editor::FindBar::showFind);
        connect(code, &editor::CodeEditor::definitionRequested, this,
                [this](const QString& path, int line, int column) {
                    goTo(project_.relativePath(path), line, column);
                });
    }
    connect(e, &QsciScintilla::textChanged, this, [this, e] {
        updateTab(e);
        updates_->updatePatchStaleness();
    });
    e->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(e, &QWidget::customContextMenuRequested, refactoring_,
            [this, e](const QPoint& pos) { refactoring_->popUpEditorContextMenu(e, pos); });
    int index = tabs_->addTab(e, QFileInfo(module).fileName());
    tabs_->setTabToolTip(index, project_.absolutePath(module));
    tabs_->setCurrentIndex(index);
    fileController_->track(e);
    updateTab(e);
    return e;
}

QsciScintilla* MainWindow::currentEditor() const {
    return static_cast<QsciScintilla*>(tabs_->currentWidget());
}

QString MainWindow::moduleOf(const QsciScintilla* editor) const {
    return editor ? editor->property("module").toString() : QString();
}

QsciScintilla* MainWindow::findEditor(const QString& module) const {
    return fileController_->findEditor(module);
}

void MainWindow::updateProjectFiles() {
    QStringList modules = project_.modules();
    QStringList listed;
    for (int i = 0; i < files_->count(); ++i)
        listed << files_->item(i)->text();
    if (modules == listed) return;
    for (const QString& m : modules)
        if (!listed.contains(m) && !findEditor(m)) symbols_->indexFile(project_.absolutePath(m));
    files_->clear();
    files_->addItems(modules);
}

bool MainWindow::isLive(const QString& module) const {
    QsciScintilla* e = findEditor(module);
    auto it = liveText_.find(module);
    return e && it != liveText_.end() &&
           editorTextEquals(e, std::string_view(it.value().constData(), size_t(it.value().size())));
}

void MainWindow::updateTab(QsciScintilla* e) {
    int index = tabs_->indexOf(e);
    if (index < 0) return;
    QString module = moduleOf(e);
    QString title = QFileInfo(module).fileName();
    if (e->isModified()) title += QLatin1Char('*');
    if (fileController_->isDeleted(e)) title += tr(" (deleted)");
    bool notLive = vmAlive(status_.state) && liveText_.contains(module) && !isLive(module);
    if (notLive) title += tr(" ◇");
    const QColor color = notLive ? uiColors().changed : QColor();
    const QString tip =
        project_.absolutePath(module) + (notLive ? tr("\nNot live: the running program has another "
                                                      "version. Apply (Ctrl+S) to update it.")
                                                 : QString());
    // Called on every keystroke: the tab bar only hears of a change.
    if (tabs_->tabText(index) == title && tabs_->tabToolTip(index) == tip &&
        tabs_->tabBar()->tabTextColor(index) == color)
        return;
    tabs_->setTabText(index, title);
    tabs_->setTabToolTip(index, tip);
    tabs_->tabBar()->setTabTextColor(index, color);
}

void MainWindow::followDrawing() {
    bool draws = false;
    for (const QString& m : project_.modules()) {
        QString text;
        if (QsciScintilla* e = findEditor(m))
            text = e->text();
        else
            text = readTextFile(project_.absolutePath(m)).value_or(QString());
        static const QRegularExpression canvas(QStringLiteral("\\bCanvas\\b"));
        if (text.contains(canvas)) {
            draws = true;
            break;
        }
    }
    QDockWidget* d = dock(Constants::kWorldDock);
    if (!draws && !d->isHidden()) {
        d->hide();
        worldAutoHidden_ = true;
    } else if (draws && worldAutoHidden_) {
        d->show();
        worldAutoHidden_ = false;
    }
}

void MainWindow::updateCursorLabel() {
    QsciScintilla* e = currentEditor();
    if (!e) {
        cursorLabel_->clear();
        return;
    }
    int line = 0, index = 0;
    e->getCursorPosition(&line, &index);
    // Columns in characters, 1-based, as compile errors report them.
    int column = int(e->text(line).left(index).length()) + 1;
    cursorLabel_->setText(tr("Ln %1, Col %2").arg(line + 1).arg(column));
}

void MainWindow::goTo(const QString& module, int line, int column) {
    if (QsciScintilla* e = editorFor(module)) {
        e->setCursorPosition(std::max(0, line - 1), std::max(0, column - 1));
        e->ensureLineVisible(std::max(0, line - 1));
        e->setFocus();
    }
}

void MainWindow::openFrame(const FrameLocation& location) {
    QString module = moduleForErrorFile(location.file);
    if (!editorFor(module)) {
        statusBar()->showMessage(
            tr("%1 is not a file of the project: the frame cannot be opened.").arg(location.file),
            6000);
        return;
    }
    goTo(module, location.line, location.column);
}

std::vector<dsu::SourceFile> MainWindow::editorSources() const {
    std::vector<dsu::SourceFile> out;
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* e = static_cast<QsciScintilla*>(tabs_->widget(i));
        out.push_back({moduleOf(e).toStdString(), e->text().toStdString()});
    }
    return out;
}

QString MainWindow::moduleForErrorFile(const QString& file) const {
    QString f = QDir::cleanPath(file);
    if (QFileInfo(f).isAbsolute()) return project_.relativePath(f);
    for (const QString& m : project_.modules())
        if (f == m || f.endsWith(QLatin1Char('/') + m)) return m;
    return f;
}

void MainWindow::updateTitle() {
    QString title = project_.isValid() ? tr("%1 — Molt").arg(project_.name()) : tr("Molt");
    if (attachedHost_)
        title = tr("%1 — attached to %2%3")
                    .arg(title, attachedHost_->socketPath(),
                         attachedHost_->isAttached() ? QString() : tr(" (detached)"));
    setWindowTitle(title);
}

// ---------------------------------------------------------------- attaching

MainWindow* MainWindow::attachToProcess(const QString& socketPath) {
    auto* host = new SocketVmHost(socketPath);
    Options options = options_;
    options.useSettings = false; // the attached window must not take over the recent project
    auto* window = new MainWindow(options, host);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->attachedHost_ = host;
    QPointer<MainWindow> self(this);
    connect(host, &SocketVmHost::attached, window, &MainWindow::openAttached);
    connect(host, &SocketVmHost::attachFailed, window, [self, window](const QString& reason) {
        if (window->project_.isValid()) return; // already attached: the status bar says it
        if (self)
            self->messageBar_->showMessage(MessageBar::Kind::Error, tr("Cannot attach"), reason);
        window->deleteLater();
    });
    connect(host, &SocketVmHost::journalReady, window,
            [window](const std::vector<std::pair<QString, UpdateOutcome>>& entries) {
                // The updates made before this window attached, from the process's journal;
                // a dry run is listed too (its outcome says "validated").
                if (!window->history_->entries().isEmpty()) return;
                for (const auto& [title, outcome] : entries)
                    window->history_->addUpdate(outcome, title);
            });
    connect(host, &SocketVmHost::detached, window, [window](const QString& reason) {
        window->transcript_->appendNote(reason);
        window->menus_.detach->setEnabled(false);
        window->updateTitle();
    });
    host->attach();
    return window;
}

void MainWindow::openAttached(const AttachedProcess& process) {
    // The live sources, copied where the editor can save them: a commit sends the editors'
    // text to the process, never this folder's path.
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QString folder = QDir(base).filePath(QStringLiteral("attached/%1").arg(process.pid));
    for (int n = 2; foldersInUse().contains(folder); ++n)
        folder = QDir(base).filePath(QStringLiteral("attached/%1-%2").arg(process.pid).arg(n));
    if (!attachedFolder_.isEmpty()) foldersInUse().remove(attachedFolder_);
    attachedFolder_ = folder;
    foldersInUse().insert(folder);
    QDir(folder).removeRecursively(); // a folder no open window holds: an earlier session's
    QString error;
    Project::write(folder, process.files, &error);
    show();
    if (!error.isEmpty()) {
        messageBar_->showMessage(MessageBar::Kind::Error, tr("Cannot open the live sources"),
                                 error);
        return;
    }
    if (!openProject(folder)) return;
    markLiveFromDisk(); // what the editors show is what the process runs
    menus_.detach->setEnabled(true);
    transcript_->appendNote(tr("attached to process %1 (%2); Ctrl+S updates it, Detach leaves it "
                               "running")
                                .arg(process.pid)
                                .arg(attachedHost_->socketPath()));
    updateTitle();
    attachedHost_->requestHistory();
}

void MainWindow::detachFromProcess() {
    if (attachedHost_) attachedHost_->detach();
}

void MainWindow::updateActions() {
    menus_.followProgram(status_, project_.isValid(), workflow_->isCommitting());
    refactoring_->updateUndoAction();
    stateLabel_->setText(programStateText(status_));
}

// ---------------------------------------------------------------- running

void MainWindow::markLiveFromDisk() {
    liveText_.clear();
    for (const QString& m : project_.modules()) {
        if (auto text = readTextFile(project_.absolutePath(m))) liveText_.insert(m, text->toUtf8());
    }
}

void MainWindow::runProgram() {
    if (!project_.isValid()) return;
    fileController_->saveAll();
    clearDiagnostics();
    RunSpec spec;
    spec.root = project_.root.toStdString();
    spec.mainModule = project_.mainModule.toStdString();
    for (const QString& a : project_.args)
        spec.args.push_back(a.toStdString());
    markLiveFromDisk();
    world_->clearFrame();
    followDrawing(); // an edit since the project opened may have started (or stopped) drawing
    transcript_->appendNote(tr("run %1").arg(project_.mainModule));
    host_->setCanvasSize(world_->width(), world_->height());
    host_->run(spec);
    dock(Constants::kTranscriptDock)->raise();
}

void MainWindow::togglePause() {
    if (status_.state == ProgramState::Running)
        host_->pause();
    else if (status_.state == ProgramState::Paused)
        host_->resume();
}

void MainWindow::stopProgram() {
    host_->stop();
}

void MainWindow::askToStopProgram() {
    confirmStop(tr("Stop the running program?"), [this] { stopProgram(); });
}

void MainWindow::confirmStop(const QString& question, const std::function<void()>& then) {
    if (!confirmStop_ || !programRuns(status_.state)) {
        then();
        return;
    }
    if (auto* open = findChild<QMessageBox*>(QStringLiteral("confirmStopDialog"));
        open && open->isVisible()) {
        open->raise(); // one question at a time
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Stop %1").arg(project_.name()),
                                tr("%1 is running. %2").arg(project_.name(), question),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmStopDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Its threads end and its objects are gone; the source stays."));
    QPushButton* stop = box->addButton(tr("Stop"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    auto* again = new QCheckBox(tr("Don't ask again"), box);
    again->setObjectName(QStringLiteral("dontAskAgain"));
    box->setCheckBox(again);
    connect(box, &QMessageBox::finished, this, [this, box, stop, again, then](int) {
        if (box->clickedButton() != stop) return;
        if (again->isChecked()) setConfirmStop(false);
        then();
    });
    box->open();
}

void MainWindow::restartProgram() {
    transcript_->appendNote(tr("restart"));
    host_->stop();
    runProgram();
}

void MainWindow::onStatus(const ProgramStatus& status) {
    ProgramState before = status_.state;
    status_ = status;
    switch (status.state) {
    case ProgramState::Running:
        if (before == ProgramState::NotStarted) inspector_->refresh();
        break;
    case ProgramState::Finished:
        transcript_->appendNote(tr("the program finished; its objects stay inspectable and "
                                   "updatable until Stop"));
        inspector_->refresh();
        break;
    case ProgramState::Failed:
        if (before == ProgramState::NotStarted && status.exitCode == 2) {
            // It did not compile: show where, as Apply does.
            static const QRegularExpression where(QStringLiteral("^(.+\\.js):(\\d+):(\\d+):"),
                                                  QRegularExpression::MultilineOption);
            auto m = where.match(qs(status.detail));
            if (m.hasMatch())
                updates_->showCompileError(m.captured(1).toStdString(), m.captured(2).toUInt(),
                                           m.captured(3).toUInt(), qs(status.detail));
            transcript_->appendNote(tr("the program did not compile"));
            break;
        }
        transcript_->appendNote(tr("the program ended (%1)").arg(qs(status.detail)));
        inspector_->refresh();
        break;
    case ProgramState::NotStarted:
        if (before != ProgramState::NotStarted) transcript_->appendNote(tr("stopped"));
        liveText_.clear();
        suspended_->clear();
        inspector_->clear();
        inspector_->classes()->refresh();
        workflow_->programStopped();
        break;
    case ProgramState::Paused: break;
    }
    inspector_->setAutoRefresh(status.state == ProgramState::Running);
    threads_->setAutoRefresh(status.state == ProgramState::Running);
    threads_->refresh();
    refreshTabs();
    updateActions();
}

// ---------------------------------------------------------------- live updates

void MainWindow::clearDiagnostics() {
    for (int i = 0; i < tabs_->count(); ++i)
        setEditorDiagnostics(static_cast<QsciScintilla*>(tabs_->widget(i)), {});
}

void MainWindow::applyEdits() {
    updates_->apply();
}

void MainWindow::commitPatch() {
    updates_->commit();
}

// ---------------------------------------------------------------- source and editors

QAction* MainWindow::refactorAction(const QString& kind) const {
    return refactoring_->action(kind);
}

QAction* MainWindow::undoRefactoringAction() const {
    return refactoring_->undoAction();
}

RefactorDialog* MainWindow::refactorDialog() const {
    return refactoring_->dialog();
}

void MainWindow::updateRefactorActions() {
    refactoring_->updateActions();
}

QMenu* MainWindow::createEditorContextMenu(QsciScintilla* editor) {
    return refactoring_->createEditorContextMenu(editor);
}

void MainWindow::markLive(const std::vector<dsu::SourceFile>& files) {
    for (const dsu::SourceFile& f : files)
        liveText_.insert(qs(f.path), QByteArray::fromStdString(f.text));
}

QString MainWindow::firstModuleNotLive() const {
    for (auto it = liveText_.begin(); it != liveText_.end(); ++it)
        if (findEditor(it.key()) && !isLive(it.key())) return it.key();
    return {};
}

void MainWindow::refreshTabs() {
    for (int i = 0; i < tabs_->count(); ++i)
        updateTab(static_cast<QsciScintilla*>(tabs_->widget(i)));
}

void MainWindow::writeSources(const std::vector<dsu::SourceFile>& files) {
    for (const dsu::SourceFile& f : files) {
        QString module = qs(f.path), text = qs(f.text);
        fileController_->writeModule(module, text);
        QsciScintilla* e = findEditor(module);
        if (!e) continue;
        // Only names and members moved: the caret's line and the scroll stay, and Ctrl+Z
        // brings the editor back to the text before.
        replaceEditorText(e, text);
        e->setModified(false);
    }
}

} // namespace molt::ide
