// molt_ide_screenshots OUT_DIR — renders the README's screenshots of the real IDE: the
// main window running the bounce example, the Patch panel reviewing an edit of the shop,
// the Before/After inspector after the commit, a thread suspended by an uncaught exception,
// the preview of a refactoring, and a window
// attached to a separately started service (`molt run … --control`) after an update. Run
// under Xvfb (scripts/screenshots.sh) so fonts and styles are those of a real X display.
#include "app/ide/project.h"
#include "app/ide/views/refactordialog.h"
#include "app/ide/views/suspendedview.h"
#include "guitest.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <cstdio>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

// Under a window manager (scripts/screenshots.sh sets MOLT_SCREENSHOT_IMPORT) the whole
// screen is taken with ImageMagick's `import -window root`, window frames and dialogs over
// their window included, as a user sees them; otherwise the widget draws itself.
bool save(QWidget* w, const QString& path) {
    QApplication::processEvents();
    QTest::qWait(150);
    bool ok;
    if (qEnvironmentVariableIsSet("MOLT_SCREENSHOT_IMPORT")) {
        w->window()->raise();
        w->window()->activateWindow();
        QTest::qWait(400);
        ok = QProcess::execute(QStringLiteral("import"), {"-window", "root", path}) == 0;
    } else {
        ok = w->grab().save(path);
    }
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

// Runs the program until one row is suspended and selects its first frame (its file at the
// line, its this or error in the Inspector); false if none appears.
bool runUntilSuspended(Ide& ide) {
    ide.window->runProgram();
    QTreeWidget* tree = ide.window->suspendedView()->tree();
    if (!QTest::qWaitFor([&] { return tree->topLevelItemCount() == 1; }, 10000)) return false;
    QTreeWidgetItem* top = tree->topLevelItem(0)->child(0);
    tree->setCurrentItem(top);
    Q_EMIT tree->itemClicked(top, 0);
    QTest::qWait(500);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc < 2) {
        std::fprintf(stderr, "usage: molt_ide_screenshots OUT_DIR\n");
        return 2;
    }
    QDir out(QString::fromLocal8Bit(argv[1]));
    out.mkpath(".");
    bool ok = true;
    {
        Ide ide;
        ide.window->showMaximized();
        ide.window->openExample("bounce");
        ide.window->editorFor("shapes.js");
        ide.window->runProgram();
        QTest::qWait(1500);
        ok &= save(ide.window.get(), out.filePath("ide-main-window.png"));
        ide.window->setDarkTheme(true);
        QTest::qWait(500);
        ok &= save(ide.window.get(), out.filePath("ide-dark.png"));
        ide.window->setDarkTheme(false);
        // Completion: `this.` in Ball's constructor lists its fields, then Shape's members.
        QsciScintilla* shapes = ide.editor("shapes.js");
        typeAtEndOfLine(shapes, lineOf(shapes, "this.color = color;"), "\nthis.");
        QTest::qWait(300);
        ok &= save(ide.window.get(), out.filePath("ide-completion.png"));
        QTest::keyClick(shapes, Qt::Key_Escape);
    }
    {
        // A crash is not the end: a thread suspended by an uncaught exception, its frame
        // selected (its file at the line, its this and locals in the Inspector).
        Ide ide;
        ide.window->showMaximized();
        ide.openFiles({{"main.js", "const { Cart } = require('./cart');\n"
                                   "const cart = new Cart([1, 2, 3]);\n"
                                   "setInterval(() => {}, 100);\n"
                                   "function report(tax) { console.log('total ' + cart.total(tax)); }\n"
                                   "Thread.spawn(() => report(undefined));\n"},
                       {"cart.js", "class Cart {\n"
                                   "  constructor(items) { this.items = items; }\n"
                                   "  total(tax) {\n"
                                   "    return this.items.reduce((s, x) => s + x, 0) * tax.rate;\n"
                                   "  }\n"
                                   "}\n"
                                   "module.exports = { Cart };\n"}},
                      "crash");
        if (!runUntilSuspended(ide)) return 1;
        ok &= save(ide.window.get(), out.filePath("ide-suspended.png"));
    }
    {
        // An unhandled promise rejection held in the Suspended panel: the error's stack, its
        // frame's line open, the error in the Inspector, Continue / Terminate Program.
        Ide ide;
        ide.window->showMaximized();
        ide.openFiles({{"main.js", "const { Checkout } = require('./checkout');\n"
                                   "const checkout = new Checkout();\n"
                                   "setInterval(() => {}, 100);\n"
                                   "checkout.pay({ items: [3, 4] });\n"},
                       {"checkout.js", "class Checkout {\n"
                                       "  async pay(cart) {\n"
                                       "    const total = await this.total(cart);\n"
                                       "    return total * cart.tax.rate;\n"
                                       "  }\n"
                                       "  async total(cart) {\n"
                                       "    return cart.items.reduce((s, x) => s + x, 0);\n"
                                       "  }\n"
                                       "}\n"
                                       "module.exports = { Checkout };\n"}},
                      "rejection");
        if (!runUntilSuspended(ide)) return 1;
        ok &= save(ide.window.get(), out.filePath("ide-rejection.png"));
    }
    {
        Ide ide;
        ide.window->showMaximized();
        QString folder = installExample("shop", ide.dir.path());
        QFile config(QDir(folder).filePath("molt.json"));
        config.open(QIODevice::WriteOnly);
        config.write("{\"args\": [\"100000\"]}");
        config.close();
        ide.window->openProject(folder);
        ide.window->runProgram();
        if (!QTest::qWaitFor([&] { return ide.state() == ProgramState::Running; }, 5000)) return 1;
        QTest::qWait(300);
        QsciScintilla* e = ide.editor("catalog.js");
        typeAtEndOfLine(e, lineOf(e, "static currency"), "\nstock = 10;");
        replaceByTyping(e, "this.cents = cents;", "this.priceCents = cents;");
        replaceByTyping(e, "return this.cents;", "return this.priceCents;");
        QSignalSpy shown(ide.window.get(), &MainWindow::patchShown);
        ide.window->applyEdits();
        shown.wait(10000);
        // The added field's row selected: its policy choices show under the table.
        ChangeTableModel* changes = ide.window->patchPanel()->changes();
        for (int r = 0; r < changes->rowCount(); ++r)
            if (changes->index(r, ChangeTableModel::Kind).data().toString() == "field added")
                ide.window->patchPanel()->changeTable()->selectRow(r);
        ok &= save(ide.window.get(), out.filePath("ide-patch-panel.png"));
        QSignalSpy finished(ide.window.get(), &MainWindow::updateFinished);
        if (ide.window->patchPanel()->reviewedBox()->isVisible())
            ide.window->patchPanel()->reviewedBox()->setChecked(true);
        QTest::mouseClick(ide.window->patchPanel()->commitButton(), Qt::LeftButton);
        finished.wait(10000);
        ide.window->inspector()->beforeAfter()->tree()->expandAll();
        ok &= save(ide.window.get(), out.filePath("ide-before-after.png"));
        ide.window->dock("historyDock")->raise();
        ok &= save(ide.window.get(), out.filePath("ide-history.png"));
        inspectInstances(ide.window.get(), "catalog.js", "Product", 3);
        ide.window->inspector()->tabs()->setCurrentIndex(0);
        ide.window->dock("inspectorDock")->raise();
        ide.window->inspector()->instanceView()->selectRow(0);
        QTest::qWait(500);
        // The evaluator under the instances: an expression with `this` = the selected one.
        EvaluatorPane* evaluator = ide.window->inspector()->evaluator();
        evaluator->evaluate("`${this.name}: ${Product.format(this.price)}`");
        QTest::qWaitFor([&] { return evaluator->output()->count() >= 2; }, 5000);
        evaluator->input()->setText("this.stock * this.price");
        QTest::qWait(300);
        ok &= save(ide.window.get(), out.filePath("ide-inspector.png"));
    }
    {
        // Rename Field from the Refactor menu, previewed on the running shop.
        Ide ide;
        ide.window->showMaximized();
        QString folder = installExample("shop", ide.dir.path());
        QFile config(QDir(folder).filePath("molt.json"));
        config.open(QIODevice::WriteOnly);
        config.write("{\"args\": [\"100000\"]}");
        config.close();
        ide.window->openProject(folder);
        ide.window->runProgram();
        if (!QTest::qWaitFor([&] { return ide.state() == ProgramState::Running; }, 5000)) return 1;
        QsciScintilla* e = ide.editor("catalog.js");
        int line = lineOf(e, "this.cents = cents");
        e->setCursorPosition(line - 1, int(e->text(line - 1).indexOf("cents")) + 1);
        ide.window->updateRefactorActions();
        ide.window->refactorAction("rename-field")->trigger();
        RefactorDialog* d = ide.window->refactorDialog();
        if (!d) {
            std::fprintf(stderr, "FAILED: no refactoring dialog\n");
            return 1;
        }
        d->resize(1100, 760);
        d->nameEdit()->setText("priceCents");
        d->preview();
        ok &= save(d, out.filePath("ide-refactor-preview.png"));
        d->reject();
    }
    {
        // The service example as an operator runs it, and a window attached to it that has
        // just committed an edit of a handler to the process.
        Ide ide;
        QTemporaryDir data;
        QString folder = installExample("service", data.path());
        QString socket = data.filePath("shop.sock");
        QProcess service;
        service.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        service.start(QStringLiteral(MOLT_BINARY),
                      {"run", QDir(folder).filePath("main.js"), "--control", socket, "--", "0",
                       data.filePath("orders")});
        if (!QTest::qWaitFor([&] { return QFile::exists(socket); }, 30000)) {
            std::fprintf(stderr, "FAILED: the service did not open its control socket\n");
            return 1;
        }
        QPointer<MainWindow> w = ide.window->attachToProcess(socket);
        if (!w ||
            !QTest::qWaitFor([&] { return w->status().state == ProgramState::Running; }, 30000)) {
            std::fprintf(stderr, "FAILED: could not attach to the service\n");
            return 1;
        }
        w->showMaximized();
        QsciScintilla* e = w->editorFor("main.js");
        QSignalSpy finished(w.data(), &MainWindow::updateFinished);
        if (!e || !replaceByTyping(e, "version: 1,", "version: 2,")) {
            std::fprintf(stderr, "FAILED: no handler to edit in main.js\n");
            return 1;
        }
        w->applyEdits();
        if (!finished.wait(5000) && w->patchPanel()->commitButton()->isEnabled()) {
            if (w->patchPanel()->reviewedBox()->isVisible())
                w->patchPanel()->reviewedBox()->setChecked(true);
            QTest::mouseClick(w->patchPanel()->commitButton(), Qt::LeftButton);
        }
        if (finished.isEmpty() && !finished.wait(30000)) {
            std::fprintf(stderr, "FAILED: the update did not finish\n");
            ok = false;
        }
        w->dock("historyDock")->raise();
        ok &= save(w, out.filePath("ide-attached.png"));
        w->close();
        service.kill();
        service.waitForFinished(5000);
    }
    return ok ? 0 : 1;
}
