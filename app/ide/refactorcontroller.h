// refactorcontroller.h — the Refactor menu, its dialogs and Edit ▸ Undo Refactoring.
//
// A refactoring at the cursor opens a RefactorDialog (its arguments, then the preview);
// Commit hands the request to the UpdateWorkflow, which updates the running program at a
// safe point, and only when that update committed are the editors and the files rewritten
// (MainWindow::writeSources), so a rollback leaves both untouched. Without a running
// program the source is rewritten at once. Every committed refactoring leaves its inverse
// on the RefactorUndoStack: Undo Refactoring and the history's Revert apply it the same
// way. A running program is refactored only from the source it runs (no unapplied edits).
#pragma once

#include "app/ide/refactorundo.h"
#include "app/ide/update_workflow.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <vector>

class QAction;
class QMenu;
class QPoint;
class QsciScintilla;

namespace molt::ide {

class MainWindow;
class RefactorDialog;
struct ProgramOutline;
struct RefactorTarget;

class RefactorController : public QObject {
    Q_OBJECT
public:
    RefactorController(MainWindow* window, UpdateWorkflow* workflow);

    // One action per refactoring kind ("rename-field" ...), in the menu's order; shared by
    // the Refactor menu and the editor's context menu.
    QAction* action(const QString& kind) const { return actions_.value(kind); }
    QAction* undoAction() const { return undoAction_; }
    // Fills the Refactor menu (kinds, separators, Undo Refactoring).
    void fillMenu(QMenu* menu);
    // Enables and names the actions for the refactorings that apply at the cursor.
    void updateActions();
    void updateUndoAction(); // Undo Refactoring: enabled, and named for what it undoes
    // The editor's context menu: the standard one with a Refactor submenu in front.
    QMenu* createEditorContextMenu(QsciScintilla* editor);
    // A right click at `pos` in the editor's viewport: the caret moves there first when
    // outside the selection, as editors do, then the menu pops up.
    void popUpEditorContextMenu(QsciScintilla* editor, const QPoint& pos);
    RefactorDialog* dialog() const; // the open one, or null

    RefactorDialog* start(const QString& kind);
    void undoLast();
    // History ▸ Revert of update `number` when it was a refactoring: its inverse, applied
    // to today's source. False when that update was no refactoring.
    bool revertUpdate(int number);
    // The workflow's answer to a refactoring's update.
    void onFinished(const UpdateOutcome& outcome, const LiveUpdate& update);
    void setWaiting(bool waiting); // the dialog's progress row while at a safe point

    // The ledger belongs to a project: MainWindow keeps one per project it opened.
    const RefactorUndoStack& undoStack() const { return undo_; }
    void setUndoStack(const RefactorUndoStack& stack);

    // Every module of the project, main first, as the editors have it (or as on disk).
    std::vector<dsu::SourceFile> programSources() const;

Q_SIGNALS:
    void updateFinished(const molt::ide::UpdateOutcome& outcome);
    // A refactoring (or its undo) ended: committed (source and program changed) or not.
    void refactoringFinished(bool committed, const QString& message);
    void stateChanged(); // the undo ledger changed: the window updates its actions

private:
    bool programAlive() const;
    RefactorTarget targetAtCursor(const ProgramOutline& program) const;
    bool allowed();
    void applyInverse(int undoIndex, const dsu::RefactorRequest& inverse, const QString& title);
    void commit(const dsu::RefactorRequest& request, const dsu::RefactorResult& result,
                const std::vector<dsu::SourceFile>& sources, const QString& title, int undoOf);

    MainWindow* window_;
    UpdateWorkflow* workflow_;
    QList<QString> order_; // kinds in menu order, "" for a separator
    QHash<QString, QAction*> actions_;
    QAction* undoAction_;
    QPointer<RefactorDialog> dialog_;
    RefactorUndoStack undo_;
};

} // namespace molt::ide
