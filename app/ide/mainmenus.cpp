#include "app/ide/mainmenus.h"

#include "app/ide/constants.h"
#include "app/ide/filecontroller.h"
#include "app/ide/host/vmmessages.h"
#include "app/ide/mainwindow.h"
#include "app/ide/project.h"
#include "app/ide/refactorcontroller.h"
#include "app/ide/views/attachdialog.h"
#include "app/ide/views/inspector.h"
#include "app/ide/views/shortcutsdialog.h"
#include "editor/codeeditor.h"
#include "editor/findbar.h"
#include "editor/qsci.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QStyle>
#include <QToolBar>
#include <algorithm>
#include <functional>

namespace molt::ide {

namespace {

// Edit ▸ Go to Line (Ctrl+G): asks for a line of the current editor, then goes there.
void askGoToLine(MainWindow* w) {
    QsciScintilla* e = w->currentEditor();
    if (!e) return;
    auto* d = new QInputDialog(w);
    d->setObjectName(QStringLiteral("goToLineDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowTitle(MainWindow::tr("Go to Line"));
    d->setInputMode(QInputDialog::IntInput);
    d->setLabelText(MainWindow::tr("Line (1–%1):").arg(e->lines()));
    d->setIntRange(1, std::max(1, e->lines()));
    int line = 0, index = 0;
    e->getCursorPosition(&line, &index);
    d->setIntValue(line + 1);
    QPointer<QsciScintilla> editor = e;
    QObject::connect(d, &QInputDialog::intValueSelected, w, [w, editor](int value) {
        if (editor) w->goTo(w->moduleOf(editor), value, 1);
    });
    d->open();
}

} // namespace

MainMenus createMainMenus(MainWindow* w, RefactorController* refactoring,
                          editor::FindBar* findBar) {
    MainMenus m;

    auto* file = w->menuBar()->addMenu(MainWindow::tr("&File"));
    QAction* open = file->addAction(MainWindow::tr("&Open Project…"), w, [w] {
        QString dir = QFileDialog::getExistingDirectory(w, MainWindow::tr("Open a project folder"),
                                                        w->project().root);
        if (dir.isEmpty()) return;
        w->confirmStop(MainWindow::tr("Stop it to open %1?").arg(QDir(dir).dirName()),
                       [w, dir] { w->openProject(dir); });
    });
    open->setShortcut(QKeySequence::Open);
    QMenu* examples = file->addMenu(MainWindow::tr("Open &Example"));
    for (const QString& name : bundledExamples())
        examples->addAction(name, w, [w, name] {
            w->confirmStop(MainWindow::tr("Stop it to open the example %1?").arg(name),
                           [w, name] { w->openExample(name); });
        });
    m.recent = file->addMenu(MainWindow::tr("&Recent Projects"));
    file->addSeparator();
    QAction* attach = file->addAction(MainWindow::tr("&Attach to Process…"), w, [w] {
        AttachDialog dialog(w);
        if (dialog.exec() == QDialog::Accepted) w->attachToProcess(dialog.socketPath());
    });
    attach->setObjectName(QStringLiteral("attachAction"));
    m.detach = file->addAction(MainWindow::tr("&Detach"), w, &MainWindow::detachFromProcess);
    m.detach->setObjectName(QStringLiteral("detachAction"));
    m.detach->setToolTip(MainWindow::tr("Close the connection; the process keeps running"));
    m.detach->setEnabled(false);
    file->addSeparator();
    auto fileAction = [&](const QString& text, QKeySequence key, const char* name,
                          const std::function<void()>& fn) {
        QAction* a = file->addAction(text, w, fn);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        return a;
    };
    fileAction(MainWindow::tr("&New File…"), QKeySequence(Qt::CTRL | Qt::Key_N), "newFile",
               [w] { w->fileController()->newFile(); });
    fileAction(MainWindow::tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
               "saveAs", [w] { w->fileController()->saveAs(); });
    fileAction(MainWindow::tr("Save A&ll"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S), "saveAll",
               [w] { w->fileController()->saveAll(); });
    fileAction(MainWindow::tr("&Close Tab"), QKeySequence(Qt::CTRL | Qt::Key_W), "closeTab",
               [w] { w->fileController()->closeCurrentTab(); });
    file->addSeparator();
    QAction* quit = file->addAction(MainWindow::tr("&Quit"), w, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* edit = w->menuBar()->addMenu(MainWindow::tr("&Edit"));
    auto editorAction = [&](const QString& text, QKeySequence key, void (QsciScintilla::*fn)()) {
        QAction* a = edit->addAction(text, w, [w, fn] {
            if (QsciScintilla* e = w->currentEditor()) (e->*fn)();
        });
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut); // Scintilla handles its own keys
    };
    editorAction(MainWindow::tr("&Undo"), QKeySequence::Undo, &QsciScintilla::undo);
    editorAction(MainWindow::tr("&Redo"), QKeySequence::Redo, &QsciScintilla::redo);
    edit->addSeparator();
    editorAction(MainWindow::tr("Cu&t"), QKeySequence::Cut, &QsciScintilla::cut);
    editorAction(MainWindow::tr("&Copy"), QKeySequence::Copy, &QsciScintilla::copy);
    editorAction(MainWindow::tr("&Paste"), QKeySequence::Paste, &QsciScintilla::paste);
    edit->addSeparator();
    QAction* all = edit->addAction(MainWindow::tr("Select &All"), w, [w] {
        if (QsciScintilla* e = w->currentEditor()) e->selectAll(true);
    });
    all->setShortcut(QKeySequence::SelectAll);
    all->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    edit->addSeparator();
    // The editor takes these keys itself (Ctrl+/, Ctrl+Space, Ctrl+F, F12); the menu shows them and
    // runs the same commands.
    auto codeAction = [&](const QString& text, QKeySequence key, const char* name,
                          const std::function<void(editor::CodeEditor*)>& fn) {
        QAction* a = edit->addAction(text, w, [w, fn] {
            if (auto* code = qobject_cast<editor::CodeEditor*>(w->currentEditor())) fn(code);
        });
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        return a;
    };
    codeAction(MainWindow::tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
               "toggleComment", [](editor::CodeEditor* e) { e->toggleComment(); });
    codeAction(MainWindow::tr("Co&mplete"), QKeySequence(Qt::CTRL | Qt::Key_Space), "complete",
               [](editor::CodeEditor* e) { e->showCompletions(); });
    codeAction(MainWindow::tr("&Find…"), QKeySequence::Find, "find",
               [findBar](editor::CodeEditor*) { findBar->showFind(); });
    codeAction(MainWindow::tr("Go to &Definition"), QKeySequence(Qt::Key_F12), "goToDefinition",
               [](editor::CodeEditor* e) { e->goToDefinition(); });
    QAction* goToLine = edit->addAction(MainWindow::tr("&Go to Line…"), w, [w] { askGoToLine(w); });
    goToLine->setObjectName(QStringLiteral("goToLine"));
    goToLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    w->addAction(goToLine); // Ctrl+G anywhere in the window
    edit->addSeparator();
    edit->addAction(refactoring->undoAction());

    // One action per refactoring kind, shared by this menu and the editor's context menu.
    m.refactor = w->menuBar()->addMenu(MainWindow::tr("Re&factor"));
    m.refactor->setObjectName(QStringLiteral("refactorMenu"));
    refactoring->fillMenu(m.refactor);

    auto* run = w->menuBar()->addMenu(MainWindow::tr("&Run"));
    auto* bar = w->addToolBar(MainWindow::tr("Run"));
    bar->setObjectName(QString::fromLatin1(Constants::kRunToolBar));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    auto runAction = [&](const QString& text, QStyle::StandardPixmap icon, QKeySequence key,
                         void (MainWindow::*fn)()) {
        QAction* a = run->addAction(w->style()->standardIcon(icon), text, w, fn);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove('&'),
                                                    key.toString(QKeySequence::NativeText)));
        bar->addAction(a);
        return a;
    };
    m.run = runAction(MainWindow::tr("&Run"), QStyle::SP_MediaPlay, QKeySequence(Qt::Key_F5),
                      &MainWindow::runProgram);
    m.pause = runAction(MainWindow::tr("&Pause"), QStyle::SP_MediaPause, QKeySequence(Qt::Key_F6),
                        &MainWindow::togglePause);
    m.stop = runAction(MainWindow::tr("&Stop"), QStyle::SP_MediaStop,
                       QKeySequence(Qt::SHIFT | Qt::Key_F5), &MainWindow::askToStopProgram);
    m.stop->setObjectName(QStringLiteral("stopAction"));
    m.restart =
        runAction(MainWindow::tr("R&estart"), QStyle::SP_BrowserReload,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), &MainWindow::restartProgram);
    run->addSeparator();
    bar->addSeparator();
    m.apply = runAction(MainWindow::tr("&Apply"), QStyle::SP_DialogApplyButton, QKeySequence::Save,
                        &MainWindow::applyEdits);
    m.apply->setToolTip(
        MainWindow::tr("Save, and update the running program to the edit (Ctrl+S)"));
    m.saveAndSee = run->addAction(MainWindow::tr("Commit Simple Edits on Save"), w,
                                  [w](bool on) { w->setCommitWithoutReview(on); });
    m.saveAndSee->setObjectName(QStringLiteral("saveAndSee"));
    m.saveAndSee->setCheckable(true);
    m.saveAndSee->setStatusTip(MainWindow::tr(
        "Ctrl+S commits method bodies, added methods and initialized fields at once; "
        "anything with a REVIEW row or a removal of live state opens the Patch panel"));

