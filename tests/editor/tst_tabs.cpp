// Editor tabs (open, modified marker, save, close) and the read-only TextView.
#include "editor/editortabs.h"
#include "editortestutil.h"
#include "editor/textview.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace molt::editor;
using namespace molt::editor::test;

namespace {

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestTabs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modifiedMarkerAndSave();
    void openingTwiceReusesTheEditor();
    void closeAndErrors();
    void themeAndFontReachEveryEditor();
    void textViewDiffAndJson();
};

void TestTabs::modifiedMarkerAndSave() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("app.js"));
    QVERIFY(writeFile(path, "let a = 1;\r\n"));
    EditorTabs tabs;
    QSignalSpy modified(&tabs, &EditorTabs::modificationChanged);
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    CodeEditor* e = tabs.openFile(path);
    QVERIFY(e);
    QCOMPARE(tabs.tabText(0), QStringLiteral("app.js"));
    QVERIFY(!e->isModified());
    QCOMPARE(e->text(), QStringLiteral("let a = 1;\n")); // line ends normalized on load
    e->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 0UL);
    QTest::keyClicks(e, QStringLiteral("x"));
    QCOMPARE(tabs.tabText(0), QStringLiteral("app.js*"));
    QCOMPARE(modified.count(), 1);
    QVERIFY(tabs.hasModifiedFiles());
    QVERIFY(tabs.saveCurrent());
    QCOMPARE(tabs.tabText(0), QStringLiteral("app.js"));
    QCOMPARE(readFile(path), QByteArray("xlet a = 1;\n"));
    QCOMPARE(saved.count(), 1);
    // Undo past the save point is a modification again; redo returns to it.
    e->undo();
    QCOMPARE(tabs.tabText(0), QStringLiteral("app.js*"));
    e->redo();
    QCOMPARE(tabs.tabText(0), QStringLiteral("app.js"));
    QVERIFY(!tabs.hasModifiedFiles());
}

void TestTabs::openingTwiceReusesTheEditor() {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.js"));
    const QString b = dir.filePath(QStringLiteral("b.js"));
    QVERIFY(writeFile(a, "class A {}\n"));
    QVERIFY(writeFile(b, "class B {}\n"));
    EditorTabs tabs;
    QSignalSpy current(&tabs, &EditorTabs::currentEditorChanged);
    CodeEditor* ea = tabs.openFile(a);
    CodeEditor* eb = tabs.openFile(b);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentEditor(), eb);
    QCOMPARE(tabs.openFile(dir.path() + QStringLiteral("/./a.js")), ea);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentEditor(), ea);
    QCOMPARE(tabs.editorFor(b), eb);
    QCOMPARE(tabs.openFiles().size(), 2);
    QVERIFY(current.count() >= 3);
    QCOMPARE(current.last().at(0).value<CodeEditor*>(), ea);
}

void TestTabs::closeAndErrors() {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.js"));
    QVERIFY(writeFile(a, "class A {}\n"));
    EditorTabs tabs;
    QString error;
    QVERIFY(!tabs.openFile(dir.filePath(QStringLiteral("missing.js")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(tabs.count(), 0);
    CodeEditor* e = tabs.openFile(a);
    QSignalSpy closeRequested(&tabs, &EditorTabs::closeRequested);
    QSignalSpy closed(&tabs, &EditorTabs::fileClosed);
    e->SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, 0UL, "x");
    Q_EMIT tabs.tabCloseRequested(0); // the tab's close button on a modified file: ask first
    QCOMPARE(closeRequested.count(), 1);
    QCOMPARE(tabs.count(), 1);
    QVERIFY(tabs.closeFile(a));
    QCOMPARE(tabs.count(), 0);
    QCOMPARE(closed.count(), 1);
    QCOMPARE(tabs.currentEditor(), nullptr);
    // The closed file is still indexed, from disk.
    QCOMPARE(tabs.symbolIndex()->find(QStringLiteral("A")).size(), 1);
}

void TestTabs::themeAndFontReachEveryEditor() {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.js"));
    QVERIFY(writeFile(a, "class A {}\n"));
    EditorTabs tabs;
    tabs.setTheme(Theme::dark());
    tabs.setEditorFont(QStringLiteral("DejaVu Sans Mono"), 13);
    CodeEditor* e = tabs.openFile(a);
    QCOMPARE(e->theme().name, QStringLiteral("dark"));
    QCOMPARE(e->fontSize(), 13);
    tabs.setTheme(Theme::light());
    QCOMPARE(e->theme().name, QStringLiteral("light"));
}

void TestTabs::textViewDiffAndJson() {
    TextView v;
    v.setContent(QStringLiteral("--- a/x.js\n+++ b/x.js\n@@ -1 +1 @@\n-old\n+new\n"),
                 TextView::Kind::Diff);
    QVERIFY(v.isReadOnly());
    QVERIFY(v.lexer());
    v.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, -1L);
    auto styleAtLine = [&](int line) {
        return int(v.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT,
                                   (unsigned long)v.positionFromLineIndex(line, 0)));
    };
    QCOMPARE(styleAtLine(3), int(QsciLexerDiff::LineRemoved));
    QCOMPARE(styleAtLine(4), int(QsciLexerDiff::LineAdded));
    QCOMPARE(v.lexer()->color(QsciLexerDiff::LineAdded), Theme::light().diffAdded);
    v.setTheme(Theme::dark());
    QCOMPARE(v.lexer()->color(QsciLexerDiff::LineAdded), Theme::dark().diffAdded);
    QCOMPARE(v.lexer()->paper(QsciLexerDiff::LineAdded), Theme::dark().background);

    v.setContent(QStringLiteral("{\"instances\": 3, \"ok\": true}\n"), TextView::Kind::Json);
    QVERIFY(qobject_cast<QsciLexerJSON*>(v.lexer()));
    QCOMPARE(v.text(), QStringLiteral("{\"instances\": 3, \"ok\": true}\n"));
    QCOMPARE(v.lexer()->color(QsciLexerJSON::Number),
             Theme::dark().colorFor(QStringLiteral("number")));
    v.setContent(QStringLiteral("plain"), TextView::Kind::Plain);
    QVERIFY(!v.lexer());
    QVERIFY(v.isReadOnly());
}

QTEST_MAIN(TestTabs)
#include "tst_tabs.moc"
