// The meta-object protocol of DESIGN.md §4, one test (or more) per operation, from C++
// and through the hosted `Molt` global.
#include "runtime/exec/mop.h"
#include "testutil.h"
#include "runtime/core/vm.h"

#include <QtTest>

using namespace molt;

namespace {

// Loads a program into a VM and keeps the VM for inspection.
struct Loaded {
    VM vm;
    test::RunResult r;
    explicit Loaded(const std::string& source) {
        test::capture(vm, r);
        r.exitCode = vm.runSource("mop.js", source);
    }
    Value binding(const std::string& name) {
        Module* m = vm.mainModule();
        return m->slots[m->slotByName.at(name)];
    }
    Class* cls(const std::string& name) { return as<Class>(binding(name)); }
};

const char* kProgram = R"(
class Shape { constructor(name) { this.name = name; } area() { return 0; } }
class Rect extends Shape {
  w = 1; h = 1;
  constructor(name, w, h) { super(name); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
  get wide() { return this.w > this.h; }
  static unit() { return new Rect("unit", 1, 1); }
}
Rect.made = 0;
const shapes = [new Rect("a", 2, 3), new Rect("b", 4, 1), new Shape("c")];
const byShape = new Map();
for (const s of shapes) byShape.set(s, s.name);
const first = shapes[0];
const getFirst = () => first;
)";

} // namespace

