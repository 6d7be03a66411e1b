// mainwindow.h — the IDE window: editors in the middle, the world view, transcript,
// threads, inspector, patch panel and update history in docks.
//
// The window drives one VmHost and never waits for it: every action sends a message and
// the window changes when the answer arrives. Edits reach the running program through
// Apply (Ctrl+S): save, diff against the live program, review the patch, commit. That
// lifecycle, and which step may follow which, is UpdateWorkflow's; the window turns the
// user's actions into its requests and shows its states in the views.
#pragma once

#include "app/ide/host/vmhost.h"
#include "app/ide/mainmenus.h"
#include "app/ide/project.h"
#include "app/ide/refactorundo.h"
#include "app/ide/update_workflow.h"
#include "app/ide/views/historyview.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QTabWidget;
class QTimer;
class QsciScintilla;

namespace molt::editor {
class FindBar;
class SymbolIndex;
} // namespace molt::editor

namespace molt::ide {

class FileChangeBar;
class FileController;
class Inspector;
class SocketVmHost;
struct AttachedProcess;
class RefactorController;
class RefactorDialog;
class MessageBar;
class PatchPanel;
class SuspendedView;
class ThreadsView;
class TranscriptView;
struct FrameLocation;
class UpdateController;
class WorldView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool useSettings = true; // restore and save layout, theme, font, recent projects
        QString examplesFolder;  // where bundled examples are copied (default: app data)
        // Save and see: Ctrl+S commits an edit that needs no decision without stopping in
        // the Patch panel (the setting, when useSettings, overrides this default).
        bool commitWithoutReview = true;
        // Stop, closing the window and opening another project ask first while a program
        // runs (the setting, when useSettings, overrides this default).
        bool confirmStop = true;
    };
    // Owns `host` (a ThreadVmHost when null).
    explicit MainWindow(const Options& options, VmHost* host = nullptr, QWidget* parent = nullptr);
    explicit MainWindow(QWidget* parent = nullptr) : MainWindow(Options{}, nullptr, parent) {}
    ~MainWindow() override;

    bool openProject(const QString& folder);
    bool openExample(const QString& name);
    // Opens the last project, or the default bundled example.
    void openInitialProject();
    const Project& project() const { return project_; }

    // File ▸ Attach to Process: a new window on the process behind `socketPath`, over a
    // SocketVmHost. The window shows the live sources (copied to a local folder) once the
    // process answered; an unreachable process is reported here and no window opens.
    MainWindow* attachToProcess(const QString& socketPath);
    // File ▸ Detach: closes the connection; the process keeps running.
    void detachFromProcess();
    SocketVmHost* attachedHost() const { return attachedHost_; }

    // Editors, by module path relative to the project root (opened on demand).
    QsciScintilla* editorFor(const QString& module, bool open = true);
    // True when the module's editor text is what the running program runs.
    bool isLive(const QString& module) const;

    // ---- actions (the menus and shortcuts call these; so do the tests)
    void runProgram();
    void togglePause();
    void stopProgram();
    void askToStopProgram(); // Run ▸ Stop: stopProgram, once the user agreed (confirmStop)
    // Runs `then` at once when no program runs (or the question is turned off); otherwise
    // asks "<question>" with Stop / Cancel (and "Don't ask again"), and runs `then` on
    // Stop (`then` stops the program, or does what stops it, as openProject does). The box
    // opens with open(): this returns before the answer.
    void confirmStop(const QString& question, const std::function<void()>& then);
    void setConfirmStop(bool on);
    bool confirmsStop() const { return confirmStop_; }
    void restartProgram();
    // Ctrl+S: save, then update the running program (UpdateController, UpdateWorkflow).
    void applyEdits();
    void commitPatch(); // the Patch panel's Commit
    // Refactor menu (and the editor's context menu): the refactorings that apply at the
    // cursor or selection of the current editor (RefactorController).
    void updateRefactorActions();
    QMenu* createEditorContextMenu(QsciScintilla* editor);
    void setDarkTheme(bool dark);
    void setFontSize(int pointSize);
    int fontSize() const { return fontSize_; }

    const ProgramStatus& status() const { return status_; }
    VmHost* host() const { return host_; }
    PatchPanel* patchPanel() const { return patchPanel_; }
    Inspector* inspector() const { return inspector_; }
    HistoryView* history() const { return history_; }
    TranscriptView* transcript() const { return transcript_; }
    WorldView* worldView() const { return world_; }
    ThreadsView* threadsView() const { return threads_; }
    SuspendedView* suspendedView() const { return suspended_; }
    MessageBar* messageBar() const { return messageBar_; }
    FileChangeBar* fileChangeBar() const { return fileChangeBar_; }
    FileController* fileController() const { return fileController_; }
    QMenu* refactorMenu() const { return menus_.refactor; }
    QAction* refactorAction(const QString& kind) const;
    // Edit ▸ Undo Refactoring: the last committed refactoring's inverse, the same way.
    QAction* undoRefactoringAction() const;
    QAction* saveAndSeeAction() const { return menus_.saveAndSee; } // Run ▸ Commit … on Save
    void setCommitWithoutReview(bool on);
    RefactorDialog* refactorDialog() const; // the open one, or null
    QDockWidget* dock(const char* objectName) const;
    QStringList recentProjects() const { return recent_; }
    bool isDarkTheme() const { return dark_; }

    // ---- for the window's controllers (RefactorController)
    QsciScintilla* currentEditor() const;
    QString moduleOf(const QsciScintilla* editor) const;
    void clearDiagnostics();
    // Writes the files, and the open editors follow as one undoable step each.
    void writeSources(const std::vector<dsu::SourceFile>& files);
    void markLive(const std::vector<dsu::SourceFile>& files); // the program now runs these
    // Module -> the source the program runs (UTF-8); empty while no program runs.
    const QHash<QString, QByteArray>& liveText() const { return liveText_; }
    std::vector<dsu::SourceFile> editorSources() const;    // every open editor's text
    QString moduleForErrorFile(const QString& file) const; // a compiler's file name
    QString firstModuleNotLive() const; // an open module with edits the program lacks, or ""
    void refreshTabs();                 // each tab's title: modified, deleted, not live
    // Opens the module's editor with the caret at the 1-based line and column.
    void goTo(const QString& module, int line, int column);
    // Opens a stack frame where a trace puts it (file as the runtime names it): where the
    // Suspended and Threads panels' frames and the Transcript's trace links all go.
    void openFrame(const FrameLocation& location);

