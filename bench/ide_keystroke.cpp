// ide_keystroke — how long a keystroke takes in the whole IDE, as the user feels it.
//
// editor_keystroke times the key event in a bare editor. Here the editor sits in the real
// MainWindow with a project open (one 10,000-line module by default), and a keystroke is
// timed from the key press (QTest's, so shortcut matching and event filters run as for a
// real key) until the event loop is idle again: every posted event, 0-ms timer and repaint
// the keystroke caused has run. That is the time before the IDE can take the next key.
// "block" is the longest single dispatch within that time (the key event itself, or one
// posted event or timer): styling that a change leaves for idle time runs in slices, and
// a key typed meanwhile waits only for the slice under way. In a large text with syntax
// errors the keystroke's re-parse runs on the editor's parse thread: "styled" is the time
// until it is in and applied (the styles final), its UI-thread part counted in "block".
// Work that waits for the user to pause (the outline, the symbol index, a parse from
// scratch around syntax errors: a 150 ms timer) is timed apart, as the longest stall of
// the UI thread while the IDE is left idle for 200 ms (--pause) after every tenth keystroke
// ("pause_stall": the longest gap between the ticks of a 1 ms timer).
//
// Cases (N keystrokes each, random positions, printable characters):
//   stopped          no program runs: each keystroke is undone (untimed) before the next
//   running          the module's program runs (a timer loop), so every keystroke also
//                    meets the "is this editor live?" bookkeeping; undone as above
//   unclosed_brace   running, and the module starts with an unclosed `{`: every keystroke
//                    re-parses a file whose error spans everything after the first line
//   cumulative       running, keystrokes stay: syntax errors pile up all over the file
// `cpu_*` is the UI thread's CPU time from the key press to the idle event loop (other
// processes on a shared machine hardly change it; a re-parse on the parse thread is not in
// it). JSON on stdout.
//
//   QT_QPA_PLATFORM=offscreen build/default/bench/ide_keystroke [--lines N] [--keys N]
//                                                              [--seed S] [--case NAME]
//                                                              [--pause MS]
//                                                              [--completion on|off]
// Typing at the end of a word of three or more letters, or a `.`, may open the completion
// list (its time is the keystroke's); `completion_lists` counts the keystrokes that left
// it open (the list is closed, untimed, before the next). `--completion off` turns the
// automatic list off, to see what it costs.
#include "app/ide/host/vmhost.h"
#include "app/ide/mainwindow.h"
#include "bench/generated_source.h"
#include "editor/codeeditor.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <time.h>
#include <vector>

using namespace molt::ide;

namespace {

// CPU time of the calling (UI) thread: unlike wall time, hardly inflated by other
// processes on a shared machine, so two builds compare even under load.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    size_t i = size_t(p * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// Runs everything that is ready now (posted events, due timers, repaints) until a pass
// finds nothing more; returns when the event loop would go to sleep. `longest` gets the
// longest single pass: how long a key typed meanwhile would have waited at most.
void drainEvents(double* longest = nullptr) {
    QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
    for (int passes = 0; passes < 10000; ++passes) {
        QElapsedTimer t;
        t.start();
        QCoreApplication::sendPostedEvents();
        const bool more = dispatcher->processEvents(QEventLoop::AllEvents);
        if (longest) *longest = std::max(*longest, double(t.nsecsElapsed()) / 1e6);
        if (!more) break;
    }
}

// Leaves the IDE idle for `ms`, as a user pausing; returns the longest stall of the UI
// thread meanwhile: the longest gap between the ticks of a 1 ms timer, less the 1 ms.
double idleFor(int ms) {
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QElapsedTimer clock;
    double last = 0, worst = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        double now = double(clock.nsecsElapsed()) / 1e6;
        worst = std::max(worst, now - last);
        last = now;
    });
    clock.start();
    tick.start();
    QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
    while (clock.elapsed() < ms) {
        QCoreApplication::sendPostedEvents();
        dispatcher->processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    tick.stop();
    return std::max(0.0, worst - 1.0);
}

struct Case {
    const char* name;
    bool run, unclosedBrace, cumulative;
};

