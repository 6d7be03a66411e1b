// guitest.h — driving molt-ide's real widgets from Qt Test: open a project in a temporary
// folder, run it, type into an editor, apply, commit, and read the inspector's models.
#pragma once

#include "app/ide/mainwindow.h"
#include "app/ide/views/beforeafterview.h"
#include "app/ide/views/editorseam.h"
#include "app/ide/views/historyview.h"
#include "app/ide/views/inspector.h"
#include "app/ide/views/messagebar.h"
#include "app/ide/views/patchpanel.h"
#include "app/ide/views/refactordialog.h"
#include "app/ide/views/theme.h"
#include "editor/qsci.h"

#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <memory>

namespace molt::ide::test {

struct Ide {
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;

    // Save and see is off unless asked for: most tests are about the review in the Patch
    // panel, which an edit that needs no decision would otherwise skip.
    explicit Ide(bool commitWithoutReview = false) {
        MainWindow::Options options;
        options.useSettings = false;
        options.commitWithoutReview = commitWithoutReview;
        options.examplesFolder = dir.path();
        window = std::make_unique<MainWindow>(options);
        window->show();
    }
    // A project written into the temporary folder.
    bool openFiles(const QMap<QString, QString>& files, const QString& name = "project") {
        QDir root(dir.filePath(name));
        root.mkpath(".");
        for (auto it = files.begin(); it != files.end(); ++it) {
            QFile f(root.filePath(it.key()));
            if (!f.open(QIODevice::WriteOnly)) return false;
            f.write(it.value().toUtf8());
        }
        return window->openProject(root.path());
    }
    QString fileText(const QString& module) const {
        QFile f(window->project().absolutePath(module));
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }
    ProgramState state() const { return window->status().state; }
    QsciScintilla* editor(const QString& module) { return window->editorFor(module); }
    // Runs the open project and waits until its program is running.
    bool runUntilRunning() {
        window->runProgram();
        return QTest::qWaitFor([&] { return state() == ProgramState::Running; }, 10000);
    }
};

// A program that keeps running (an interval timer) so that edits can be applied live:
// shapes.js and main.js.
inline const char* const kShapesModule = "class Shape {\n"
                                         "  constructor(side) { this.side = side; }\n"
                                         "  area() { return this.side * this.side; }\n"
                                         "}\n"
                                         "module.exports = { Shape };\n";
inline const char* const kShapesMain = "const { Shape } = require('./shapes');\n"
                                       "const shapes = [new Shape(2), new Shape(3)];\n"
                                       "setInterval(() => { shapes.forEach((s) => s.area()); }, 20);\n";

// Never leaves work(): an update that changes it waits for its safe point.
inline const char* const kWorker =
    "class Worker {\n"
    "  constructor() { this.n = 0; }\n"
    "  work() {\n"
    "    // inside a try block: its frame cannot move to new code (docs/dsu.md)\n"
    "    try { for (;;) { this.n++; Thread.sleep(5); } } catch (e) { throw e; }\n"
    "  }\n"
    "}\n"
    "const worker = new Worker();\n"
    "Thread.spawn(() => worker.work());\n";

// Types `text` into the focused editor through key events; "\n" is the Return key.
inline void typeText(QWidget* w, const QString& text) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0) QTest::keyClick(w, Qt::Key_Return);
        QTest::keyClicks(w, lines[i]);
    }
}

// Types `text` at the end of the 1-based `line` of the module's editor, through key events.
inline void typeAtEndOfLine(QsciScintilla* e, int line, const QString& text) {
    e->setFocus();
    QString lineText = e->text(line - 1);
    int end = lineText.length();
    while (end > 0 && (lineText[end - 1] == '\n' || lineText[end - 1] == '\r'))
        --end;
    e->setCursorPosition(line - 1, end);
    typeText(e, text);
}

// Selects the first occurrence of `find` and types `replacement` over it.
inline bool replaceByTyping(QsciScintilla* e, const QString& find, const QString& replacement) {
    e->setFocus();
    if (!e->findFirst(find, false, true, false, false, true, 0, 0)) return false;
    typeText(e, replacement);
    return true;
}

inline int lineOf(QsciScintilla* e, const QString& needle) {
    for (int i = 0; i < e->lines(); ++i)
        if (e->text(i).contains(needle)) return i + 1;
    return 0;
}

// Puts the caret inside the first occurrence of `needle` in the editor, `offset`
// characters into it.
inline bool placeCaret(QsciScintilla* e, const QString& needle, int offset = 1) {
    int line = e ? lineOf(e, needle) : 0;
    if (!line) return false;
    e->setFocus();
    e->setCursorPosition(line - 1, int(e->text(line - 1).indexOf(needle)) + offset);
    return true;
}

// Triggers the Refactor menu's action for `kind` as a user would (the menu is refreshed
// for the caret first, as when it opens) and returns the dialog it opened.
inline RefactorDialog* triggerRefactoring(MainWindow* w, const QString& kind) {
    Q_EMIT w->refactorMenu()->aboutToShow();
    QAction* a = w->refactorAction(kind);
    if (!a || !a->isEnabled()) return nullptr;
    a->trigger();
    return w->refactorDialog();
}

// Clicks Commit and waits until the refactoring ended; true when it committed.
inline bool clickCommit(MainWindow* w, RefactorDialog* d) {
    QSignalSpy done(w, &MainWindow::refactoringFinished);
    QTest::mouseClick(d->commitButton(), Qt::LeftButton);
    if (done.isEmpty() && !done.wait(15000)) return false;
    return done.takeFirst().at(0).toBool();
}

struct Instance {
    uint32_t identity;
    QString summary;
};

// The instances the inspector lists for a class (page 0).
inline QList<Instance> inspectInstances(MainWindow* w, const QString& module,
                                        const QString& className, int minimum = 1) {
    Inspector* in = w->inspector();
    QSignalSpy refreshed(in->classes(), &ClassListModel::refreshed);
    in->classes()->refresh();
    if (!refreshed.wait(10000)) return {};
    in->instances()->showClass(module, className);
    QList<Instance> out;
    if (!QTest::qWaitFor(
            [&] {
                return in->instances()->className() == className &&
                       in->instances()->rowCount() >= minimum;
            },
            10000))
        return out;
    for (int r = 0; r < in->instances()->rowCount(); ++r)
        out.append({in->instances()->identityAt(r),
                    in->instances()->index(r, InstanceListModel::Summary).data().toString()});
    return out;
}

// The fields of an object by identity, through the inspector's object tree: name -> value.
inline QMap<QString, QString> inspectFields(MainWindow* w, uint32_t identity) {
    ObjectTreeModel* m = w->inspector()->objectTree();
    w->inspector()->inspectObject(identity);
    QMap<QString, QString> out;
    if (!QTest::qWaitFor([&] { return m->rowCount() == 1 && m->rowCount(m->index(0, 0)) > 0; },
                         10000))
        return out;
    QModelIndex top = m->index(0, 0);
    for (int r = 0; r < m->rowCount(top); ++r)
        out.insert(m->index(r, ObjectTreeModel::Name, top).data().toString(),
                   m->index(r, ObjectTreeModel::Value, top).data().toString());
    return out;
}

} // namespace molt::ide::test
