// Typing behaviour (auto-indent), find/replace, and diagnostics: syntax errors while
// typing and compile errors from the runtime.
#include "editortestutil.h"
#include "editor/findbar.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace molt::editor;
using namespace molt::editor::test;

class TestEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void autoIndent();
    void enterBetweenBraces();
    void findNextAndPrevious();
    void replaceAllPlainAndRegex();
    void findBarDrivesTheEditor();
    void syntaxErrorAppearsAndDisappears();
    void missingTokenIsReported();
    void errorsFarFromAnEditStayPut();
    void compileDiagnostics();
    void hoverShowsTheMessage();
};

void TestEditing::autoIndent() {
    CodeEditor e;
    e.show();
    QTest::keyClicks(&e, QStringLiteral("class A {"));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(e.indentation(1), 2);
    QTest::keyClicks(&e, QStringLiteral("m() {"));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(e.indentation(2), 4);
    QTest::keyClicks(&e, QStringLiteral("return 1;"));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(e.indentation(3), 4); // keeps the previous line's indent
    QTest::keyClicks(&e, QStringLiteral("}"));
    QCOMPARE(e.indentation(3), 2); // dedents to the line of the matching `{`
    QTest::keyClick(&e, Qt::Key_Return);
    QTest::keyClicks(&e, QStringLiteral("}"));
    QCOMPARE(e.indentation(4), 0);
    QCOMPARE(e.text(), QStringLiteral("class A {\n  m() {\n    return 1;\n  }\n}"));
    QVERIFY(e.syntaxErrors().isEmpty());
    // A `}` after code on the line is left alone.
    QTest::keyClick(&e, Qt::Key_Return);
    QTest::keyClicks(&e, QStringLiteral("  f({ a: 1 }"));
    QCOMPARE(e.indentation(5), 2);
}

void TestEditing::enterBetweenBraces() {
    CodeEditor e;
    e.show();
    e.setText(QStringLiteral("  f() {}"));
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, posOf(e, "}"));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(e.text(), QStringLiteral("  f() {\n    \n  }"));
    int line = 0, index = 0;
    e.getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 4);
}

void TestEditing::findNextAndPrevious() {
    CodeEditor e;
    e.setText(QStringLiteral("let total = 0;\nTotal = total + 1;\nconst x = total;\n"));
    FindOptions o;
    o.text = QStringLiteral("total");
    QVERIFY(e.findNext(o));
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), posOf(e, "total"));
    QVERIFY(e.findNext(o)); // case-insensitive: `Total`
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), posOf(e, "Total"));
    o.caseSensitive = true;
    QVERIFY(e.findNext(o));
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), posOf(e, "total", 1));
    QVERIFY(e.findPrevious(o));
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), posOf(e, "total", 0));
    QVERIFY(e.findPrevious(o)); // wraps to the last one
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), posOf(e, "total", 2));
    o.wrap = false;
    QVERIFY(!e.findNext(o));
    o.text = QStringLiteral("nothing");
    o.wrap = true;
    QVERIFY(!e.findNext(o));
    // Whole words only: `tot` is no word of its own.
    o.text = QStringLiteral("tot");
    o.wholeWord = true;
    QVERIFY(!e.findNext(o));
}

