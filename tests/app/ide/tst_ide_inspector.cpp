// The Inspector's context menu, search and sorting (issue 15), driven as a user does: a
// row is right-clicked and an entry of its menu chosen, a query typed into the filter box,
// a field chosen to sort by. The program keeps running throughout.
#include "app/ide/constants.h"
#include "guitest.h"

#include <QClipboard>
#include <QComboBox>
#include <QListWidget>
#include <QToolButton>

using namespace molt::ide;
using namespace molt::ide::test;

namespace {

const char* kItems = "class Item {\n"
                     "  constructor(name, price) {\n"
                     "    this.name = name;\n"
                     "    this.price = price;\n"
                     "    this.tags = ['a', name];\n"
                     "  }\n"
                     "  total(n) { return this.price * n; }\n"
                     "}\n"
                     "const items = [new Item('tea', 3), new Item('rice', 12)];\n"
                     "setInterval(() => items.forEach((i) => i.total(2)), 20);\n";

// The action `name` of the menu the Inspector shows for `index` of `view` (null: none).
QAction* menuAction(Inspector* in, QAbstractItemView* view, const QModelIndex& index,
                    const char* name, std::unique_ptr<QMenu>& menu) {
    menu.reset(in->contextMenu(view, index));
    return menu ? menu->findChild<QAction*>(QLatin1String(name)) : nullptr;
}

QModelIndex childNamed(ObjectTreeModel* m, const QModelIndex& parent, const QString& name) {
    for (int r = 0; r < m->rowCount(parent); ++r)
        if (m->index(r, ObjectTreeModel::Name, parent).data().toString() == name)
            return m->index(r, ObjectTreeModel::Name, parent);
    return {};
}

// Selects the class's row in the class view and waits for its instances.
bool showClass(Ide& ide, const QString& className, int rows) {
    Inspector* in = ide.window->inspector();
    ide.window->dock(Constants::kInspectorDock)->raise();
    QSignalSpy refreshed(in->classes(), &ClassListModel::refreshed);
    in->classes()->refresh();
    if (!refreshed.wait(10000)) return false;
    in->selectClass("main.js", className);
    return QTest::qWaitFor(
        [&] {
            return in->instances()->className() == className && in->instances()->rowCount() == rows;
        },
        10000);
}

// Each instance's summary, in the order the Instances list shows them.
QStringList summaries(Inspector* in) {
    QStringList out;
    for (int r = 0; r < in->instances()->rowCount(); ++r)
        out << in->instances()->index(r, InstanceListModel::Summary).data().toString();
    return out;
}

// Types into the filter box and waits until the instance list answers the query.
bool filterBy(Inspector* in, const QString& text, const std::function<bool()>& done) {
    in->filter()->clear();
    QTest::keyClicks(in->filter(), text);
    QTest::keyClick(in->filter(), Qt::Key_Return);
    return QTest::qWaitFor(done, 10000);
}

QLabel* pagerLabel(Inspector* in) {
    for (QLabel* l : in->findChildren<QLabel*>())
        if (l->text().contains("showing") || l->text().contains("has no field")) return l;
    return nullptr;
}

} // namespace

class TestIdeInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aClassRowFindsTheClassesReferencesAndOpensOne() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kItems}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Item", 2));
        Inspector* in = ide.window->inspector();
        QTableView* classes = in->classView();
        QModelIndex row = classes->currentIndex();
        std::unique_ptr<QMenu> menu;
        QAction* find = menuAction(in, classes, row, "findReferencesAction", menu);
        QVERIFY(find);
        find->trigger();
        QListWidget* list = in->references()->list();
        QCOMPARE(in->tabs()->currentWidget(), in->references());
        // The declaration and both `new Item`.
        QCOMPARE(list->count(), 3);
        QVERIFY2(list->item(0)->text().startsWith("main.js:1:7"),
                 qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(2)->text().startsWith("main.js:9:40"),
                 qPrintable(list->item(2)->text()));
        QVERIFY(list->item(2)->text().contains("new Item('rice', 12)"));
        // Clicking one opens the editor there.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(2)).center());
        QsciScintilla* e = ide.editor("main.js");
        int line = -1, index = -1;
        e->getCursorPosition(&line, &index);
        QCOMPARE(line, 8);
        QCOMPARE(index, 39);
    }

    void anInstanceRowInspectsAndCopies() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kItems}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Item", 2));
        Inspector* in = ide.window->inspector();
        QModelIndex second = in->instances()->index(1, InstanceListModel::Summary);
        uint32_t id = in->instances()->identityAt(1);
        std::unique_ptr<QMenu> menu;
        QAction* inspect = menuAction(in, in->instanceView(), second, "inspectAction", menu);
        QVERIFY(inspect);
        inspect->trigger();
        QCOMPARE(in->objectTree()->rootIdentity(), id);
        QAction* copy = menuAction(in, in->instanceView(), second, "copyValueAction", menu);
        QVERIFY(copy);
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), second.data().toString());
        QVERIFY2(QApplication::clipboard()->text().contains("'rice'"),
                 qPrintable(QApplication::clipboard()->text()));
    }

    void aFieldRowCopiesItsValueAndPathAndFindsItsUses() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kItems}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Item", 2));
        Inspector* in = ide.window->inspector();
        ObjectTreeModel* m = in->objectTree();
        in->inspectObject(in->instances()->identityAt(0), "Item");
        QModelIndex top = m->index(0, 0);
        QVERIFY(QTest::qWaitFor([&] { return childNamed(m, top, "tags").isValid(); }, 10000));
        QModelIndex tags = childNamed(m, top, "tags");
        in->objectView()->expand(tags);
        QVERIFY(QTest::qWaitFor([&] { return childNamed(m, tags, "[1]").isValid(); }, 10000));
        QModelIndex element = childNamed(m, tags, "[1]");
        std::unique_ptr<QMenu> menu;
        QAction* path = menuAction(in, in->objectView(), element, "copyExpressionAction", menu);
        QVERIFY(path);
        path->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString("this.tags[1]"));
        menuAction(in, in->objectView(), element, "copyValueAction", menu)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString("'tea'"));
        // An array's element is no field: no Find References; `price` is Item's field.
        QVERIFY(!menuAction(in, in->objectView(), element, "findReferencesAction", menu));
        QAction* uses = menuAction(in, in->objectView(), childNamed(m, top, "price"),
                                   "findReferencesAction", menu);
        QVERIFY(uses);
        QCOMPARE(uses->text(), QString("Find References to Item.price"));
        uses->trigger();
        QListWidget* list = in->references()->list();
        QCOMPARE(list->count(), 2); // the constructor's write, total()'s read
        QVERIFY(list->item(0)->text().startsWith("main.js:4:10"));
        QVERIFY(list->item(1)->text().startsWith("main.js:7:26"));
        QVERIFY(in->references()->title()->text().contains("Item.price: 2"));
        // The tags array itself can be inspected.
        QAction* inspect = menuAction(in, in->objectView(), tags, "inspectAction", menu);
        QVERIFY(inspect);
        uint32_t tagsId = tags.data(ObjectTreeModel::IdentityRole).toUInt();
        inspect->trigger();
        QCOMPARE(m->rootIdentity(), tagsId);
    }

    void anObjectsReferrersAreListedAndInspectable() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kItems}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Item", 2));
        Inspector* in = ide.window->inspector();
        QModelIndex first = in->instances()->index(0, InstanceListModel::Summary);
        std::unique_ptr<QMenu> menu;
        QAction* who = menuAction(in, in->instanceView(), first, "findReferrersAction", menu);
        QVERIFY(who);
        who->trigger();
        QListWidget* list = in->references()->list();
        // The `items` array holds it at [0].
        QVERIFY(QTest::qWaitFor([&] { return list->count() > 0; }, 10000));
        QCOMPARE(in->tabs()->currentWidget(), in->references());
        QListWidgetItem* array = nullptr;
        for (int r = 0; r < list->count(); ++r)
            if (list->item(r)->text().startsWith("Array #") &&
                list->item(r)->text().contains(" · [0]"))
                array = list->item(r);
        QVERIFY2(array, qPrintable(list->item(0)->text()));
        QVERIFY(in->references()->title()->text().contains("Objects that reference Item #"));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(array).center());
        uint32_t arrayId = array->data(ReferencesView::IdentityRole).toUInt();
        QCOMPARE(in->objectTree()->rootIdentity(), arrayId);
        QVERIFY(QTest::qWaitFor(
            [&] {
                ObjectTreeModel* m = in->objectTree();
                return m->rowCount(m->index(0, 0)) == 2;
            },
            10000));
    }

    void theFilterNarrowsClassesAndInstancesOfAHundredThousand() {
        Ide ide;
        const char* main = "class Point {\n"
                           "  constructor(n) { this.n = n; this.label = 'p' + (n % 1000); }\n"
                           "}\n"
                           "class Pair { constructor() { this.a = 1; } }\n"
                           "const points = [];\n"
                           "for (let i = 0; i < 100000; i++) points.push(new Point(i));\n"
                           "const pair = new Pair();\n"
                           "setInterval(() => {}, 20);\n";
        QVERIFY(ide.openFiles({{"main.js", main}}));
        QVERIFY(ide.runUntilRunning());
        Inspector* in = ide.window->inspector();
        QVERIFY(showClass(ide, "Point", int(Constants::kInstancePageSize)));
        // The top level may still be making them: ask again until all are there.
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (in->instances()->total() == 100000) return true;
                QTest::qWait(100);
                in->instances()->refresh();
                return false;
            },
            30000));
        QVERIFY(in->filter()->placeholderText().contains("field=value"));
        QVERIFY(in->filter()->placeholderText().contains("field:value"));
        // A class name narrows the classes.
        QVERIFY(filterBy(in, "pai", [&] { return in->classView()->model()->rowCount() == 1; }));
        QCOMPARE(in->classView()->model()->index(0, 0).data().toString(), QString("Pair"));
        QCOMPARE(in->instances()->className(), QString("Pair")); // it followed the selection
        // A class and field=value: the Point whose n prints as 99999.
        QVERIFY(filterBy(in, "Point n=99999", [&] { return in->instances()->matched() == 1; }));
        QCOMPARE(in->classView()->model()->rowCount(), 1);
        QCOMPARE(in->instances()->rowCount(), 1);
        QVERIFY2(summaries(in)[0].contains("n: 99999"), qPrintable(summaries(in)[0]));
        QVERIFY2(pagerLabel(in) && pagerLabel(in)->text().contains("showing 1 of 1 matching "
                                                                   "n=99999 (100000 instances)"),
                 qPrintable(pagerLabel(in) ? pagerLabel(in)->text() : "no label"));
        // A string field matches as itself, quoted or not.
        QVERIFY(filterBy(in, "label='p7'", [&] { return in->instances()->matched() == 100; }));
        QCOMPARE(in->classView()->model()->rowCount(), 2); // no class part: every class
        // field:value contains: p7, p70..p79, p700..p799 in each thousand.
        QVERIFY(filterBy(in, "label:P7", [&] { return in->instances()->matched() == 11100; }));
        QCOMPARE(in->instances()->rowCount(), int(Constants::kInstancePageSize));
        QCOMPARE(in->instances()->pageCount(),
                 (11100 + Constants::kInstancePageSize - 1) / Constants::kInstancePageSize);
        QVERIFY2(pagerLabel(in)->text().contains(
                     QString("showing %1 of 11100").arg(Constants::kInstancePageSize)),
                 qPrintable(pagerLabel(in)->text()));
        // A field the class lacks says so.
        QVERIFY(filterBy(in, "nope=1", [&] { return !in->instances()->error().isEmpty(); }));
        QCOMPARE(in->instances()->error(), QString("Point has no field 'nope'"));
        QCOMPARE(in->instances()->rowCount(), 0);
        QVERIFY(pagerLabel(in)->text().contains("Point has no field 'nope'"));
        // Clearing it shows every instance again.
        QVERIFY(filterBy(in, "", [&] { return in->instances()->matched() == 100000; }));
        QCOMPARE(int(ide.state()), int(ProgramState::Running));
    }

    void anotherClassShowsNoneOfThePreviousClasssRows() {
        Ide ide;
        QString main = QString(kItems) + "class Tag { constructor(t) { this.t = t; } }\n"
                                         "const tags = [new Tag('x')];\n";
        QVERIFY(ide.openFiles({{"main.js", main}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Item", 2));
        Inspector* in = ide.window->inspector();
        // The Tag page is asked for; until it arrives the list is empty, not Item's rows
        // under Tag's name.
        in->selectClass("main.js", "Tag");
        QCOMPARE(in->instances()->className(), QString("Tag"));
        QCOMPARE(in->instances()->rowCount(), 0);
        QVERIFY(QTest::qWaitFor([&] { return in->instances()->rowCount() == 1; }, 10000));
        QVERIFY2(summaries(in)[0].startsWith("Tag {"), qPrintable(summaries(in)[0]));
    }

    void sortByListsTheFieldsOfTheClassShownHoweverItWasChosen() {
        Ide ide;
        QVERIFY(ide.openFiles({{"main.js", kItems}}));
        QVERIFY(ide.runUntilRunning());
        QCOMPARE(inspectInstances(ide.window.get(), "main.js", "Item").size(), 2);
        QComboBox* sortBy = ide.window->inspector()->sortBy();
        QVERIFY(QTest::qWaitFor([&] { return sortBy->count() == 4; }, 10000));
        QCOMPARE(sortBy->itemText(0), QString("identity"));
        QCOMPARE(sortBy->itemText(2), QString("price"));
    }

    void instancesSortByAChosenFieldMixedTypesInAStatedOrder() {
        Ide ide;
        const char* main = "class Box {\n"
                           "  constructor(v, tag) { this.v = v; this.tag = tag; }\n"
                           "}\n"
                           "const boxes = [new Box(10, 'a'), new Box('b', 'b'), new Box(9, 'c'),\n"
                           "  new Box(null, 'd'), new Box(true, 'e'), new Box(undefined, 'f'),\n"
                           "  new Box('a', 'g'), new Box(10, 'h'), new Box(NaN, 'i'),\n"
                           "  new Box(-1.5, 'j'), new Box(false, 'k'), new Box([], 'l')];\n"
                           "setInterval(() => {}, 20);\n";
        QVERIFY(ide.openFiles({{"main.js", main}}));
        QVERIFY(ide.runUntilRunning());
        QVERIFY(showClass(ide, "Box", 12));
        Inspector* in = ide.window->inspector();
        QComboBox* sortBy = in->sortBy();
        QCOMPARE(sortBy->count(), 3); // identity, v, tag
        auto tags = [&] {
            QStringList out;
            for (const QString& s : summaries(in)) {
                QRegularExpressionMatch m = QRegularExpression("tag: '(\\w)'").match(s);
                out << m.captured(1);
            }
            return out.join("");
        };
        QCOMPARE(tags(), QString("abcdefghijkl")); // identity order
        // Numbers numerically (NaN after them), strings, booleans, objects, null, undefined;
        // the two 10s stay in identity order.
        QVERIFY(sortBy->findText("v") >= 0);
        sortBy->setCurrentIndex(sortBy->findText("v"));
        Q_EMIT sortBy->activated(sortBy->currentIndex());
        QVERIFY(QTest::qWaitFor([&] { return tags() == "jcahigbkeldf"; }, 10000));
        // Descending reverses the values, not the order of equal ones.
        QTest::mouseClick(in->descending(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return tags() == "fdlekbgiahcj"; }, 10000));
        QCOMPARE(in->descending()->arrowType(), Qt::DownArrow);
        // Sorting and filtering together; the filter holds across the sort.
        QVERIFY(filterBy(in, "tag:a", [&] { return in->instances()->matched() == 1; }));
        QCOMPARE(tags(), QString("a"));
        QVERIFY(filterBy(in, "", [&] { return in->instances()->matched() == 12; }));
        QCOMPARE(tags(), QString("fdlekbgiahcj"));
    }
};

QTEST_MAIN(TestIdeInspector)
#include "tst_ide_inspector.moc"
