// Highlighting, folding and brace matching, and the invariant behind incremental
// re-highlighting: after any sequence of edits the styles, fold levels and syntax-error
// underlines equal those of a fresh editor loaded with the same text.
#include "editor/outlinemodel.h"
#include "editortestutil.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>
#include <cstring>
#include <random>

using namespace molt::editor;
using namespace molt::editor::test;

namespace {

const char* kSample = R"(// a comment
class Point extends Base {
  x = 1;
  static origin = null;
  constructor(a) {
    this.y = "str";
  }
  move(dx) {
    return this.x + dx;
  }
}
const p = new Point(3);
console.log(p.move(2), `t ${p.x}`);
// end */
)";

struct Snapshot {
    QByteArray text;
    QList<int> styles;
    QList<int> folds;
    QList<Diagnostic> errors;
    QList<int> errorIndicator;
};

int lineOfText(CodeEditor& e, const char* needle) {
    for (int l = 0; l < e.lines(); ++l)
        if (e.text(l).contains(QLatin1String(needle))) return l;
    return -1;
}

Snapshot snapshot(CodeEditor& e) {
    Snapshot s;
    s.text = bytes(e);
    for (int i = 0; i < s.text.size(); ++i) {
        s.styles << e.styleAt(i);
        s.errorIndicator << int(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i) != 0);
    }
    for (int l = 0; l < e.lines(); ++l)
        s.folds << e.foldLevelAt(l);
    s.errors = e.syntaxErrors();
    return s;
}

QString firstDifference(const Snapshot& a, const Snapshot& b) {
    if (a.text != b.text) return QStringLiteral("texts differ");
    for (int i = 0; i < a.styles.size(); ++i) {
        if (a.styles[i] != b.styles[i])
            return QStringLiteral("style at byte %1 ('%2'): incremental %3, fresh %4\n%5")
                .arg(i)
                .arg(QChar(a.text[i]))
                .arg(a.styles[i])
                .arg(b.styles[i])
                .arg(QString::fromUtf8(a.text));
        if (a.errorIndicator[i] != b.errorIndicator[i])
            return QStringLiteral("error underline at byte %1 differs").arg(i);
    }
    for (int l = 0; l < a.folds.size(); ++l)
        if (a.folds[l] != b.folds[l])
            return QStringLiteral("fold level of line %1: incremental %2, fresh %3\n%4")
                .arg(l)
                .arg(a.folds[l], 0, 16)
                .arg(b.folds[l], 0, 16)
                .arg(QString::fromUtf8(a.text));
    if (a.errors != b.errors) return QStringLiteral("syntax error lists differ");
    return {};
}

} // namespace

class TestHighlighting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownTokens();
    void incrementalEqualsFresh_data();
    void incrementalEqualsFresh();
    void typingIntoAComment();
    void typingABacktickRestylesFarBelow();
    void reparseWithErrorsOffTheKeystroke();
    void largeRestyleFinishesInIdleTime();
    void pauseAnalysisOfAnOlderTextIsDropped();
    void foldingPoints();
    void braceMatch();
    void themeColours();
};