    m.confirmStop = run->addAction(MainWindow::tr("Ask Before Stopping a Running Program"), w,
                                   [w](bool on) { w->setConfirmStop(on); });
    m.confirmStop->setObjectName(QStringLiteral("confirmStop"));
    m.confirmStop->setCheckable(true);
    m.confirmStop->setStatusTip(MainWindow::tr(
        "Stop, closing the window and opening another project ask first while a program runs"));

    m.view = w->menuBar()->addMenu(MainWindow::tr("&View"));
    QMenu* theme = m.view->addMenu(MainWindow::tr("&Theme"));
    auto* themes = new QActionGroup(w);
    m.light = theme->addAction(MainWindow::tr("&Light"), w, [w] { w->setDarkTheme(false); });
    m.dark = theme->addAction(MainWindow::tr("&Dark"), w, [w] { w->setDarkTheme(true); });
    for (QAction* a : {m.light, m.dark}) {
        a->setCheckable(true);
        themes->addAction(a);
    }
    QAction* bigger = m.view->addAction(MainWindow::tr("&Bigger Font"), w,
                                        [w] { w->setFontSize(w->fontSize() + 1); });
    bigger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* smaller = m.view->addAction(MainWindow::tr("&Smaller Font"), w,
                                         [w] { w->setFontSize(w->fontSize() - 1); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction* reset = m.view->addAction(MainWindow::tr("&Reset Font Size"), w,
                                       [w] { w->setFontSize(Constants::kDefaultFontSize); });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m.view->addSeparator();
    for (QDockWidget* d : w->findChildren<QDockWidget*>())
        m.view->addAction(d->toggleViewAction());
    QAction* refresh = m.view->addAction(MainWindow::tr("Refresh &Inspector"), w,
                                         [w] { w->inspector()->refresh(); });
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    auto* help = w->menuBar()->addMenu(MainWindow::tr("&Help"));
    QAction* keys = help->addAction(MainWindow::tr("&Keyboard Shortcuts"), w, [w] {
        // Built when asked for, from the menus as they are then.
        auto* d = new ShortcutsDialog(w->menuBar(), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    keys->setObjectName(QStringLiteral("keyboardShortcuts"));
    QAction* docs = help->addAction(MainWindow::tr("&Documentation"), w, [w] {
        if (!QDesktopServices::openUrl(documentationUrl()))
            QMessageBox::information(w, MainWindow::tr("Documentation"),
                                     MainWindow::tr("Open %1 to read the documentation.")
                                         .arg(documentationUrl().toLocalFile()));
    });
    docs->setObjectName(QStringLiteral("documentation"));
    help->addSeparator();
    help->addAction(MainWindow::tr("&About Molt"), w, [w] {
        QMessageBox::about(
            w, MainWindow::tr("About Molt"),
            MainWindow::tr("<b>Molt</b> — live programming for a hosted class-based "
                           "JavaScript runtime.<br>Edit classes while the program runs; "
                           "Apply (Ctrl+S) migrates the live instances atomically."));
    });
    return m;
}

QUrl documentationUrl() {
    return QUrl::fromLocalFile(QStringLiteral(MOLT_SOURCE_DIR "/README.md"));
}

void MainMenus::showRecent(const QStringList& folders, MainWindow* window) {
    recent->clear();
    for (const QString& folder : folders)
        recent->addAction(folder, window, [window, folder] {
            window->confirmStop(MainWindow::tr("Stop it to open %1?").arg(QDir(folder).dirName()),
                                [window, folder] { window->openProject(folder); });
        });
    recent->setEnabled(!folders.isEmpty());
}

void MainMenus::followProgram(const ProgramStatus& status, bool projectOpen, bool committing) {
    const bool alive = status.state != ProgramState::NotStarted;
    const bool running = status.state == ProgramState::Running;
    const bool paused = status.state == ProgramState::Paused;
    run->setEnabled(projectOpen && !alive);
    pause->setEnabled(running || paused);
    pause->setText(paused ? MainWindow::tr("Res&ume") : MainWindow::tr("&Pause"));
    pause->setIcon(
        QApplication::style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    stop->setEnabled(alive);
    restart->setEnabled(projectOpen && alive);
    apply->setEnabled(projectOpen && !committing);
}

QString programStateText(const ProgramStatus& status) {
    QString name, color;
    switch (status.state) {
    case ProgramState::NotStarted: name = MainWindow::tr("Not running"), color = "#8c959f"; break;
    case ProgramState::Running: name = MainWindow::tr("Running"), color = "#2da44e"; break;
    case ProgramState::Paused: name = MainWindow::tr("Paused"), color = "#bf8700"; break;
    case ProgramState::Finished:
        name = MainWindow::tr("Finished (state kept)"), color = "#0969da";
        break;
    case ProgramState::Failed: name = MainWindow::tr("Ended"), color = "#cf222e"; break;
    }
    QString detail =
        status.detail.empty() || status.state == ProgramState::Running
            ? QString()
            : QStringLiteral(" — ") + QString::fromStdString(status.detail).section('\n', 0, 0);
    return QStringLiteral("<span style='color:%1'>●</span> %2%3").arg(color, name, detail);
}

} // namespace molt::ide
