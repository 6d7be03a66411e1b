// editor_keystroke — how long a keystroke takes to reach re-highlighted text in the editor.
//
// Loads a generated class-heavy JavaScript file (10,000 lines by default) into a
// CodeEditor, then types single characters at random positions, each as a real key event
// (QKeyEvent through the widget, as a user's key press arrives). The editor re-parses
// incrementally and restyles synchronously inside the key handling, so the time from
// sending the event to its return is the keystroke -> re-highlighted-text latency. A second
// figure adds a synchronous repaint of the visible area.
//
// Two runs of N keystrokes each:
//   independent  each keystroke is undone (untimed) before the next, so every sample types
//                into the valid file: the common case of editing one place in a good file;
//   cumulative   the keystrokes stay, so the file collects hundreds of syntax errors
//                scattered over all its classes (tree-sitter then re-runs error recovery
//                for every broken region on every re-parse).
// After each run the styles are compared with a fresh editor loaded with the final text
// (they must be equal). `cpu_*` is the UI thread's CPU time for the key event (other
// processes on a shared machine hardly change it). A third run times completion: Ctrl+Space (a key
// event) at N random `this.` (the class's members and its superclass chain's, each class extending
// the one before) and after N random partial names (the names in scope), until the list is shown.
// JSON on stdout.
//
//   QT_QPA_PLATFORM=offscreen build/default/bench/editor_keystroke [--lines N] [--keys N]
//                                                                 [--seed S]
#include "bench/generated_source.h"
#include "editor/codeeditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <time.h>
#include <vector>

using molt::bench::generateSource;
using molt::editor::CodeEditor;

