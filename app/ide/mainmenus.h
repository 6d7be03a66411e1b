// mainmenus.h — the IDE window's menu bar and Run toolbar.
//
// File, Edit, Refactor, Run, View and Help, built once on a MainWindow; every action calls
// the window's public actions (or its RefactorController's), so the menus hold no state of
// their own. The window keeps the actions whose state follows the program (MainMenus).
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QAction;
class QMenu;

namespace molt::editor {
class FindBar;
}

namespace molt::ide {

class MainWindow;
class RefactorController;
struct ProgramStatus;

struct MainMenus {
    QMenu* recent = nullptr; // File ▸ Recent Projects, filled by the window
    QMenu* view = nullptr;
    QMenu* refactor = nullptr;
    QAction *run = nullptr, *pause = nullptr, *stop = nullptr, *restart = nullptr;
    QAction* apply = nullptr; // Ctrl+S
    QAction *light = nullptr, *dark = nullptr;
    QAction* saveAndSee = nullptr; // Run ▸ Commit Simple Edits on Save
    QAction* detach = nullptr;     // File ▸ Detach
    QAction* confirmStop = nullptr; // Run ▸ Ask Before Stopping a Running Program

    // File ▸ Recent Projects: one entry per folder, opened in `window`.
    void showRecent(const QStringList& folders, MainWindow* window);
    // Run, Pause/Resume, Stop, Restart and Apply as the program's state allows.
    void followProgram(const ProgramStatus& status, bool projectOpen, bool committing);
};

// The status bar's "● Running" (coloured by state), with the reason a program ended.
QString programStateText(const ProgramStatus& status);

// Help ▸ Documentation: the README (which links docs/) of the source tree the IDE was
// built from, as a file URL.
QUrl documentationUrl();

// Adds the menus and the Run toolbar to `window`; `findBar` answers Edit ▸ Find.
MainMenus createMainMenus(MainWindow* window, RefactorController* refactoring,
                          editor::FindBar* findBar);

} // namespace molt::ide
