// filecontroller.h — the editors' files: New File, Save All, Save As, Close Tab, and what
// happens when a file an editor shows changes on disk.
//
// Every write of a module by the IDE goes through here, and every editor's file is
// watched (QFileSystemWatcher), so the controller knows what it last read or wrote for
// each path. A change on disk is a change only when the file's bytes differ from that:
// the IDE's own saves (QSaveFile renames a new file over the old one) and a touch that
// changes nothing are never reported. Then:
// - a tab without unsaved edits reloads, keeping the caret's line (one undo step);
// - a tab with unsaved edits keeps them, and the bar asks: Reload / Keep Mine;
// - a deleted file marks its tab "(deleted)"; saving writes it again.
// Each tab keeps its own question until it is answered (or the tab closes): the bar shows
// the current tab's, else the latest one still open, so two files changed at once never
// overwrite each other's question.
// Reloading changes the editor, never the running program: when the program runs another
// version, the bar says so and offers to update it (the same Apply as Ctrl+S).
//
// Closing a tab only closes the editor: the running program keeps the module it loaded.
// The dialogs are real ones, opened with open() (never exec()) and named by objectName,
// so a test finds and answers them as a user would.
#pragma once

#include "app/ide/project.h"
#include "app/ide/views/filechangebar.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

class QTabWidget;
class QsciScintilla;

namespace molt::editor {
class SymbolIndex;
}

namespace molt::ide {

class FileChangeBar;
class MessageBar;

class FileController : public QObject {
    Q_OBJECT
public:
    // Opens (or shows) the editor of a module; the window's editorFor.
    using Opener = std::function<QsciScintilla*(const QString& module)>;
    // True when the running program runs another version of the module than the editor's.
    using StaleCheck = std::function<bool(const QString& module)>;

    FileController(QTabWidget* tabs, FileChangeBar* bar, MessageBar* messages,
                   editor::SymbolIndex* symbols, QWidget* dialogParent);
    void setOpener(Opener opener) { opener_ = std::move(opener); }
    void setStaleCheck(StaleCheck check) { staleCheck_ = std::move(check); }

    // A new project: every tab is closed without asking (the caller asked), the watches go.
    void setProject(const Project& project);
    // Starts watching an editor the window just created for its module (property "module").
    void track(QsciScintilla* editor);

    static QString moduleOf(const QsciScintilla* editor);
    QsciScintilla* findEditor(const QString& module) const;
    QList<QsciScintilla*> editors() const;
    bool hasUnsavedEdits() const; // modified, or deleted on disk
    bool isDeleted(const QsciScintilla* editor) const;

    // ---- File menu
    void newFile();                                       // asks for a name: "newFileDialog"
    bool createFile(const QString& name, QString* error); // ... and its answer
    void saveAs();                                        // asks for a path: "saveAsDialog"
    bool saveAs(QsciScintilla* editor, const QString& path, QString* error);
    void closeTab(QsciScintilla* editor); // asks when unsaved: "closeTabDialog"
    void closeCurrentTab();
    // Writes every modified (or deleted) editor; false, with the bar saying why, on an error.
    bool saveAll();
    // Writes `text` as the module's file (when it differs), for refactorings and reverts.
    bool writeModule(const QString& module, const QString& text);

    // Looks at the watched files now instead of after the watcher's signal settles.
    void checkNow();

Q_SIGNALS:
    void modulesChanged();                  // a module was created, renamed or deleted
    void tabChanged(QsciScintilla* editor); // its title may change: reloaded, deleted ...
    void tabClosed(const QString& module);
    void updateRequested(); // "Reload and Update": apply, as Ctrl+S does

private:
    QString pathOf(const QsciScintilla* editor) const;
    QsciScintilla* editorForPath(const QString& path) const;
    void remember(const QString& path, const QByteArray& bytes);
    void watch(const QString& path);
    void onDiskChange(const QString& path);
    void checkPending();
    void checkFile(const QString& path);
    void reload(QsciScintilla* editor, const QString& text, const QByteArray& bytes);
    void offerUpdate(QsciScintilla* editor, const QString& message);
    // The bar's question about `path`, replacing an earlier one about it; answering it
    // removes it before the choice runs (which may ask again).
    void ask(const QString& path, const QString& message,
             std::vector<FileChangeBar::Choice> choices);
    void dropQuestion(const QString& path);
    void showQuestion(); // the current tab's, else the latest; hides the bar when none
    void closeNow(QsciScintilla* editor);
    bool writeEditor(QsciScintilla* editor);
    // The project-relative module for a path the user gave, or an empty string and `error`.
    QString moduleForNewPath(const QString& path, QString* error) const;

    QTabWidget* tabs_;
    FileChangeBar* bar_;
    MessageBar* messages_;
    editor::SymbolIndex* symbols_;
    QWidget* dialogParent_;
    Opener opener_;
    StaleCheck staleCheck_;
    Project project_;
    QFileSystemWatcher watcher_;
    QHash<QString, QByteArray> known_; // path -> digest of what the IDE last read or wrote
    QSet<QString> deleted_;            // paths of open editors whose file is gone
    QSet<QString> pending_;            // paths the watcher reported, checked when it settles
    QTimer settle_;
    struct Question {
        QString message;
        std::vector<FileChangeBar::Choice> choices;
    };
    QHash<QString, Question> questions_; // path -> what the bar asks about it
    QStringList questionOrder_;          // paths, the latest asked last
};

} // namespace molt::ide