void TestHighlighting::knownTokens() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kSample));
    QCOMPARE(e.captureAt(posOf(e, "// a comment")), QStringLiteral("comment"));
    QCOMPARE(e.captureAt(posOf(e, "class")), QStringLiteral("keyword"));
    QCOMPARE(e.captureAt(posOf(e, "extends")), QStringLiteral("keyword"));
    QCOMPARE(e.captureAt(posOf(e, "static")), QStringLiteral("keyword"));
    QCOMPARE(e.captureAt(posOf(e, "Point")), QStringLiteral("constructor"));
    QCOMPARE(e.captureAt(posOf(e, "\"str\"")), QStringLiteral("string"));
    QCOMPARE(e.captureAt(posOf(e, "\"str\"", 0, 4)), QStringLiteral("string"));
    QCOMPARE(e.captureAt(posOf(e, "this.y", 0, 5)), QStringLiteral("property"));
    QCOMPARE(e.captureAt(posOf(e, "this.y")), QStringLiteral("variable.builtin"));
    QCOMPARE(e.captureAt(posOf(e, "move(dx)")), QStringLiteral("function.method"));
    QCOMPARE(e.captureAt(posOf(e, "dx)")), QStringLiteral("variable"));
    QCOMPARE(e.captureAt(posOf(e, "1;")), QStringLiteral("number"));
    QCOMPARE(e.captureAt(posOf(e, "null")), QStringLiteral("constant.builtin"));
    QCOMPARE(e.captureAt(posOf(e, "console")), QStringLiteral("variable.builtin"));
    QCOMPARE(e.captureAt(posOf(e, "log(")), QStringLiteral("function.method"));
    QCOMPARE(e.captureAt(posOf(e, "`t")), QStringLiteral("string"));
    // Inside `${...}` the code is code again.
    QCOMPARE(e.captureAt(posOf(e, "${p", 0, 2)), QStringLiteral("variable"));
    QCOMPARE(e.captureAt(posOf(e, "${p")), QStringLiteral("punctuation.special"));
    QCOMPARE(e.captureAt(posOf(e, "+ dx")), QStringLiteral("operator"));
    QCOMPARE(e.captureAt(posOf(e, "{")), QStringLiteral("punctuation.bracket"));
    QCOMPARE(e.captureAt(posOf(e, " = 1")), QString()); // whitespace is plain text
}

void TestHighlighting::incrementalEqualsFresh_data() {
    QTest::addColumn<unsigned>("seed");
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u, 6u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestHighlighting::incrementalEqualsFresh() {
    QFETCH(unsigned, seed);
    std::mt19937 rng(seed);
    const QStringList snippets = {
        QStringLiteral("x"),
        QStringLiteral("{"),
        QStringLiteral("}"),
        QStringLiteral("\""),
        QStringLiteral("/*"),
        QStringLiteral("*/"),
        QStringLiteral("`"),
        QStringLiteral("\n"),
        QStringLiteral(";"),
        QStringLiteral("class Q { m() { return 1; } }\n"),
        QStringLiteral("  get size() {\n    return this.n;\n  }\n"),
        QStringLiteral("// note é\n"),
        QStringLiteral("if (a) {\n  b();\n} else {\n  c();\n}\n"),
        QStringLiteral("const s = `a ${b} c`;\n"),
        QStringLiteral("new Point(1, 2)"),
    };
    CodeEditor e;
    e.setText(QString::fromUtf8(kSample));
    auto randomPosition = [&] {
        long length = sci(e, QsciScintillaBase::SCI_GETLENGTH);
        long p = long(rng() % unsigned(length + 1));
        // Snap to a character boundary.
        return p >= length ? length
                           : sci(e, QsciScintillaBase::SCI_POSITIONBEFORE,
                                 sci(e, QsciScintillaBase::SCI_POSITIONAFTER, p));
    };
    int divergences = 0;
    const int steps = 120;
    for (int step = 0; step < steps; ++step) {
        int action = int(rng() % 10);
        QString what;
        if (action < 4) {
            long p = randomPosition();
            QString s = snippets[int(rng() % unsigned(snippets.size()))];
            e.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, uintptr_t(p),
                            s.toUtf8().constData());
            what = QStringLiteral("insert '%1' at %2").arg(s).arg(p);
        } else if (action < 6) {
            long a = randomPosition(), b = randomPosition();
            if (a > b) std::swap(a, b);
            b = std::min(b, a + long(rng() % 40));
            b = sci(e, QsciScintillaBase::SCI_POSITIONBEFORE,
                    sci(e, QsciScintillaBase::SCI_POSITIONAFTER, b));
            sci(e, QsciScintillaBase::SCI_DELETERANGE, a, b - a);
            what = QStringLiteral("delete %1..%2").arg(a).arg(b);
        } else if (action < 7) {
            // A multi-line paste through the clipboard, replacing a selection.
            long a = randomPosition(), b = randomPosition();
            if (a > b) std::swap(a, b);
            sci(e, QsciScintillaBase::SCI_SETSEL, a, b);
            QApplication::clipboard()->setText(QStringLiteral("foo(1,\n  2) {\n  bar;\n}\n"));
            e.paste();
            what = QStringLiteral("paste over %1..%2").arg(a).arg(b);
        } else if (action < 8) {
            // Typing: real key events, coalesced by Scintilla into one undo step.
            sci(e, QsciScintillaBase::SCI_GOTOPOS, randomPosition());
            QTest::keyClicks(&e, QStringLiteral("ab("));
            what = QStringLiteral("type");
        } else if (action < 9) {
            e.undo();
            what = QStringLiteral("undo");
        } else {
            e.redo();
            what = QStringLiteral("redo");
        }
        // A slow re-parse of a text with errors may still be on the parse thread: the
        // invariant holds once it is in.
        QVERIFY(QTest::qWaitFor([&] { return !e.isReparsePending(); }, 5000));
        Snapshot incremental = snapshot(e);
        CodeEditor fresh;
        fresh.setText(e.text());
        const Snapshot expected = snapshot(fresh);
        QString diff = firstDifference(incremental, expected);
        if (!diff.isEmpty()) {
            char* a = ts_node_string(ts_tree_root_node(e.tree()));
            char* b = ts_node_string(ts_tree_root_node(fresh.tree()));
            const bool treesDiffer = std::strcmp(a, b) != 0;
            std::free(a);
            std::free(b);
            if (treesDiffer) {
                // tree-sitter recovered from an error differently than a fresh parse does.
                // The styles must still be exactly those of the editor's own tree...
                e.rehighlightAll();
                diff = firstDifference(incremental, snapshot(e));
                if (!diff.isEmpty()) diff.prepend(QStringLiteral("not the styles of its tree: "));
                // ...and when typing pauses the editor re-parses and shows the fresh result.
                if (diff.isEmpty()) {
                    e.refreshAnalysis();
                    diff = firstDifference(snapshot(e), expected);
                    if (!diff.isEmpty()) diff.prepend(QStringLiteral("after the pause: "));
                }
                ++divergences;
            }
        }
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("step %1 (%2): %3").arg(step).arg(what, diff)));
    }
    // The comparison with a fresh editor must be the rule, not the exception.
    QVERIFY2(divergences < steps / 10, qPrintable(QString::number(divergences)));
}