std::string runCase(const Case& c, const std::string& source, int keys, unsigned seed, int pauseMs,
                    bool completion) {
    QTemporaryDir dir;
    std::string text = source;
    if (c.unclosedBrace) text = "{\n" + text;
    // A program that keeps running: it builds a few instances and ticks on a timer.
    text += "const shapes = [];\n"
            "for (let i = 0; i < 50; i++) shapes.push(new Shape3(i, i));\n"
            "let ticks = 0;\n"
            "setInterval(() => { ticks++; shapes[ticks % 50].method0([1, 2, 3], 1); }, 5);\n";
    {
        QFile f(QDir(dir.path()).filePath("main.js"));
        if (!f.open(QIODevice::WriteOnly)) return {};
        // The program runs the valid file; the broken one is only what the editor shows.
        f.write(QByteArray::fromStdString(c.unclosedBrace ? text.substr(2) : text));
    }
    MainWindow::Options options;
    options.useSettings = false;
    options.commitWithoutReview = false;
    options.examplesFolder = dir.path();
    MainWindow window(options);
    window.resize(1440, 900);
    window.show();
    if (!window.openProject(dir.path())) return {};
    if (c.run) {
        window.runProgram();
        if (!QTest::qWaitFor([&] { return window.status().state == ProgramState::Running; }, 20000))
            return {};
    }
    auto* editor = qobject_cast<molt::editor::CodeEditor*>(window.editorFor("main.js"));
    if (!editor) return {};
    editor->setAutoCompletion(completion);
    if (c.unclosedBrace) {
        // Typed into the editor (not on disk), so the running program stays the valid one.
        editor->setCursorPosition(0, 0);
        editor->insert("{\n");
        editor->finishStyling();
    }
    // Undo (in the independent cases) steps back to here, not over the brace.
    editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    window.activateWindow();
    editor->setFocus();
    idleFor(300); // the first analysis, the program's first slices

    const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ._;=(){}";
    std::mt19937 rng(seed);
    std::vector<double> latency, styled, block, pauseStall, cpu;
    int completionLists = 0;
    for (int k = 0; k < keys; ++k) {
        int line = int(rng() % unsigned(editor->lines()));
        int lineLength = editor->lineLength(line);
        int column = lineLength > 1 ? int(rng() % unsigned(lineLength)) : 0; // before '\n'
        editor->setCursorPosition(line, column);
        drainEvents(); // the caret move's own repaint is not the keystroke's
        char ch = alphabet[rng() % alphabet.size()];
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        QTest::keyPress(editor, ch);
        QTest::keyRelease(editor, ch);
        double longest = double(t.nsecsElapsed()) / 1e6; // the key event's own handling
        drainEvents(&longest);
        latency.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpu0);
        // A re-parse on the parse thread (a large text with errors): the key was taken, the
        // styles are final once it is in and applied on the UI thread.
        while (editor->isReparsePending() && t.elapsed() < 5000) {
            QAbstractEventDispatcher::instance()->processEvents(QEventLoop::WaitForMoreEvents);
            drainEvents(&longest);
        }
        styled.push_back(double(t.nsecsElapsed()) / 1e6);
        block.push_back(longest);
        if (editor->isCompletionListShown()) {
            ++completionLists;
            editor->cancelList();
        }
        if (!c.cumulative) {
            int guard = 0;
            while (editor->isUndoAvailable() && guard++ < 8)
                editor->undo();
            drainEvents();
        }
        if (k % 10 == 9) pauseStall.push_back(idleFor(pauseMs));
    }
    editor->flushReparse();
    const int errors = int(editor->syntaxErrors().size());
    if (c.run) window.stopProgram();
    char buf[1024];
    std::snprintf(
        buf, sizeof buf,
        "\"%s\":{\"lines\":%d,\"keystrokes\":%d,\"seed\":%u,\"pause_ms\":%d,\"program_running\":%s,"
        "\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f,"
        "\"cpu_p50_ms\":%.3f,\"cpu_p95_ms\":%.3f,"
        "\"styled_p50_ms\":%.3f,\"styled_p95_ms\":%.3f,"
        "\"block_p95_ms\":%.3f,\"block_max_ms\":%.3f,"
        "\"pause_stall_p50_ms\":%.3f,\"pause_stall_max_ms\":%.3f,"
        "\"syntax_errors_at_end\":%d,\"completion_lists\":%d}",
        c.name, editor->lines(), keys, seed, pauseMs, c.run ? "true" : "false",
        percentile(latency, 0.5), percentile(latency, 0.95), percentile(latency, 1.0),
        percentile(cpu, 0.5), percentile(cpu, 0.95), percentile(styled, 0.5),
        percentile(styled, 0.95), percentile(block, 0.95), percentile(block, 1.0),
        percentile(pauseStall, 0.5), percentile(pauseStall, 1.0), errors, completionLists);
    return buf;
}

} // namespace

int main(int argc, char** argv) {
    int lines = 10000, keys = 300, pauseMs = 200;
    unsigned seed = 20240601;
    std::string only;
    bool completion = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--lines"))
            lines = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--keys"))
            keys = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = unsigned(std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--pause"))
            pauseMs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--case"))
            only = argv[i + 1];
        else if (!std::strcmp(argv[i], "--completion"))
            completion = std::strcmp(argv[i + 1], "off") != 0;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::string source = molt::bench::generateSource(lines);
    const Case cases[] = {{"stopped", false, false, false},
                          {"running", true, false, false},
                          {"unclosed_brace", true, true, false},
                          {"cumulative", true, false, true}};
    std::string json = "{\"benchmark\":\"ide_keystroke\"";
    bool ok = true;
    for (const Case& c : cases) {
        if (!only.empty() && only != c.name) continue;
        std::string result = runCase(c, source, keys, seed, pauseMs, completion);
        if (result.empty()) {
            std::fprintf(stderr, "ide_keystroke: case %s could not be set up\n", c.name);
            ok = false;
            continue;
        }
        json += "," + result;
    }
    std::fprintf(stdout, "%s}\n", json.c_str());
    return ok ? 0 : 1;
}
