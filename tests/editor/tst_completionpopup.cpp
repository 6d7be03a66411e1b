// Completion in the editor widget: the list opens after `this.` and after three identifier
// characters, and on Ctrl+Space; Up/Down move, Return and Tab insert, Escape closes; typing
// on narrows it; never inside a string.
#include "editortestutil.h"

#include <QTest>

using namespace molt::editor;
using namespace molt::editor::test;

namespace {

const char* kSource = R"(class Counter {
  count = 0;
  constructor() { this.step = 1; }
  increment() {
    
  }
  reset() {}
}
)";

// The 0-based row of the list's selection.
int selectedRow(const CodeEditor& e) {
    return int(sci(e, QsciScintillaBase::SCI_AUTOCGETCURRENT));
}

int rowOf(const CompletionResult& r, const QString& name) {
    for (int i = 0; i < r.items.size(); ++i)
        if (r.items[i].text == name) return i;
    return -1;
}

// An editor with kSource, the cursor on the empty line of increment().
void openAtEmptyLine(CodeEditor& e) {
    e.show();
    e.setText(QString::fromUtf8(kSource));
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, posOf(e, "\n  }", 0));
}

} // namespace

class TestCompletionPopup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thisDotPicksAField();
    void typingNarrowsAndTabInserts();
    void escapeCloses();
    void ctrlSpaceOpensNamesInScope();
    void notInsideAString();
};

void TestCompletionPopup::thisDotPicksAField() {
    CodeEditor e;
    openAtEmptyLine(e);
    QTest::keyClicks(&e, QStringLiteral("this."));
    QVERIFY(e.isCompletionListShown());
    const CompletionResult r = e.completionsAt();
    const int step = rowOf(r, QStringLiteral("step"));
    QVERIFY(step > 0);
    QCOMPARE(r.items[step].kind, CompletionKind::Field);
    QCOMPARE(selectedRow(e), 0);
    for (int i = 0; i < step; ++i)
        QTest::keyClick(&e, Qt::Key_Down);
    QCOMPARE(selectedRow(e), step);
    QTest::keyClick(&e, Qt::Key_Return);
    QVERIFY(!e.isCompletionListShown());
    QVERIFY(e.text().contains(QStringLiteral("  increment() {\n    this.step\n  }")));
    QCOMPARE(int(sci(e, QsciScintillaBase::SCI_GETCURRENTPOS)), posOf(e, "this.step", 1, 9));
    // One undo step takes the insertion back.
    e.undo();
    QVERIFY(e.text().contains(QStringLiteral("  increment() {\n    this.\n  }")));
}

void TestCompletionPopup::typingNarrowsAndTabInserts() {
    CodeEditor e;
    openAtEmptyLine(e);
    QTest::keyClicks(&e, QStringLiteral("this.re"));
    QVERIFY(e.isCompletionListShown());
    QCOMPARE(e.completionsAt().items.first().text, QStringLiteral("reset"));
    QTest::keyClick(&e, Qt::Key_Backspace);
    QTest::keyClick(&e, Qt::Key_Backspace);
    QVERIFY(e.isCompletionListShown()); // back to every member
    QTest::keyClicks(&e, QStringLiteral("inc"));
    QVERIFY(e.isCompletionListShown());
    QCOMPARE(selectedRow(e), 0);
    QTest::keyClick(&e, Qt::Key_Tab);
    QVERIFY(e.text().contains(QStringLiteral("    this.increment\n")));
}

void TestCompletionPopup::escapeCloses() {
    CodeEditor e;
    openAtEmptyLine(e);
    QTest::keyClicks(&e, QStringLiteral("cons"));
    QVERIFY(e.isCompletionListShown()); // three characters: console, const, constructor...
    QTest::keyClick(&e, Qt::Key_Escape);
    QVERIFY(!e.isCompletionListShown());
    QTest::keyClicks(&e, QStringLiteral("o"));
    QVERIFY(!e.isCompletionListShown()); // not again on the same word
    QTest::keyClick(&e, Qt::Key_Return);
    QVERIFY(e.text().contains(QStringLiteral("    conso\n")));
}

void TestCompletionPopup::ctrlSpaceOpensNamesInScope() {
    CodeEditor e;
    openAtEmptyLine(e);
    e.setAutoCompletion(false);
    QTest::keyClicks(&e, QStringLiteral("Cou"));
    QVERIFY(!e.isCompletionListShown());
    QTest::keyClick(&e, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(e.isCompletionListShown());
    QTest::keyClick(&e, Qt::Key_Return);
    QVERIFY(e.text().contains(QStringLiteral("    Counter\n")));
}

void TestCompletionPopup::notInsideAString() {
    CodeEditor e;
    openAtEmptyLine(e);
    QTest::keyClicks(&e, QStringLiteral("const s = \"this."));
    QVERIFY(!e.isCompletionListShown());
    QTest::keyClicks(&e, QStringLiteral("cons"));
    QVERIFY(!e.isCompletionListShown());
    QTest::keyClick(&e, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(!e.isCompletionListShown());
}

QTEST_MAIN(TestCompletionPopup)
#include "tst_completionpopup.moc"