// A text with syntax errors re-parses on the parse thread: the keystroke returns with the
// re-parse pending (the edited line styled from the edited tree), keys typed meanwhile are
// caught up with, and once it is in, styles, folds and underlines are exactly those the
// editor's tree gives, as after a synchronous re-parse.
void TestHighlighting::reparseWithErrorsOffTheKeystroke() {
    CodeEditor e;
    e.setBackgroundParse(true, 0, 0); // every keystroke of a text with errors, however fast
    QString text = QString::fromUtf8(kSample);
    e.setText(QStringLiteral("{\n") + text + QStringLiteral("\nlet broken = ;\n"));
    QVERIFY(!e.syntaxErrors().isEmpty());
    const int line = lineOfText(e, "class Point");
    QVERIFY(line >= 0);
    for (const QString& keys : {QStringLiteral("x"), QStringLiteral("ab(;"), QStringLiteral("}")}) {
        e.setCursorPosition(line, 0);
        QTest::keyClicks(&e, keys); // all but the first arrive while the parse is away
        QVERIFY(e.isReparsePending());
        QVERIFY(QTest::qWaitFor([&] { return !e.isReparsePending(); }, 5000));
        const Snapshot done = snapshot(e);
        e.rehighlightAll();
        QString diff = firstDifference(done, snapshot(e));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(done.errors, e.syntaxErrors());
    }
    // Synchronous when asked: flushReparse never leaves the parse to the thread.
    e.setCursorPosition(line, 0);
    QTest::keyClicks(&e, QStringLiteral("y"));
    QVERIFY(e.isReparsePending());
    e.flushReparse();
    QVERIFY(!e.isReparsePending());
    const Snapshot flushed = snapshot(e);
    QTest::qWait(50); // the result of the parse thread, now stale, changes nothing
    QVERIFY(firstDifference(flushed, snapshot(e)).isEmpty());
}

