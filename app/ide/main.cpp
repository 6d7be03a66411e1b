// molt-ide — the live-programming IDE. Opens the project given on the command line, or
// the last one, or the bundled example.
#include "app/ide/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Molt"));
    QApplication::setApplicationName(QStringLiteral("molt-ide"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Molt: edit a running program's classes live."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("a project folder to open"));
    QCommandLineOption example(QStringLiteral("example"),
                               QStringLiteral("open a bundled example (bounce, service, shop)"),
                               QStringLiteral("name"));
    QCommandLineOption run(QStringLiteral("run"),
                           QStringLiteral("run the program once it is open"));
    QCommandLineOption startupTime(QStringLiteral("startup-time"),
                                   QStringLiteral("print the time to an editable window and quit"));
    parser.addOptions({example, run, startupTime});
    parser.process(app);

    molt::ide::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first());
    else if (parser.isSet(example))
        window.openExample(parser.value(example));
    else
        window.openInitialProject();
    if (parser.isSet(run)) window.runProgram();
    if (parser.isSet(startupTime)) {
        // Measured when the event loop has painted the window with its editors.
        QTimer::singleShot(0, &window, [&] {
            std::fprintf(stderr, "startup: editable window after %.1f ms\n",
                         double(sinceStart.nsecsElapsed()) / 1e6);
            QApplication::quit();
        });
    }
    return app.exec();
}