Q_SIGNALS:
    void patchShown(const molt::ide::PatchPreview& preview);
    void updateFinished(const molt::ide::UpdateOutcome& outcome);
    // A refactoring (or its undo) ended: committed (source and program changed) or not.
    void refactoringFinished(bool committed, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void openAttached(const AttachedProcess& process);
    void createDocks();
    void restoreSettings();
    void saveSettings();
    void addRecent(const QString& folder);
    void rebuildRecentMenu();
    void updateActions();
    void updateTitle();
    void updateTab(QsciScintilla* editor);
    void updateProjectFiles(); // the Project list follows files created or deleted
    void onStatus(const ProgramStatus& status);
    void markLiveFromDisk();
    // The World dock shows for a project whose modules use the Canvas, and is hidden for
    // one that does not draw (until a frame arrives; View ▸ World shows it by hand).
    void followDrawing();
    void updateCursorLabel();                               // "Ln 12, Col 5" in the status bar
    QsciScintilla* findEditor(const QString& module) const; // an open editor, or null

    Options options_;
    VmHost* host_;
    SocketVmHost* attachedHost_ = nullptr; // host_ when this window is attached to a process
    QString attachedFolder_;               // where this window keeps the process's sources
    static QSet<QString>& foldersInUse();
    Project project_;
    ProgramStatus status_;
    UpdateWorkflow* workflow_;
    QHash<QString, QByteArray> liveText_; // module -> the source the program runs (UTF-8)
    QStringList recent_;
    bool dark_ = false;
    bool confirmStop_ = true;
    bool stopConfirmedForClose_ = false; // the close that follows "Stop" in closeEvent
    int fontSize_;

    QTabWidget* tabs_;
    editor::FindBar* findBar_;
    editor::SymbolIndex* symbols_; // the project's definitions, for go-to-definition
    MessageBar* messageBar_;
    FileChangeBar* fileChangeBar_;   // "changed on disk: Reload / Keep Mine"
    FileController* fileController_; // New File, Save As, Close Tab, changes on disk
    QListWidget* files_;
    TranscriptView* transcript_;
    ThreadsView* threads_;
    SuspendedView* suspended_;
    // Revert Last Update: the revert in flight, and the suspended frame to restart (or the
    // held rejection to let go) once it committed (request 0: none).
    struct RevertThenRestart {
        uint64_t request = 0;
        uint32_t thread = 0;
        int depth = 0;
        uint32_t rejection = 0;
    } revertThenRestart_;
    WorldView* world_;
    Inspector* inspector_;
    PatchPanel* patchPanel_;
    HistoryView* history_;
    QLabel* stateLabel_;
    bool worldAutoHidden_ = false; // the World dock was hidden for a program that does not draw
    QLabel* cursorLabel_;
    RefactorController* refactoring_;
    UpdateController* updates_; // Apply, Commit, Revert and what the views show of them
    MainMenus menus_;
    struct ProjectSession {
        QList<HistoryEntry> history;
        RefactorUndoStack refactorUndo;
    };
    QHash<QString, ProjectSession> sessions_; // by project root: the projects not open now
};

} // namespace molt::ide