void TestHighlighting::typingIntoAComment() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kSample));
    // Opening a block comment restyles everything after it, far beyond the edited line.
    sci(e, QsciScintillaBase::SCI_GOTOPOS, posOf(e, "class"));
    QTest::keyClicks(&e, QStringLiteral("/*")); // closed by the `*/` of the last line
    QCOMPARE(e.captureAt(posOf(e, "console")), QStringLiteral("comment"));
    QCOMPARE(e.captureAt(posOf(e, "Point")), QStringLiteral("comment"));
    e.undo();
    QCOMPARE(e.captureAt(posOf(e, "console")), QStringLiteral("variable.builtin"));
    QCOMPARE(e.captureAt(posOf(e, "class")), QStringLiteral("keyword"));
}

void TestHighlighting::typingABacktickRestylesFarBelow() {
    // A backtick typed at the top opens a template literal that runs to the next backtick,
    // 60 lines down: everything between turns into string, and the literal down there
    // turns into code. Closing it again restores the colours, all from the changed ranges
    // tree-sitter reports, far beyond the edited line.
    QString text;
    for (int i = 0; i < 20; ++i)
        text += QStringLiteral("function f%1(a) {\n  return a + %1;\n}\n").arg(i);
    text += QStringLiteral("const tail = `tail`;\n");
    CodeEditor e;
    e.setText(text);
    const int farKeyword = posOf(e, "return", 19);
    QCOMPARE(e.captureAt(farKeyword), QStringLiteral("keyword"));
    QCOMPARE(e.captureAt(posOf(e, "`tail", 0, 1)), QStringLiteral("string"));

    sci(e, QsciScintillaBase::SCI_GOTOPOS, 0);
    QTest::keyClicks(&e, QStringLiteral("`"));
    QVERIFY(!e.hasPendingStyling());
    QCOMPARE(e.captureAt(posOf(e, "function f1(")), QStringLiteral("string"));
    QCOMPARE(e.captureAt(farKeyword + 1), QStringLiteral("string"));
    QVERIFY(e.captureAt(posOf(e, "`tail", 0, 1)) != QStringLiteral("string"));

    QTest::keyClicks(&e, QStringLiteral("`;"));
    QCOMPARE(e.captureAt(farKeyword + 3), QStringLiteral("keyword"));
    QCOMPARE(e.captureAt(posOf(e, "`tail", 0, 1)), QStringLiteral("string"));
    CodeEditor fresh;
    fresh.setText(e.text());
    fresh.finishStyling();
    QVERIFY(firstDifference(snapshot(e), snapshot(fresh)).isEmpty());
}

void TestHighlighting::largeRestyleFinishesInIdleTime() {
    QString text;
    for (int i = 0; i < 400; ++i)
        text += QStringLiteral("class C%1 {\n  m() {\n    return this.x + %1;\n  }\n}\n").arg(i);
    text += QStringLiteral("// end */\n");
    CodeEditor e;
    e.resize(600, 400);
    e.show();
    QVERIFY(QTest::qWaitForWindowExposed(&e));
    e.setText(text);
    e.finishStyling();
    QVERIFY(!e.hasPendingStyling());
    QCOMPARE(e.captureAt(posOf(e, "class C390")), QStringLiteral("keyword"));
    sci(e, QsciScintillaBase::SCI_GOTOPOS, 0);
    QTest::keyClicks(&e, QStringLiteral("/*"));
    // The visible lines are styled at once, the far ones wait for idle time...
    QCOMPARE(e.captureAt(posOf(e, "class C3")), QStringLiteral("comment"));
    QVERIFY(e.hasPendingStyling());
    QCOMPARE(e.captureAt(posOf(e, "class C390")), QStringLiteral("keyword"));
    // ...or for being scrolled into view.
    e.setFirstVisibleLine(1000);
    e.viewport()->repaint();
    QCOMPARE(e.captureAt(posOf(e, "class C201")), QStringLiteral("comment"));
    QTRY_VERIFY(!e.hasPendingStyling());
    QCOMPARE(e.captureAt(posOf(e, "class C390")), QStringLiteral("comment"));
    // Edits while styling is pending keep the pending ranges in step with the text.
    QTest::keyClick(&e, Qt::Key_Backspace);
    QTest::keyClick(&e, Qt::Key_Backspace);
    e.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, 0UL, "// top\n");
    e.finishStyling();
    QVERIFY(!e.hasPendingStyling());
    CodeEditor fresh;
    fresh.setText(e.text());
    fresh.finishStyling();
    for (int i = 0; i < e.text().size(); i += 7)
        QCOMPARE(e.styleAt(i), fresh.styleAt(i));
    for (int l = 0; l < e.lines(); ++l)
        QCOMPARE(e.foldLevelAt(l), fresh.foldLevelAt(l));
}

