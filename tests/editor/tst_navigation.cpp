// The outline model, the symbol index and go-to-definition (within a file and across two).
#include "editor/editortabs.h"
#include "editortestutil.h"
#include "editor/outlinemodel.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace molt::editor;
using namespace molt::editor::test;

namespace {

const char* kShop = R"(class Product {
  price = 0;
  static count = 0;
  constructor(name) {
    this.name = name;
    this.price = 1;
    const f = function () { this.notAField = 1; };
    const g = () => { this.tags = []; };
  }
  total(n) { return this.price * n; }
  static make() { return new Product("x"); }
}

class Cart extends Product {
  add(p) { this.items = [p]; return this.total(1); }
}

function helper() { return new Cart(); }
)";

QString describe(const OutlineModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) {
        QModelIndex c = m.index(r, 0);
        QStringList kids;
        for (int k = 0; k < m.rowCount(c); ++k) {
            QModelIndex i = m.index(k, 0, c);
            kids << QStringLiteral("%1 %2@%3")
                        .arg(OutlineModel::kindName(
                                 SymbolKind(i.data(OutlineModel::KindRole).toInt())),
                             i.data().toString())
                        .arg(i.data(OutlineModel::LineRole).toInt());
        }
        out << QStringLiteral("%1 %2@%3 [%4]")
                   .arg(OutlineModel::kindName(SymbolKind(c.data(OutlineModel::KindRole).toInt())),
                        c.data(OutlineModel::NameRole).toString())
                   .arg(c.data(OutlineModel::LineRole).toInt())
                   .arg(kids.join(QStringLiteral(", ")));
    }
    return out.join(u'\n');
}

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestNavigation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outlineOfClasses();
    void outlineFollowsEdits();
    void outlineRefreshesAfterTyping();
    void goToDefinitionInFile();
    void goToDefinitionAcrossFiles();
    void indexDirectoryFindsClosedFiles();
};

void TestNavigation::outlineOfClasses() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kShop));
    e.refreshAnalysis();
    QCOMPARE(describe(*e.outlineModel()),
             QStringLiteral("class Product@1 [field price@2, field static count@3, field name@5, "
                            "field tags@8, method total()@10, method static make()@11]\n"
                            "class Cart@14 [method add()@15, field items@15]\n"
                            "function helper@18 []"));
    QCOMPARE(e.outlineModel()->columnCount(), 1);
    QVERIFY(!e.outlineModel()->parent(e.outlineModel()->index(0, 0)).isValid());
    QModelIndex field = e.outlineModel()->index(0, 0, e.outlineModel()->index(0, 0));
    QCOMPARE(e.outlineModel()->parent(field), e.outlineModel()->index(0, 0));
    QCOMPARE(field.data(OutlineModel::NameRole).toString(), QStringLiteral("price"));
}

void TestNavigation::outlineFollowsEdits() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kShop));
    e.refreshAnalysis();
    OutlineModel* m = e.outlineModel();
    QSignalSpy resets(m, &QAbstractItemModel::modelReset);
    QSignalSpy changes(m, &QAbstractItemModel::dataChanged);
    // A line above everything: same definitions, new lines -> dataChanged, no reset.
    e.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, 0UL, "// shop\n");
    e.refreshAnalysis();
    QCOMPARE(resets.count(), 0);
    QVERIFY(changes.count() >= 3);
    QCOMPARE(m->index(1, 0).data(OutlineModel::LineRole).toInt(), 15);
    // A new method: the model resets and lists it.
    e.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, (unsigned long)posOf(e, "  add(p)"),
                    "  remove(p) { this.removed = p; }\n");
    e.refreshAnalysis();
    QCOMPARE(resets.count(), 1);
    QVERIFY(describe(*m).contains(QStringLiteral(
        "class Cart@15 [method remove()@16, field removed@16, method add()@17, field items@17]")));
    // Renaming a class.
    FindOptions o;
    o.text = QStringLiteral("Cart");
    o.caseSensitive = true;
    e.replaceAll(o, QStringLiteral("Basket"));
    e.refreshAnalysis();
    QCOMPARE(m->index(1, 0).data(OutlineModel::NameRole).toString(), QStringLiteral("Basket"));
}

void TestNavigation::outlineRefreshesAfterTyping() {
    CodeEditor e;
    e.setAnalysisDelay(10);
    QSignalSpy updated(&e, &CodeEditor::outlineUpdated);
    e.setText(QStringLiteral("class A {}\n"));
    QTRY_COMPARE(e.outlineModel()->rowCount(), 1);
    e.SendScintilla(QsciScintillaBase::SCI_GOTOPOS, (unsigned long)posOf(e, "{}", 0, 1));
    QTest::keyClicks(&e, QStringLiteral(" run() {} "));
    QTRY_COMPARE(e.outlineModel()->rowCount(e.outlineModel()->index(0, 0)), 1);
    QVERIFY(updated.count() >= 2);
}