namespace {

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    size_t i = size_t(p * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// CPU time of the calling thread: unlike wall time, hardly inflated by other processes
// on a shared machine, so two builds compare even under load.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

bool sameStyles(CodeEditor& a, CodeEditor& b) {
    int n = int(a.SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    if (n != int(b.SendScintilla(QsciScintillaBase::SCI_GETLENGTH))) return false;
    for (int i = 0; i < n; ++i)
        if (a.styleAt(i) != b.styleAt(i)) return false;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    int lines = 10000, keys = 500;
    unsigned seed = 20240601;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--lines"))
            lines = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--keys"))
            keys = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = unsigned(std::atoi(argv[i + 1]));
    }
    QApplication app(argc, argv);
    const std::string source = generateSource(lines);
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ._;=(){}";
    bool allMatch = true;
    std::string json = "{\"benchmark\":\"editor_keystroke\"";

    for (const bool cumulative : {false, true}) {
        CodeEditor editor;
        editor.resize(1000, 800);
        editor.show();
        QElapsedTimer load;
        load.start();
        editor.setText(QString::fromStdString(source));
        const double loadMs = double(load.nsecsElapsed()) / 1e6;
        editor.finishStyling();
        editor.setModified(false);
        QApplication::processEvents();

        std::mt19937 rng(seed);
        std::vector<double> styled, painted, cpu;
        int completionLists = 0;
        for (int k = 0; k < keys; ++k) {
            int line = int(rng() % unsigned(editor.lines()));
            int lineLength = editor.lineLength(line);
            int column = lineLength > 1 ? int(rng() % unsigned(lineLength)) : 0; // before '\n'
            editor.setCursorPosition(line, column);
            char ch = alphabet[rng() % alphabet.size()];
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(QChar(ch)));
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(QChar(ch)));
            QElapsedTimer t;
            const double cpu0 = threadCpuMs();
            t.start();
            QApplication::sendEvent(&editor, &press);
            const double s = double(t.nsecsElapsed()) / 1e6;
            cpu.push_back(threadCpuMs() - cpu0);
            editor.viewport()->repaint();
            const double p = double(t.nsecsElapsed()) / 1e6;
            QApplication::sendEvent(&editor, &release);
            if (editor.isCompletionListShown()) { // typed at the end of a word, or a `.`
                ++completionLists;
                editor.cancelList();
            }
            styled.push_back(s);
            painted.push_back(p);
            // Undo everything the keystroke did (a `}` also re-indents, a second undo step).
            while (!cumulative && editor.isModified())
                editor.undo();
            QApplication::processEvents();
        }

        // What idle time does after the last keystroke: the outline and, around syntax
        // errors, a parse from scratch; then the styling of what was not visible.
        editor.refreshAnalysis();
        editor.finishStyling();
        CodeEditor fresh;
        fresh.setText(editor.text());
        fresh.finishStyling();
        const bool match = sameStyles(editor, fresh);
        allMatch = allMatch && match;
        char buf[1024];
        std::snprintf(buf, sizeof buf,
                      ",\"%s\":{\"lines\":%d,\"keystrokes\":%d,\"seed\":%u,\"load_ms\":%.3f,"
                      "\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f,"
                      "\"cpu_p50_ms\":%.3f,\"cpu_p95_ms\":%.3f,"
                      "\"with_paint_p50_ms\":%.3f,\"with_paint_p95_ms\":%.3f,"
                      "\"with_paint_max_ms\":%.3f,\"syntax_errors_at_end\":%d,"
                      "\"styles_match_fresh_editor\":%s,\"completion_lists\":%d}",
                      cumulative ? "cumulative" : "independent", editor.lines(), keys, seed, loadMs,
                      percentile(styled, 0.5), percentile(styled, 0.95), percentile(styled, 1.0),
                      percentile(cpu, 0.5), percentile(cpu, 0.95), percentile(painted, 0.5),
                      percentile(painted, 0.95), percentile(painted, 1.0),
                      int(editor.syntaxErrors().size()), match ? "true" : "false", completionLists);
        json += buf;
    }
    {
        CodeEditor editor;
        editor.resize(1000, 800);
        editor.show();
        editor.setText(QString::fromStdString(source));
        editor.finishStyling();
        editor.refreshAnalysis();
        QApplication::processEvents();
        const QByteArray text = editor.text().toUtf8();
        std::vector<int> afterThis, inName;
        for (qsizetype at = text.indexOf("this."); at >= 0; at = text.indexOf("this.", at + 1))
            afterThis.push_back(int(at) + 5);
        for (qsizetype at = text.indexOf("total"); at >= 0; at = text.indexOf("total", at + 1))
            inName.push_back(int(at) + 3);
        std::mt19937 rng(seed);
        char buf[512];
        std::string sep;
        json += ",\"completion\":{";
        for (const auto& [name, positions] :
             {std::pair{"this_members", &afterThis}, std::pair{"names_in_scope", &inName}}) {
            std::vector<double> ms;
            long items = 0;
            int shown = 0;
            for (int k = 0; k < keys && !positions->empty(); ++k) {
                const int pos = (*positions)[rng() % positions->size()];
                editor.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, pos);
                QKeyEvent press(QEvent::KeyPress, Qt::Key_Space, Qt::ControlModifier);
                QElapsedTimer t;
                t.start();
                QApplication::sendEvent(&editor, &press);
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                shown += editor.isCompletionListShown();
                items += editor.completionsAt(pos).items.size();
                editor.cancelList();
                QApplication::processEvents();
            }
            std::snprintf(buf, sizeof buf,
                          "%s\"%s\":{\"requests\":%d,\"shown\":%d,\"mean_items\":%.1f,"
                          "\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f}",
                          sep.c_str(), name, int(ms.size()), shown,
                          ms.empty() ? 0.0 : double(items) / double(ms.size()), percentile(ms, 0.5),
                          percentile(ms, 0.95), percentile(ms, 1.0));
            json += buf;
            sep = ",";
        }
        json += "}";
    }
    std::fprintf(stdout, "%s}\n", json.c_str());
    return allMatch ? 0 : 1;
}