void TestHighlighting::pauseAnalysisOfAnOlderTextIsDropped() {
    // The pause's analysis (with syntax errors: a parse from scratch) runs on a worker
    // thread. Its result for a text that has changed since must not replace the tree as it
    // is (the new text would be styled and checked by the old one's parse): it is brought
    // up to the new text first.
    QString text = QStringLiteral("{\n"); // unclosed: an error that spans the whole file
    for (int i = 0; i < 2000; ++i)
        text += QStringLiteral("class C%1 { m() { return this.x + %1; } }\n").arg(i);
    CodeEditor e;
    e.setAnalysisDelay(0);
    QSignalSpy updated(&e, &CodeEditor::outlineUpdated);
    e.setText(text);
    QTRY_VERIFY(updated.count() >= 1);
    QVERIFY(!e.syntaxErrors().isEmpty());
    const QByteArray pause = "// a pause\n", close = "}\n";
    sci(e, QsciScintillaBase::SCI_APPENDTEXT, pause.size(), long(pause.constData()));
    QTRY_VERIFY(e.isAnalysing()); // the pause's timer fired: the worker takes this text
    e.setAnalysisDelay(60000);    // and the next pause is far away
    sci(e, QsciScintillaBase::SCI_APPENDTEXT, close.size(), long(close.constData()));
    QTRY_VERIFY(!e.isReparsePending());  // a slow re-parse with errors: on the parse thread
    QVERIFY(e.syntaxErrors().isEmpty()); // the brace is closed
    QTRY_VERIFY_WITH_TIMEOUT(!e.isAnalysing(), 20000); // the result for the text before ...
    QVERIFY(e.syntaxErrors().isEmpty());               // ... changes nothing
    QCOMPARE(ts_node_end_byte(ts_tree_root_node(e.tree())), uint32_t(bytes(e).size()));
    // Caught up with the edits since, or dropped: either way the text is styled as a fresh
    // editor styles it.
    e.finishStyling();
    CodeEditor fresh;
    fresh.setText(e.text());
    fresh.finishStyling();
    QCOMPARE(firstDifference(snapshot(e), snapshot(fresh)), QString());
    e.refreshAnalysis();
    QCOMPARE(e.outlineModel()->rowCount(), 2000);
}