void TestNavigation::goToDefinitionInFile() {
    CodeEditor e;
    e.setText(QString::fromUtf8(kShop));
    QSignalSpy requested(&e, &CodeEditor::definitionRequested);
    // `this.total(1)` in Cart -> Product.total (line 10), found in this file: a direct jump.
    QVERIFY(e.goToDefinition(posOf(e, "total(1)", 0, 2)));
    int line = 0, index = 0;
    e.getCursorPosition(&line, &index);
    QCOMPARE(line, 9);
    QCOMPARE(index, 2);
    QCOMPARE(requested.count(), 0);
    // `new Cart()` -> the class, not a method or field.
    QList<SymbolLocation> defs = e.definitionsAt(posOf(e, "Cart()"));
    QVERIFY(!defs.isEmpty());
    QCOMPARE(defs.first().kind, SymbolKind::Class);
    QCOMPARE(defs.first().line, 14);
    // `this.price` -> the field.
    defs = e.definitionsAt(posOf(e, "price * n", 0, 1));
    QCOMPARE(defs.first().kind, SymbolKind::Field);
    QCOMPARE(defs.first().line, 2);
    // Keywords and unknown names have no definition.
    QVERIFY(!e.goToDefinition(posOf(e, "return")));
    QVERIFY(e.definitionsAt(posOf(e, "n;")).isEmpty());
}

void TestNavigation::goToDefinitionAcrossFiles() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString animal = dir.filePath(QStringLiteral("animal.js"));
    const QString zoo = dir.filePath(QStringLiteral("zoo.js"));
    QVERIFY(writeFile(animal, "// animals\n\nclass Animal {\n  speak() { return 'hi'; }\n}\n"
                              "module.exports = { Animal };\n"));
    QVERIFY(writeFile(zoo, "const { Animal } = require('./animal');\nconst a = new Animal();\n"
                           "a.speak();\n"));
    EditorTabs tabs;
    CodeEditor* animalEditor = tabs.openFile(animal);
    CodeEditor* zooEditor = tabs.openFile(zoo);
    QVERIFY(animalEditor && zooEditor);
    QCOMPARE(tabs.currentEditor(), zooEditor);
    QSignalSpy requested(zooEditor, &CodeEditor::definitionRequested);
    QSignalSpy opened(&tabs, &EditorTabs::definitionOpened);

    QVERIFY(zooEditor->goToDefinition(posOf(*zooEditor, "Animal()", 0, 3)));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), animalEditor->filePath());
    QCOMPARE(requested.first().at(1).toInt(), 3);
    QCOMPARE(requested.first().at(2).toInt(), 7);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(tabs.currentEditor(), animalEditor);
    int line = 0, index = 0;
    animalEditor->getCursorPosition(&line, &index);
    QCOMPARE(line, 2);
    QCOMPARE(index, 6);

    // A method across files, and an unsaved edit in the other file is what counts.
    animalEditor->SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, 0UL, "\n\n");
    animalEditor->refreshAnalysis();
    QVERIFY(zooEditor->goToDefinition(posOf(*zooEditor, "speak")));
    QCOMPARE(requested.last().at(1).toInt(), 6);
    animalEditor->getCursorPosition(&line, &index);
    QCOMPARE(line, 5);
}

void TestNavigation::indexDirectoryFindsClosedFiles() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lib")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("node_modules/x")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("lib/money.js")),
                      "class Money {\n  plus(o) { return o; }\n}\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("node_modules/x/money.js")), "class Money {}\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.js")), "const m = new Money();\n"));
    EditorTabs tabs;
    QCOMPARE(tabs.symbolIndex()->indexDirectory(dir.path()), 2);
    QCOMPARE(tabs.symbolIndex()->find(QStringLiteral("Money")).size(), 1);
    CodeEditor* main = tabs.openFile(dir.filePath(QStringLiteral("main.js")));
    QSignalSpy opened(&tabs, &EditorTabs::definitionOpened);
    QVERIFY(main->goToDefinition(posOf(*main, "Money")));
    QCOMPARE(opened.count(), 1);
    QVERIFY(opened.first().at(0).toString().endsWith(QStringLiteral("lib/money.js")));
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentEditor()->filePath(), opened.first().at(0).toString());
}

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