void TestEditing::replaceAllPlainAndRegex() {
    CodeEditor e;
    e.setText(QStringLiteral("let a = 1;\nlet b = a;\nlet c = [a, b];\n"));
    FindOptions o;
    o.text = QStringLiteral("let");
    o.caseSensitive = true;
    o.wholeWord = true;
    QCOMPARE(e.replaceAll(o, QStringLiteral("const")), 3);
    QCOMPARE(e.text(), QStringLiteral("const a = 1;\nconst b = a;\nconst c = [a, b];\n"));
    QCOMPARE(e.captureAt(posOf(e, "const", 2)), QStringLiteral("keyword"));
    // One undo step takes back the whole replace-all.
    e.undo();
    QCOMPARE(e.text(), QStringLiteral("let a = 1;\nlet b = a;\nlet c = [a, b];\n"));
    QCOMPARE(e.captureAt(posOf(e, "let", 2)), QStringLiteral("keyword"));

    FindOptions re;
    re.text = QStringLiteral("let (\\w) = ");
    re.regex = true;
    QCOMPARE(e.replaceAll(re, QStringLiteral("var \\1_ = ")), 3);
    QCOMPARE(e.text(), QStringLiteral("var a_ = 1;\nvar b_ = a;\nvar c_ = [a, b];\n"));
    // An empty match must not loop forever.
    re.text = QStringLiteral("x*");
    QVERIFY(e.replaceAll(re, QStringLiteral("")) > 0);
    QCOMPARE(e.text(), QStringLiteral("var a_ = 1;\nvar b_ = a;\nvar c_ = [a, b];\n"));
    // Replacing the current match, then the next one is selected.
    FindOptions one;
    one.text = QStringLiteral("var");
    QVERIFY(e.findNext(one));
    QVERIFY(e.replaceCurrent(one, QStringLiteral("let")));
    QCOMPARE(e.selectedText(), QStringLiteral("var"));
    QCOMPARE(e.text().left(4), QStringLiteral("let "));
    QVERIFY(e.syntaxErrors().isEmpty());
}

void TestEditing::findBarDrivesTheEditor() {
    CodeEditor e;
    FindBar bar;
    bar.setEditor(&e);
    e.setText(QStringLiteral("a.b.a.c\n"));
    e.SendScintilla(QsciScintillaBase::SCI_SETSEL, 4UL, 5L); // select the second `a`
    bar.showFind();
    QCOMPARE(bar.options().text, QStringLiteral("a"));
    QVERIFY(bar.findNext());
    QCOMPARE(int(e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)), 0); // wrapped
    bar.setFindText(QStringLiteral("zz"));
    QVERIFY(!bar.findNext());
    QCOMPARE(bar.status(), QStringLiteral("not found"));
    bar.setFindText(QStringLiteral("[ab]"));
    bar.setRegex(true);
    bar.setReplaceText(QStringLiteral("x"));
    QCOMPARE(bar.replaceAll(), 3);
    QCOMPARE(e.text(), QStringLiteral("x.x.x.c\n"));
    QCOMPARE(bar.status(), QStringLiteral("3 replaced"));
}

void TestEditing::syntaxErrorAppearsAndDisappears() {
    CodeEditor e;
    QSignalSpy changed(&e, &CodeEditor::syntaxErrorsChanged);
    e.setText(QStringLiteral("let x = 1;\n"));
    QVERIFY(e.syntaxErrors().isEmpty());
    // Delete the `1`: `let x = ;` is an error at the `;`.
    e.SendScintilla(QsciScintillaBase::SCI_DELETERANGE, (unsigned long)posOf(e, "1"), 1L);
    QCOMPARE(e.syntaxErrors().size(), 1);
    const Diagnostic d = e.syntaxErrors().first();
    QCOMPARE(d.line, 1);
    QCOMPARE(d.column, 9);
    QCOMPARE(d.message, QStringLiteral("syntax error: unexpected ';'"));
    const int semicolon = posOf(e, ";");
    QVERIFY(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, semicolon) != 0);
    QVERIFY(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, 0) == 0);
    QCOMPARE(e.diagnosticMessageAt(semicolon), d.message);
    QVERIFY(changed.count() >= 1);
    // Typing the value back fixes it and the underline goes.
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, (unsigned long)posOf(e, ";"));
    QTest::keyClicks(&e, QStringLiteral("2"));
    QVERIFY(e.syntaxErrors().isEmpty());
    for (int i = 0; i < e.text().size(); ++i)
        QCOMPARE(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i), 0L);
    QVERIFY(e.diagnosticMessageAt(posOf(e, ";")).isEmpty());
}