class TestMop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readClassDefinitionDescribesTheClass() {
        Loaded l(kProgram);
        QCOMPARE(l.r.exitCode, 0);
        ClassDefinition def = readClassDefinition(l.vm, l.cls("Rect"));
        QCOMPARE(QString::fromStdString(def.name), QString("Rect"));
        QCOMPARE(def.superclass, l.cls("Shape"));
        QCOMPARE(def.ownFields, (std::vector<std::string>{"w", "h"}));
        QVERIFY(def.methods.count(l.vm.intern("area")));
        QVERIFY(def.getters.count(l.vm.intern("wide")));
        QVERIFY(def.staticMethods.count(l.vm.intern("unit")));
        QCOMPARE(def.statics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(def.statics[0].first), QString("made"));
    }

    void createClassBuildsTheLayoutOnTheSuperclass() {
        Loaded l(kProgram);
        ClassDefinition def = readClassDefinition(l.vm, l.cls("Rect"));
        def.name = "Rect2";
        def.ownFields = {"w", "h", "depth"};
        Class* c = createClass(l.vm, def);
        Root keep(l.vm.heap, Value::object(c));
        QCOMPARE(c->fields.size(), size_t(4)); // name (inherited), w, h, depth
        QCOMPARE(std::string(c->fields[0]->view()), std::string("name"));
        QCOMPARE(c->findSlot(l.vm.intern("depth")), 3);
        QVERIFY(!l.vm.lookupMethod(c, l.vm.intern("area")).isEmpty());
        QVERIFY(c->getters.count(l.vm.intern("wide")));
    }

    void readAndWriteInstanceVariables() {
        Loaded l(kProgram);
        Value first = l.binding("first");
        Value w = readInstanceVariable(l.vm, first, "w");
        QCOMPARE(w.asNumber(), 2.0);
        QVERIFY(!writeInstanceVariable(l.vm, first, "w", Value::integer(10)).isException());
        QCOMPARE(readInstanceVariable(l.vm, first, "w").asNumber(), 10.0);
        QVERIFY(readInstanceVariable(l.vm, first, "nope").isException());
        Value err = l.vm.takePendingException();
        QVERIFY(l.vm.instanceOf(err, l.vm.typeErrorClass));
    }

    void allInstancesIsExactAndExcludesGarbage() {
        Loaded l(kProgram + std::string("for (let i = 0; i < 100; i++) new Rect('tmp', i, i);\n"));
        QCOMPARE(allInstances(l.vm, l.cls("Rect")).size(), size_t(2));
        QCOMPARE(allInstances(l.vm, l.cls("Shape")).size(), size_t(1));
        QCOMPARE(allInstances(l.vm, l.cls("Shape"), true).size(), size_t(3));
    }

    void cloneAndReplaceNamespace() {
        Loaded l(kProgram);
        Module* m = l.vm.mainModule();
        Module* copy = cloneNamespace(l.vm, m);
        Root keep(l.vm.heap, Value::object(copy));
        QCOMPARE(copy->slots.size(), m->slots.size());
        copy->slots[copy->slotByName.at("first")] = Value::integer(7);
        QVERIFY(l.binding("first").isObject()); // the original is untouched
        replaceNamespace(l.vm, m, copy);
        QCOMPARE(l.binding("first").asNumber(), 7.0);
    }

    void swapObjectsForwardsEveryReference() {
        Loaded l(kProgram);
        Value oldFirst = l.binding("first");
        uint32_t identity = l.vm.heap.identityOf(oldFirst.asObject());
        Value replacement = l.vm.newInstance(l.cls("Rect"));
        Root keep(l.vm.heap, replacement);
        as<Instance>(replacement)->slots[0] = l.vm.str("swapped");
        QVERIFY(swapObjects(l.vm, {oldFirst.asObject()}, {replacement.asObject()}).ok());
        // Module binding, array element, Map key, closure upvalue: all reach the new object.
        QCOMPARE(l.binding("first"), replacement);
        Array* shapes = as<Array>(l.binding("shapes"));
        QCOMPARE(shapes->elements[0], replacement);
        auto* map = as<MapObj>(l.binding("byShape"));
        QVERIFY(map->index.count(replacement));
        QVERIFY(!map->index.count(oldFirst));
        Value got = l.vm.call(l.binding("getFirst"), Value::undefined(), nullptr, 0);
        QCOMPARE(got, replacement);
        QCOMPARE(l.vm.heap.identityOf(replacement.asObject()), identity);
        QVERIFY(l.vm.heap.verify().empty());
    }

    void swapObjectsRejectsBadInputWithoutChanges() {
        Loaded l(kProgram);
        Value first = l.binding("first");
        Value other = l.vm.newInstance(as<Instance>(first)->klass);
        Root keepOther(l.vm.heap, other);
        std::string before = heapDigest(l.vm);
        auto refusal = [](const Result<void>& r) {
            return r.ok() ? QString("accepted") : QString::fromStdString(r.error().message());
        };
        QCOMPARE(refusal(swapObjects(l.vm, {first.asObject()}, {})),
                 QString("swapObjects: the two lists differ in length"));
        QCOMPARE(refusal(swapObjects(l.vm, {first.asObject(), first.asObject()},
                                     {l.vm.newRecord(), l.vm.newRecord()})),
                 QString("swapObjects: objects of different kinds"));
        QCOMPARE(refusal(swapObjects(l.vm, {first.asObject(), first.asObject()},
                                     {other.asObject(), other.asObject()})),
                 QString("swapObjects: an object appears twice"));
        QCOMPARE(QString::fromStdString(heapDigest(l.vm)), QString::fromStdString(before));
    }

    void heapDigestSeesFieldChanges() {
        Loaded l(kProgram);
        std::string a = heapDigest(l.vm);
        QCOMPARE(QString::fromStdString(heapDigest(l.vm)), QString::fromStdString(a));
        writeInstanceVariable(l.vm, l.binding("first"), "h", Value::integer(99));
        QVERIFY(heapDigest(l.vm) != a);
    }

    void moltGlobalMirrorsTheMop() {
        test::RunResult r = test::run(std::string(kProgram) + R"(
            console.log(Molt.allInstances(Rect).length, Molt.classOf(first) === Rect);
            console.log(Molt.readInstanceVariable(first, "w"));
            Molt.writeInstanceVariable(first, "w", 5);
            console.log(first.area());
            const def = Molt.readClassDefinition(Rect);
            console.log(def.name, def.superclass === Shape, def.fields.join(","), def.layout.join(","));
            console.log(def.methods.join(","), def.getters.join(","), def.staticMethods.join(","));
            console.log(typeof Molt.identityOf(first), Molt.identityOf(first) === Molt.identityOf(shapes[0]));
            console.log(JSON.stringify(Molt.checkHeap()));
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            QString::fromStdString(r.out),
            QString("2 true\n2\n15\nRect true w,h name,w,h\narea wide unit\nnumber true\n\"\"\n"));
    }
};

QTEST_APPLESS_MAIN(TestMop)
#include "tst_mop.moc"
