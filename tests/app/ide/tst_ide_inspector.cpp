// The Inspector's context menu, search and sorting (issue 15), driven as a user does: a
// row is right-clicked and an entry of its menu chosen, a query typed into the filter box,
// a field chosen to sort by. The program keeps running throughout.
#include "app/ide/constants.h"
#include "guitest.h"

#include <QClipboard>
#include <QListWidget>

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
};

QTEST_MAIN(TestIdeInspector)
#include "tst_ide_inspector.moc"