void TestHighlighting::foldingPoints() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kSample));
    const int base = QsciScintillaBase::SC_FOLDLEVELBASE;
    const int header = QsciScintillaBase::SC_FOLDLEVELHEADERFLAG;
    const int mask = QsciScintillaBase::SC_FOLDLEVELNUMBERMASK;
    QCOMPARE(e.foldLevelAt(0), base);                // the comment: one line, no fold
    QCOMPARE(e.foldLevelAt(1), base | header);       // class Point ... {
    QCOMPARE(e.foldLevelAt(2) & mask, base + 1);     // x = 1;
    QCOMPARE(e.foldLevelAt(4), (base + 1) | header); // constructor(a) {
    QCOMPARE(e.foldLevelAt(5) & mask, base + 2);     //   this.y = ...
    QCOMPARE(e.foldLevelAt(6) & mask, base + 1);     // } of the constructor stays visible
    QCOMPARE(e.foldLevelAt(10) & mask, base);        // } of the class
    QVERIFY(!(e.foldLevelAt(11) & header));          // const p = ...
    // Folding the class hides its body.
    sci(e, QsciScintillaBase::SCI_FOLDLINE, 1, QsciScintillaBase::SC_FOLDACTION_CONTRACT);
    QVERIFY(!sci(e, QsciScintillaBase::SCI_GETLINEVISIBLE, 5));
    QVERIFY(sci(e, QsciScintillaBase::SCI_GETLINEVISIBLE, 10));
    // A fold appears as soon as a block spans three lines.
    e.setText(QStringLiteral("if (a) { b(); }\n"));
    QVERIFY(!(e.foldLevelAt(0) & header));
    sci(e, QsciScintillaBase::SCI_GOTOPOS, posOf(e, "b();", 0, 4));
    QTest::keyClick(&e, Qt::Key_Return);
    QVERIFY(!(e.foldLevelAt(0) & header)); // two lines: nothing to hide
    sci(e, QsciScintillaBase::SCI_GOTOPOS, posOf(e, "{", 0, 1));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(e.text(), QStringLiteral("if (a) {\n  b();\n}\n"));
    QVERIFY(e.foldLevelAt(0) & header);
}

void TestHighlighting::braceMatch() {
    CodeEditor e;
    e.setText(QStringLiteral("class A {\n  m() { const s = \"{\"; return [1, (2)]; }\n}\n"));
    QCOMPARE(e.matchingBrace(posOf(e, "{")), posOf(e, "}\n", 1));
    QCOMPARE(e.matchingBrace(posOf(e, "(2)")), posOf(e, "(2)", 0, 2));
    QCOMPARE(e.matchingBrace(posOf(e, "[1")), posOf(e, "]"));
    QCOMPARE(e.matchingBrace(posOf(e, "{ const")), posOf(e, "; }", 0, 2));
    // The brace inside the string is not code: it has no partner.
    QCOMPARE(e.matchingBrace(posOf(e, "\"{\"", 0, 1)), -1);
}

void TestHighlighting::themeColours() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kSample));
    const int keywordStyle = e.styleAt(posOf(e, "class"));
    auto fore = [&](int style) {
        long bgr = sci(e, QsciScintillaBase::SCI_STYLEGETFORE, style);
        return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
    };
    auto back = [&](int style) {
        long bgr = sci(e, QsciScintillaBase::SCI_STYLEGETBACK, style);
        return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
    };
    QCOMPARE(fore(keywordStyle), Theme::light().colorFor(QStringLiteral("keyword")));
    e.setTheme(Theme::dark());
    QCOMPARE(fore(keywordStyle), Theme::dark().colorFor(QStringLiteral("keyword")));
    QCOMPARE(back(keywordStyle), Theme::dark().background);
    QCOMPARE(fore(e.styleAt(posOf(e, "move(dx)"))),
             Theme::dark().colorFor(QStringLiteral("function.method")));
    // Styles survive a theme change: the text is not re-lexed to plain.
    QCOMPARE(e.captureAt(posOf(e, "class")), QStringLiteral("keyword"));
    e.setFontSize(17);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_STYLEGETSIZE, keywordStyle)), 17);
    e.setFontFamily(QStringLiteral("DejaVu Sans Mono"));
    char family[128] = {};
    e.SendScintilla(QsciScintillaBase::SCI_STYLEGETFONT, (unsigned long)keywordStyle, family);
    QCOMPARE(QString::fromLatin1(family), QStringLiteral("DejaVu Sans Mono"));
    // Dotted captures fall back to their prefix, unknown ones to the foreground.
    QCOMPARE(Theme::dark().colorFor(QStringLiteral("punctuation.bracket")),
             Theme::dark().captures.value(QStringLiteral("punctuation")));
    QCOMPARE(Theme::dark().colorFor(QStringLiteral("no.such.capture")), Theme::dark().foreground);
}

QTEST_MAIN(TestHighlighting)
#include "tst_highlighting.moc"