// Keystrokes before piled-up syntax errors: the errors move with the text and count as
// unchanged (no signal, no underline redrawn), and the underlines are where a fresh
// editor puts them. Each keystroke used to clear and redraw every error's underline.
void TestEditing::errorsFarFromAnEditStayPut() {
    CodeEditor e;
    e.setText(QStringLiteral("let a = 1;\nlet b = ;\nlet c = 2;\nlet d = ;\n"));
    QCOMPARE(e.syntaxErrors().size(), 2);
    QSignalSpy changed(&e, &CodeEditor::syntaxErrorsChanged);
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, (unsigned long)posOf(e, "1"));
    QTest::keyClicks(&e, QStringLiteral("23"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(e.syntaxErrors().size(), 2);
    QCOMPARE(e.syntaxErrors().at(0).column, 9);
    CodeEditor fresh;
    fresh.setText(e.text());
    QCOMPARE(e.syntaxErrors(), fresh.syntaxErrors());
    for (int i = 0; i < e.text().size(); ++i)
        QCOMPARE(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i) != 0,
                 sci(fresh, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i) != 0);
    const int semicolon = int(e.text().indexOf(QStringLiteral(" ;"))) + 1;
    QCOMPARE(e.diagnosticMessageAt(semicolon), QStringLiteral("syntax error: unexpected ';'"));
    // An edit at an error still redraws it: typing the value fixes the first one.
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, (unsigned long)semicolon);
    QTest::keyClicks(&e, QStringLiteral("5"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(e.syntaxErrors().size(), 1);
    fresh.setText(e.text());
    for (int i = 0; i < e.text().size(); ++i)
        QCOMPARE(sci(e, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i) != 0,
                 sci(fresh, QsciScintillaBase::SCI_INDICATORVALUEAT, 20, i) != 0);
}

void TestEditing::missingTokenIsReported() {
    CodeEditor e;
    e.setText(QStringLiteral("class A {\n  m() { return f(1; }\n}\n"));
    QList<Diagnostic> errors = e.syntaxErrors();
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().line, 2);
    QVERIFY2(errors.first().message.startsWith(QStringLiteral("syntax error:")),
             qPrintable(errors.first().message));
}

void TestEditing::compileDiagnostics() {
    CodeEditor e;
    e.setText(QStringLiteral("class A {\n  m() { return missing(); }\n}\nconst é = 1; q;\n"));
    Diagnostic err{2, 16, QStringLiteral("ReferenceError: missing is not defined"),
                   Diagnostic::Severity::Error, 0};
    // Column counts characters: after `é` (two bytes) column 14 is the `q`.
    Diagnostic warn{4, 14, QStringLiteral("q has no effect"), Diagnostic::Severity::Warning, 1};
    e.setDiagnostics({err, warn});
    const int missing = posOf(e, "missing");
    QCOMPARE(e.diagnosticMessageAt(missing), err.message);
    QCOMPARE(e.diagnosticMessageAt(missing + 6), err.message); // the whole word
    QVERIFY(e.diagnosticMessageAt(missing + 7).isEmpty());     // not the `(`
    QCOMPARE(e.diagnosticMessageAt(posOf(e, "q;")), warn.message);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 1)), 1 << 10);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 3)), 1 << 11);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 0)), 0);
    // Edits above move the underline and the marker with the text.
    e.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, 0UL, "// header\n");
    QCOMPARE(e.diagnosticMessageAt(posOf(e, "missing")), err.message);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 2)), 1 << 10);
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 1)), 0);
    e.clearDiagnostics();
    QVERIFY(e.diagnosticMessageAt(posOf(e, "missing")).isEmpty());
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_MARKERGET, 2)), 0);
}

void TestEditing::hoverShowsTheMessage() {
    CodeEditor e;
    e.resize(600, 300);
    e.show();
    QVERIFY(QTest::qWaitForWindowExposed(&e));
    e.setText(QStringLiteral("let x = ;\n"));
    const int semicolon = posOf(e, ";");
    Q_EMIT e.SCN_DWELLSTART(semicolon, 20, 5);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("syntax error: unexpected ';'"));
    Q_EMIT e.SCN_DWELLEND(semicolon, 20, 5);
    QTRY_VERIFY(!QToolTip::isVisible());
}

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"
