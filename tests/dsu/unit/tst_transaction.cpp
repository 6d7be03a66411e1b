// The DSU core from C++: operations, policies, validations, rollback at every phase with
// the heap digest unchanged, identity across the swap, hierarchy propagation, class-side
// and module-level state, safe points, GC stress, and a randomized property test.
#include "dsu/commit/transaction.h"
#include "dsu/commit/version.h"
#include "runtime/exec/mop.h"
#include "runtime/exec/scheduler.h"
#include "testutil.h"

#include <QtTest>
#include <map>
#include <random>

using namespace molt;
using namespace molt::dsu;

namespace {

struct Program {
    VM vm;
    test::RunResult r;
    explicit Program(const std::string& source, bool stress = false) {
        test::capture(vm, r);
        vm.heap.setStressMode(stress);
        r.exitCode = vm.runSource("app.js", source);
    }
    Value get(const std::string& name) {
        Module* m = vm.mainModule();
        return m->slots[m->slotByName.at(name)];
    }
    Value eval(const std::string& expr) {
        Result<Value> evaluated = vm.evaluate(vm.mainModule(), expr);
        Value v = evaluated ? evaluated.value() : Value::exception();
        if (v.isException()) {
            std::string why = !evaluated ? evaluated.error().format()
                              : vm.hasPendingException()
                                  ? vm.describeUncaught(vm.takePendingException())
                                  : "no exception pending";
            qWarning("eval failed: %s: %s", expr.c_str(), why.c_str());
        }
        return v;
    }
    std::string show(const std::string& expr) {
        Value v = eval(expr);
        return isString(v) ? std::string(asString(v)->view()) : vm.inspect(v);
    }
};

const char* kShop = R"(
class Product {
  constructor(name, price) { this.name = name; this.price = price; }
  label() { return this.name + ":" + this.price; }
}
class Gadget extends Product {
  constructor(name, price, watts) { super(name, price); this.watts = watts; }
  label() { return super.label() + "/" + this.watts + "W"; }
}
class Order { constructor(items) { this.items = items; this.note = null; } }
Product.featured = null;
const tea = new Product("tea", 4);
const kettle = new Gadget("kettle", 30, 2000);
const items = [tea, kettle, new Product("mug", 12)];
const order = new Order(items);
const byProduct = new Map([[tea, "t"], [kettle, "k"]]);
const seen = new Set([tea]);
const record = { best: kettle };
const getTea = () => tea;
Product.featured = kettle;
order.note = { about: tea };
const teaId = Molt.identityOf(tea), kettleId = Molt.identityOf(kettle);
const fortyTwo = () => 42;
function bigLabel() { return "BIG " + this.name; }
)";

} // namespace

class TestTransaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A thread suspended by an uncaught exception (Scheduler::setSuspendOnUncaught) never
    // blocks an update; a restarted frame runs the new code, and a frame above one whose
    // code changed cannot be restarted (it would return into replaced code).
    void aSuspendedThreadTakesTheFixOnRestart_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("refusedDepth"); // -1: none
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("log");
        QTest::newRow("fix the throwing method")
            << "throw new Error(\"bad step \" + n);" << "log.push(\"fixed \" + n);" << -1 << 0
            << "fixed 2,ok 2,done 3";
        QTest::newRow("fix its caller")
            << "return new Step().run(n) + 1;" << "return new Step().run(n - 1) + 10;" << 0 << 1
            << "ok 1,done 11";
    }
    void aSuspendedThreadTakesTheFixOnRestart() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, refusedDepth);
        QFETCH(int, depth);
        QFETCH(QString, log);
        const std::string v1 = R"(const log = [];
class Step { run(n) { if (n > 1) { throw new Error("bad step " + n); } log.push("ok " + n); return n; } }
class Job { go(n) { return new Step().run(n) + 1; } }
function start() { const r = new Job().go(2); log.push("done " + r); }
start();
)";
        std::string v2 = v1;
        v2.replace(v2.find(from.toStdString()), from.size(), to.toStdString());
        VM vm;
        test::RunResult out;
        test::capture(vm, out);
        std::vector<Thread*> suspended;
        vm.scheduler().setSuspendOnUncaught(true);
        vm.scheduler().onSuspended = [&](Thread* t) { suspended.push_back(t); };
        QCOMPARE(vm.runSource("app.js", v1), 0);
        QCOMPARE(suspended.size(), size_t(1));
        UpdateReport r;
        {
            VersionUpdate update(vm);
            NewVersion next;
            next.files.push_back({"app.js", v2});
            Result<void> prepared = update.prepare(next, {});
            QVERIFY2(prepared.ok(), prepared ? "" : prepared.error().message().c_str());
            r = update.commit();
            QVERIFY_HEAP(vm);
        }
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        Thread* t = suspended[0];
        if (refusedDepth >= 0) {
            Result<void> refused = vm.scheduler().restartFrame(t, size_t(refusedDepth));
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().message().find("restart that frame or a lower one") !=
                    std::string::npos);
        }
        Result<void> restarted = vm.scheduler().restartFrame(t, size_t(depth));
        QVERIFY2(restarted.ok(), restarted ? "" : restarted.error().message().c_str());
        QCOMPARE(vm.runEventLoop(), 0);
        QCOMPARE(suspended.size(), size_t(1));
        Result<Value> shown = vm.evaluate(vm.mainModule(), "log.join()");
        QVERIFY(shown.ok() && isString(shown.value()));
        QCOMPARE(QString::fromStdString(std::string(asString(shown.value())->view())), log);
        QVERIFY_HEAP(vm);
    }

    void addFieldMigratesEveryInstanceKeepingIdentity() {
        Program p(kShop);
        QCOMPARE(p.r.exitCode, 0);
        Transaction tx(p.vm);
        QVERIFY(
            tx.addInstanceVariable("Product", "currency", FieldPolicy::constant(p.vm.istr("EUR"))));
        UpdateReport report = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(report.committed(), report.rollbackReason.c_str());
        QCOMPARE(report.instancesMigrated, size_t(3));
        QCOMPARE(report.classesChanged, (std::vector<std::string>{"Product", "Gadget"}));
        // Every kind of reference reaches the migrated objects, with the old identities.
        QCOMPARE(p.show("[tea.currency, kettle.currency, items[2].currency].join()"),
                 std::string("EUR,EUR,EUR"));
        QCOMPARE(p.show("Molt.identityOf(tea) === teaId && Molt.identityOf(kettle) === kettleId"),
                 std::string("true"));
        QCOMPARE(p.show("items[0] === tea && order.items === items && byProduct.get(tea) + "
                        "byProduct.get(kettle)"),
                 std::string("tk"));
        QCOMPARE(p.show("seen.has(tea) && record.best === kettle && getTea() === tea && "
                        "Product.featured === kettle"),
                 std::string("true"));
        QCOMPARE(p.show("order.note.about === tea && kettle instanceof Product && kettle.label()"),
                 std::string("kettle:30/2000W"));
        QCOMPARE(p.show("Molt.readClassDefinition(Gadget).layout.join()"),
                 std::string("name,price,currency,watts"));
        QVERIFY_HEAP(p.vm);
    }

    // A change that keeps every layout (method, accessor, static and constructor bodies,
    // methods added and removed, static fields) updates the class objects in place: no
    // instance is copied, every identity stays, and call sites whose inline caches hold the
    // old members find the new ones.
    void codeOnlyUpdatesTouchNoInstance() {
        Program p(kShop + std::string(R"(
            function labels() { return items.map((i) => i.label()).join(); }
            const productId = Molt.identityOf(Product), gadgetId = Molt.identityOf(Gadget);
            const before = labels();
        )"));
        QCOMPARE(p.show("labels()"), std::string("tea:4,kettle:30/2000W,mug:12"));
        Transaction tx(p.vm);
        QVERIFY(tx.replaceMethod("Product", "label",
                                 p.eval("(function () { return this.name + '=' + this.price; })")));
        QVERIFY(
            tx.addMethod("Product", "twice", p.eval("(function () { return 2 * this.price; })")));
        QVERIFY(tx.addMethod("Gadget", "kind", p.eval("(function () { return 'gadget'; })"),
                             MemberKind::StaticMethod));
        QVERIFY(tx.replaceMethod("Gadget", "constructor",
                                 p.eval("(function (n, p, w) { this.name = n; this.price = p; "
                                        "this.watts = w * 2; })")));
        QVERIFY(tx.addStaticField("Product", "count", Value::integer(3)));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(r.instancesMigrated, size_t(0));
        QCOMPARE(r.classesUpdatedInPlace, (std::vector<std::string>{"Product", "Gadget"}));
        QCOMPARE(p.show("labels()"), std::string("tea=4,kettle=30/2000W,mug=12"));
        QCOMPARE(p.show("[tea.twice(), kettle.twice(), Gadget.kind(), Product.count, "
                        "new Gadget('lamp', 9, 40).label()].join()"),
                 std::string("8,60,gadget,3,lamp=9/80W"));
        QCOMPARE(p.show("Molt.identityOf(Product) === productId && Molt.identityOf(Gadget) === "
                        "gadgetId && Molt.identityOf(tea) === teaId && kettle instanceof Product "
                        "&& byProduct.get(kettle) === 'k' && Product.featured === kettle"),
                 std::string("true"));
        QVERIFY(r.toJson().find("\"classes_updated_in_place\": [\"Product\", \"Gadget\"]") !=
                std::string::npos);
    }

    // Updated in place or not, a failure before the swap leaves the program as it was: the
    // members come back, and call sites that cached the new ones while a validation ran
    // find the old ones again.
    void codeOnlyRollbackRestoresTheClasses_data() {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<bool>("stress");
        for (const char* phase : {"prepare", "migrate", "validate", "wait", "validation"})
            QTest::newRow(phase) << phase << false;
        QTest::newRow("validation, GC stress") << "validation" << true;
    }
    void codeOnlyRollbackRestoresTheClasses() {
        QFETCH(QString, phase);
        QFETCH(bool, stress);
        Program p(kShop + std::string(R"(
            function labels() { return items.map((i) => i.label()).join(); }
            const sawNewLabels = () => labels() === "never";
        )"),
                  stress);
        QCOMPARE(p.show("labels()"), std::string("tea:4,kettle:30/2000W,mug:12"));
        std::string before = heapDigest(p.vm);
        {
            Transaction tx(p.vm);
            QVERIFY(tx.replaceMethod("Product", "label",
                                     p.eval("(function () { return 'new ' + this.name; })")));
            QVERIFY(tx.addStaticField("Gadget", "count", Value::integer(3)));
            QVERIFY(tx.removeMethod("Gadget", "label"));
            if (phase == "validation")
                QVERIFY(tx.addValidation("labels change", p.get("sawNewLabels")));
            else
                tx.injectFailureAt = phase.toStdString();
            UpdateReport r = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!r.committed());
        }
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
        QCOMPARE(p.show("labels() + ' ' + Gadget.count"),
                 std::string("tea:4,kettle:30/2000W,mug:12 undefined"));
    }

    // An update to a new version of the source that only changes code updates the live
    // classes in place; when a validation then fails, the rollback leaves the heap exactly
    // as it was (the staged version gone), and the old code runs again.
    void versionUpdateInPlaceAndItsRollback_data() {
        QTest::addColumn<bool>("fails");
        QTest::addColumn<bool>("stress");
        QTest::newRow("committed") << false << false;
        QTest::newRow("rolled back") << true << false;
        QTest::newRow("rolled back, GC stress") << true << true;
    }
    void versionUpdateInPlaceAndItsRollback() {
        QFETCH(bool, fails);
        QFETCH(bool, stress);
        const std::string v1 = kShop + std::string(R"(
            function labels() { return items.map((i) => i.label()).join(); }
            const label = tea.label;
            const exported = { Product, labels };
            module.exports = exported;
        )");
        std::string v2 = v1;
        v2.replace(v2.find("return this.name + \":\" + this.price;"),
                   std::string("return this.name + \":\" + this.price;").size(),
                   "return this.name + \"=\" + this.price;");
        v2.replace(v2.find("join(); }"), 9, "join(\" \"); }");
        Program p(v1, stress);
        QCOMPARE(p.show("labels()"), std::string("tea:4,kettle:30/2000W,mug:12"));
        std::string before = heapDigest(p.vm);
        UpdateReport r;
        {
            VersionUpdate update(p.vm);
            NewVersion next;
            next.files.push_back({"app.js", v2});
            UserPatch patch;
            if (fails)
                patch = {
                    "p.js",
                    "module.exports = function (dsu) {\n"
                    "  dsu.addValidation('labels stay', (o, n) => n.get('labels')() === 'x');\n"
                    "};\n"};
            Result<void> prepared = update.prepare(next, patch);
            QVERIFY2(prepared.ok(), prepared ? "" : prepared.error().message().c_str());
            r = update.commit();
            QVERIFY_HEAP(p.vm);
        }
        QCOMPARE(r.instancesMigrated, size_t(0));
        QCOMPARE(r.classesUpdatedInPlace, (std::vector<std::string>{"Product", "Gadget"}));
        if (fails) {
            QVERIFY(!r.committed());
            QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
            QCOMPARE(p.show("labels() + ' ' + (label === tea.label) + ' ' +"
                            "(module.exports === exported)"),
                     std::string("tea:4,kettle:30/2000W,mug:12 true true"));
        } else {
            QVERIFY2(r.committed(), r.rollbackReason.c_str());
            QCOMPARE(p.show("labels() + ' ' + (label === tea.label) + ' ' +"
                            "(exported.labels === labels)"),
                     std::string("tea=4 kettle=30/2000W mug=12 true true"));
        }
    }

    void rollbackAtEveryPhaseLeavesTheHeapUntouched_data() {
        QTest::addColumn<QString>("phase");
        for (const char* phase : {"prepare", "migrate", "validate", "wait"})
            QTest::newRow(phase) << phase;
    }
    void rollbackAtEveryPhaseLeavesTheHeapUntouched() {
        QFETCH(QString, phase);
        Program p(kShop);
        std::string before = heapDigest(p.vm);
        {
            Transaction tx(p.vm);
            tx.addInstanceVariable("Product", "stock", FieldPolicy::constant(Value::integer(5)));
            tx.renameInstanceVariable("Gadget", "watts", "power");
            tx.injectFailureAt = phase.toStdString();
            UpdateReport report = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!report.committed());
            QVERIFY2(report.rollbackReason.find("injected failure in " + phase.toStdString()) !=
                         std::string::npos,
                     report.rollbackReason.c_str());
        }
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
        QCOMPARE(p.show("Molt.readClassDefinition(Gadget).layout.join() + ' ' + kettle.watts"),
                 std::string("name,price,watts 2000"));
    }

    // A layout change whose instances all have room in their cells migrates them in cell:
    // same objects, same class objects, no copy. A rollback after the cells were rewritten
    // (a validation that says no, a thread in the affected code, under GC stress too)
    // restores every slot and layout: the heap digest is the one before.
    void inCellMigrationAndItsRollback_data() {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<bool>("stress");
        QTest::newRow("committed") << "" << false;
        QTest::newRow("committed, GC stress") << "" << true;
        QTest::newRow("validation says no") << "validation" << false;
        QTest::newRow("validation says no, GC stress") << "validation" << true;
        QTest::newRow("wait") << "wait" << false;
    }
    void inCellMigrationAndItsRollback() {
        QFETCH(QString, phase);
        QFETCH(bool, stress);
        Program p(R"(
            class Point { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }
            class Point4 extends Point { constructor(x, y) { super(x, y); this.z = { tag: "z" }; this.w = 4; } }
            class Label { constructor(t) { this.text = t; this.size = 1; } }
            const pts = [new Point(1, 2), new Point4(3, 4), new Point(5, 6)];
            const byPoint = new Map([[pts[0], "a"], [pts[1], "b"]]);
            const z = pts[1].z;
            let warm = 0;
            for (let i = 0; i < 50; i++) warm += pts[i % 3].sum() + pts[1].w;
            const ids = pts.map((q) => Molt.identityOf(q)).join();
        )", stress);
        QCOMPARE(p.r.exitCode, 0);
        std::string before = heapDigest(p.vm);
        UpdateReport r;
        {
            Transaction tx(p.vm);
            QVERIFY(tx.addInstanceVariable("Point", "tag", FieldPolicy::constant(p.vm.istr("t"))));
            QVERIFY(tx.renameInstanceVariable("Point", "x", "left"));
            QVERIFY(tx.removeInstanceVariable("Point4", "z")); // its value stays held by `z`
            QVERIFY(tx.replaceMethod("Point", "sum",
                                     p.eval("(function () { return this.left * 10 + this.y; })")));
            if (phase == "validation")
                QVERIFY(tx.addValidation("never", p.eval("() => pts[0].left === 99")));
            if (phase == "wait") tx.injectFailureAt = "wait";
            r = tx.commit();
            QVERIFY_HEAP(p.vm);
        }
        QCOMPARE(r.path, std::string("in-cell"));
        QCOMPARE(r.instancesInCell, size_t(3));
        if (!phase.isEmpty()) {
            QVERIFY(!r.committed());
            QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
            QCOMPARE(p.show("[pts.map((q) => q.sum()).join(), pts[1].z === z, pts[0].left,"
                            " Molt.readClassDefinition(Point4).layout.join()].join(' ')"),
                     std::string("3,7,11 true  x,y,z,w"));
            return;
        }
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(r.samples.size(), size_t(3));
        // Class by class, supers first: the two Points, then the Point4.
        QCOMPARE(r.samples[0].before.size(), size_t(2));
        QCOMPARE(r.samples[0].after.size(), size_t(3));
        QCOMPARE(r.samples[2].before[2].first, std::string("z"));
        QCOMPARE(r.samples[2].after[2].first, std::string("tag"));
        QCOMPARE(p.show("[pts.map((q) => Molt.identityOf(q)).join() === ids, byPoint.get(pts[0]) +"
                        " byPoint.get(pts[1]), pts.map((q) => q.sum()).join(), pts[1].w, pts[2].tag,"
                        " pts[1].z, pts[1] instanceof Point,"
                        " Molt.readClassDefinition(Point4).layout.join()].join(' ')"),
                     std::string("true ab 12,34,56 4 t  true left,y,tag,w"));
        QVERIFY_HEAP(p.vm);
    }

    // Policies that receive the old object migrate in cell too: they read an old view (the
    // old slots under a frozen copy of the old class, its getter included) and write into
    // the cell. One that throws after writing rolls back to the same heap digest, also under
    // GC stress; the old views leave nothing behind in either case.
    void inCellOldViewPolicyAndItsRollback_data() {
        QTest::addColumn<bool>("throws");
        QTest::addColumn<bool>("stress");
        QTest::newRow("committed") << false << false;
        QTest::newRow("committed, GC stress") << false << true;
        QTest::newRow("policy throws") << true << false;
        QTest::newRow("policy throws, GC stress") << true << true;
    }
    void inCellOldViewPolicyAndItsRollback() {
        QFETCH(bool, throws);
        QFETCH(bool, stress);
        Program p(R"(
            class Box { constructor(w, h) { this.w = w; this.h = h; } get area() { return this.w * this.h; } }
            const boxes = [new Box(1, 2), new Box(3, 4), new Box(5, -6)];
            const ids = boxes.map((b) => Molt.identityOf(b)).join();
            const area = (o, n) => `${o.area}:${o.h}`;
            const scale = (o, n) => { n.w = o.w * 10; if (o.h < 0 && throws) throw new RangeError("flat"); };
            let throws = false;
        )",
                  stress);
        QCOMPARE(p.r.exitCode, 0);
        if (throws) p.show("throws = true");
        std::string before = heapDigest(p.vm);
        UpdateReport r;
        {
            Transaction tx(p.vm);
            QVERIFY(tx.renameInstanceVariable("Box", "h", "height"));
            QVERIFY(tx.addInstanceVariable("Box", "was", FieldPolicy::computed(p.get("area"))));
            QVERIFY(tx.migrateInstances("Box", p.get("scale")));
            QVERIFY(tx.replaceMethod("Box", "area", p.eval("(function () { return 0; })"),
                                     MemberKind::Getter));
            r = tx.commit();
            QVERIFY_HEAP(p.vm);
        }
        QCOMPARE(r.path, std::string("in-cell"));
        QCOMPARE(r.instancesInCell, size_t(3));
        if (throws) {
            QVERIFY(!r.committed());
            QCOMPARE(QString::fromStdString(r.rollbackReason),
                     QString("migration policy 'custom' of Box threw: RangeError: flat\n"
                             "    at scale (app.js:6:84)"));
            QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
            QCOMPARE(p.show("boxes.map((b) => b.area).join()"), std::string("2,12,-30"));
            return;
        }
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("[boxes.map((b) => `${b.w} ${b.height} ${b.was} ${b.area}`).join(),"
                        " boxes.map((b) => Molt.identityOf(b)).join() === ids].join(' ')"),
                 std::string("10 2 2:2 0,30 4 12:4 0,50 -6 -30:-6 0 true"));
        QVERIFY_HEAP(p.vm);
    }

    void throwingPolicyRollsBack() {
        Program p(kShop + std::string("const policy = (o) => { if (o.price > 10) throw new "
                                      "RangeError('too dear'); return 1; };\n"));
        std::string before = heapDigest(p.vm);
        Transaction tx(p.vm);
        tx.addInstanceVariable("Product", "tax", FieldPolicy::computed(p.get("policy")));
        UpdateReport report = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY(!report.committed());
        QCOMPARE(QString::fromStdString(report.rollbackReason),
                 QString("the policy of Product.tax threw: RangeError: too dear\n"
                         "    at policy (app.js:25:49)")); // with where it threw
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
    }

    // Running out of memory halfway through a migration must not be possible: the commit
    // checks first that the copies fit under the heap's limit, and rolls back if not.
    void migrationBeyondTheHeapLimitRollsBack() {
        Program p(R"(
            class Item { constructor(i) { this.i = i; } }
            const items = [];
            for (let i = 0; i < 50000; i++) items.push(new Item(i));
        )");
        QCOMPARE(p.r.exitCode, 0);
        p.vm.heap.collect();
        std::string before = heapDigest(p.vm);
        p.vm.heap.setLimit(p.vm.heap.footprint() + 64 * 1024); // far less than 50k copies
        {
            Transaction tx(p.vm);
            QVERIFY(tx.addInstanceVariable("Item", "tag", FieldPolicy::constant(Value::number(1))));
            UpdateReport report = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!report.committed());
            QVERIFY2(report.rollbackReason.find("out of memory: migrating 50000 instances") == 0,
                     report.rollbackReason.c_str());
        }
        QCOMPARE(heapDigest(p.vm), before);
        p.vm.heap.setLimit(0);
        Transaction tx(p.vm);
        QVERIFY(tx.addInstanceVariable("Item", "tag", FieldPolicy::constant(Value::number(1))));
        QVERIFY(tx.commit().committed());
        QVERIFY_HEAP(p.vm);
        QCOMPARE(p.show("items[49999].tag + items[49999].i"), std::string("50000"));
    }

    // What policies allocate counts against the limit too: past it the update rolls back
    // (the collector is off during a commit, so nothing else would stop it).
    void policyAllocationsBeyondTheHeapLimitRollBack() {
        Program p(R"(
            class Item { constructor(i) { this.i = i; } }
            const items = [];
            for (let i = 0; i < 2000; i++) items.push(new Item(i));
            const hog = () => { let n = 0; for (let k = 0; k < 200; k++) n += [{ k }].length; return n; };
        )");
        QCOMPARE(p.r.exitCode, 0);
        p.vm.heap.collect();
        std::string before = heapDigest(p.vm);
        p.vm.heap.setLimit(p.vm.heap.footprint() +
                           2 * 1024 * 1024); // the copies fit, 400k records do not
        {
            Transaction tx(p.vm);
            QVERIFY(tx.addInstanceVariable("Item", "n", FieldPolicy::computed(p.get("hog"))));
            UpdateReport report = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!report.committed());
            QVERIFY2(report.rollbackReason.find("out of memory: the update's migration policies") ==
                         0,
                     report.rollbackReason.c_str());
        }
        p.vm.heap.setLimit(0);
        QCOMPARE(heapDigest(p.vm), before);
        QCOMPARE(p.show("typeof items[0].n"), std::string("undefined"));
    }

    // System and application validations are the same kind of object: they compose, name
    // themselves in the report, and the first failure in a group is the group's reason.
    void validationsAreComposableObjects() {
        Program p(kShop);
        auto everyProductPriced =
            Validation("every product is priced", [](UpdateView& u) -> Result<void> {
                for (Obj* o : u.news) {
                    Value price = readInstanceVariable(u.vm, Value::object(o), "price");
                    if (!price.isNumber()) return Error("a product has no price");
                }
                return {};
            });
        auto noMoreThan = [](size_t limit) {
            return Validation("at most " + std::to_string(limit) + " migrated",
                              [limit](UpdateView& u) -> Result<void> {
                                  if (u.news.size() <= limit) return {};
                                  return Error(std::to_string(u.news.size()) + " migrated");
                              });
        };
        QCOMPARE(int(validations::system().size()), 3);
        {
            Transaction tx(p.vm);
            tx.addInstanceVariable("Product", "tax", FieldPolicy::constant(Value::number(0)));
            tx.addValidation(everyProductPriced && noMoreThan(100));
            UpdateReport report = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY2(report.committed(), report.rollbackReason.c_str());
            QCOMPARE(QString::fromStdString(report.validationsRun.back()),
                     QString("every product is priced and at most 100 migrated"));
            QCOMPARE(int(report.validationsRun.size()), 4); // three system ones first
        }
        std::string before = heapDigest(p.vm);
        {
            Transaction tx(p.vm);
            tx.addInstanceVariable("Product", "tax2", FieldPolicy::constant(Value::number(0)));
            tx.addValidation(
                Validation::allOf("release checks", {everyProductPriced, noMoreThan(1)}));
            UpdateReport report = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!report.committed());
            QVERIFY2(report.rollbackReason.find(" migrated") != std::string::npos &&
                         report.rollbackReason.find("at most") == std::string::npos,
                     report.rollbackReason.c_str()); // the failing part's own reason
        }
        QCOMPARE(heapDigest(p.vm), before);
        {
            // A host can add to the checks every commit runs.
            Transaction tx(p.vm);
            tx.systemValidations().push_back(noMoreThan(0));
            tx.addInstanceVariable("Product", "tax3", FieldPolicy::constant(Value::number(0)));
            QVERIFY(!tx.commit().committed());
            QVERIFY_HEAP(p.vm);
        }
        QCOMPARE(heapDigest(p.vm), before);
    }

    void failingAndThrowingValidationsRollBack() {
        Program p(
            kShop +
            std::string("const no = () => false; const boom = () => { throw new Error('x'); };\n"));
        std::string before = heapDigest(p.vm);
        {
            Transaction tx(p.vm);
            tx.addInstanceVariable("Product", "a");
            tx.addValidation("never", p.get("no"));
            UpdateReport r = tx.commit();
            QVERIFY_HEAP(p.vm);
            QCOMPARE(QString::fromStdString(r.rollbackReason),
                     QString("validation 'never' failed"));
        }
        {
            Transaction tx(p.vm);
            tx.addInstanceVariable("Product", "a");
            tx.addValidation("explodes", p.get("boom"));
            UpdateReport r = tx.commit();
            QVERIFY_HEAP(p.vm);
            QCOMPARE(QString::fromStdString(r.rollbackReason),
                     QString("validation 'explodes' threw: Error: x\n    at boom (app.js:25:52)"));
        }
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
    }

    void renameAndRemoveFields() {
        Program p(kShop);
        Transaction tx(p.vm);
        QVERIFY(tx.renameInstanceVariable("Product", "price", "cents"));
        QVERIFY(tx.removeInstanceVariable("Gadget", "watts"));
        QVERIFY(tx.replaceMethod("Product", "label", p.get("bigLabel")));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("[tea.cents, kettle.cents, kettle.price, kettle.watts].join('|')"),
                 std::string("4|30||"));
        QCOMPARE(p.show("Molt.readClassDefinition(Gadget).layout.join()"),
                 std::string("name,cents"));
        QCOMPARE(p.show("tea.label()"), std::string("BIG tea"));
    }

    void explicitRollbackChangesNothing() {
        Program p(kShop);
        std::string before = heapDigest(p.vm);
        Transaction tx(p.vm);
        QVERIFY(
            tx.addInstanceVariable("Product", "stock", FieldPolicy::constant(Value::integer(1))));
        tx.rollback();
        QVERIFY_HEAP(p.vm);
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY(!r.committed());
        QCOMPARE(QString::fromStdString(r.rollbackReason),
                 QString("the transaction was already committed or rolled back"));
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
    }

    void badOperationsAreRefusedBeforeCommit() {
        Program p(kShop);
        std::string before = heapDigest(p.vm);
        Transaction tx(p.vm);
        QVERIFY(!tx.addInstanceVariable("Prodct", "x"));
        QCOMPARE(QString::fromStdString(tx.error()), QString("unknown class 'Prodct'"));
        QVERIFY(!tx.removeInstanceVariable("Product", "nope"));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY(!r.committed());
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
    }

    void changeSuperclassMatchesFieldsByName() {
        Program p(R"(
            class A { constructor() { this.x = 1; this.shared = "a"; } }
            class B { constructor() { this.shared = "b"; this.y = 2; } hello() { return "B"; } }
            class C extends A { constructor() { super(); this.z = 3; } }
            const c = new C();
        )");
        Transaction tx(p.vm);
        QVERIFY(tx.changeSuperclass("C", "B"));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(
            p.show("Molt.readClassDefinition(C).layout.join() + ' ' + [c.shared, c.y, c.z, "
                   "c.x].join() + ' ' + c.hello() + ' ' + (c instanceof B) + (c instanceof A)"),
            std::string("shared,y,z a,,3, B truefalse"));
    }

    void removedClassWithLiveInstancesRollsBackAndWithGarbageCommits() {
        Program p("class Old { constructor(v) { this.v = v; } }\nlet keep = new Old(1);\nfor (let "
                  "i = 0; i < 10; i++) new Old(i);\n");
        std::string before = heapDigest(p.vm);
        {
            Transaction tx(p.vm);
            tx.removeClass("Old");
            UpdateReport r = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY(!r.committed());
            QVERIFY2(r.rollbackReason.find("1 of its instances are still reachable") !=
                         std::string::npos,
                     r.rollbackReason.c_str());
        }
        QCOMPARE(QString::fromStdString(heapDigest(p.vm)), QString::fromStdString(before));
        p.eval("keep = null");
        Transaction tx(p.vm);
        tx.removeClass("Old");
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("typeof Old"), std::string("undefined"));
    }

    void removedClassInstancesCanBeMappedToAnotherClass() {
        Program p(
            "class Old { constructor(v) { this.v = v; } }\nclass New { constructor() { this.v = 0; "
            "this.w = 0; } }\nconst o = new Old(7);\nconst id = Molt.identityOf(o);\n");
        Transaction tx(p.vm);
        tx.removeClass("Old");
        QVERIFY(tx.migrateInstancesTo("Old", "New"));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("[o instanceof New, o.v, o.w, Molt.identityOf(o) === id].join()"),
                 std::string("true,7,,true"));
    }

    void classSideAndModuleLevelState() {
        Program p("class Counter { static count = 5; static label = 'c'; }\nlet total = 10;\nconst "
                  "f = () => total;\n");
        Transaction tx(p.vm);
        QVERIFY(tx.addStaticField("Counter", "limit", Value::integer(99)));
        QVERIFY(tx.removeStaticField("Counter", "label"));
        QVERIFY(tx.addBinding("added", p.vm.istr("new binding")));
        QVERIFY(tx.removeBinding("f"));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("[Counter.count, Counter.limit, Counter.label, total, added].join()"),
                 std::string("5,99,,10,new binding"));
        QCOMPARE(p.show("typeof f"), std::string("undefined"));
    }

    void safePointWaitsForThreadsAndTimesOut() {
        // Set up a live program by hand: top level done, a worker parked in run().
        VM vm;
        test::RunResult out;
        test::capture(vm, out);
        QTemporaryDir dir;
        QString path = dir.filePath("app.js");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("class Worker { run() { for (let i = 0; i < 3; i++) Thread.sleep(30); return "
                "'done'; } other() { return 1; } }\n"
                "const w = new Worker();\nThread.spawn(() => w.run());\nThread.sleep(5);\n");
        f.close();
        QCOMPARE(vm.runTopLevel(path.toStdString(), {}), 0);
        QCOMPARE(vm.runUntilTopLevelDone(), 0);
        Module* m = vm.mainModule();
        Value other =
            as<Class>(m->slots[m->slotByName.at("Worker")])->methods.at(vm.intern("other"));
        std::string before = heapDigest(vm);
        {
            Transaction tx(vm);
            tx.replaceMethod("Worker", "run", other);
            UpdateReport r = tx.commit(); // synchronous: the worker is inside run()
            QVERIFY_HEAP(vm);
            QVERIFY(!r.committed());
            QVERIFY2(r.rollbackReason.find("Worker.run") != std::string::npos,
                     r.rollbackReason.c_str());
        }
        QCOMPARE(QString::fromStdString(heapDigest(vm)), QString::fromStdString(before));
        // Asynchronously the update waits until the worker leaves run().
        Transaction tx(vm);
        tx.replaceMethod("Worker", "run", other);
        UpdateReport report;
        bool done = false;
        tx.commitAsync([&](const UpdateReport& r) {
            report = r;
            done = true;
        });
        QVERIFY(!done);
        vm.scheduler().runUntil([&] { return done; });
        QVERIFY(done);
        QVERIFY_HEAP(vm);
        QVERIFY2(report.committed(), report.rollbackReason.c_str());
        QVERIFY(report.waitMs > 20);
    }

    // A host can give up an update that waits for a safe point: the done callback gets a
    // rolled-back report, the program is untouched and runs on; an update dropped while
    // waiting (without cancel) leaves nothing behind that could fire later.
    void waitingUpdatesCanBeCancelledOrDropped() {
        VM vm;
        test::RunResult out;
        test::capture(vm, out);
        QTemporaryDir dir;
        QString path = dir.filePath("app.js");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("class Worker { run() { for (let i = 0; i < 4; i++) Thread.sleep(20); "
                "console.log('left run'); } other() { return 1; } }\n"
                "const w = new Worker();\nThread.spawn(() => w.run());\nThread.sleep(5);\n");
        f.close();
        QCOMPARE(vm.runTopLevel(path.toStdString(), {}), 0);
        QCOMPARE(vm.runUntilTopLevelDone(), 0);
        Module* m = vm.mainModule();
        Value other =
            as<Class>(m->slots[m->slotByName.at("Worker")])->methods.at(vm.intern("other"));
        std::string before = heapDigest(vm);
        {
            Transaction tx(vm);
            tx.replaceMethod("Worker", "run", other);
            UpdateReport report;
            int calls = 0;
            tx.commitAsync([&](const UpdateReport& r) {
                report = r;
                ++calls;
            });
            QVERIFY(tx.waiting());
            QVERIFY(vm.returnBarrierCount() > 0); // the worker's frame carries a barrier
            QVERIFY(tx.cancel());
            QCOMPARE(calls, 1);
            QVERIFY_HEAP(vm);
            QVERIFY(!report.committed());
            QCOMPARE(QString::fromStdString(report.rollbackReason),
                     QString("cancelled while waiting for a safe point"));
            QVERIFY(!tx.cancel()); // nothing left to cancel
            QCOMPARE(int(vm.returnBarrierCount()), 0);
        }
        QCOMPARE(QString::fromStdString(heapDigest(vm)), QString::fromStdString(before));
        {
            Transaction dropped(vm);
            dropped.replaceMethod("Worker", "run", other);
            dropped.commitAsync([](const UpdateReport&) { QFAIL("a dropped update reported"); });
        }
        QCOMPARE(int(vm.returnBarrierCount()), 0);
        QCOMPARE(vm.runEventLoop(), 0); // the orphaned hook is discarded, the worker finishes
        QCOMPARE(QString::fromStdString(out.out), QString("left run\n"));
    }

    void updatesSurviveGcStress() {
        Program p(kShop, true);
        QCOMPARE(p.r.exitCode, 0);
        Transaction tx(p.vm);
        tx.addInstanceVariable("Product", "currency", FieldPolicy::constant(p.vm.istr("EUR")));
        tx.renameInstanceVariable("Gadget", "watts", "power");
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("kettle.power + kettle.currency + byProduct.get(kettle)"),
                 std::string("2000EURk"));
        QVERIFY_HEAP(p.vm);
    }

    void coreLibraryClassesAreUpdatedLikeUserClasses() {
        Program p(R"js(
            const xs = [1, 2, 3];
            const m = new Map([["a", 1]]);
            class AppError extends Error { constructor(m) { super(m); this.code = 7; } }
            const e = new AppError("bad");
            const t = new TypeError("worse");
            function sum() { let s = 0; for (const x of this) s += x; return s; }
            function describe() { return this.name + "(" + this.message + ")"; }
            function shout() { return "LOUD"; }
        )js");
        QCOMPARE(p.r.exitCode, 0);
        Transaction tx(p.vm);
        QVERIFY(tx.addMethod("Array", "sum", p.get("sum")));
        QVERIFY(tx.addMethod("Error", "describe", p.get("describe")));
        QVERIFY(tx.replaceMethod("String", "toUpperCase", p.get("shout")));
        QVERIFY(!tx.addInstanceVariable("Array", "x")); // arrays have no layout
        Transaction tx2(p.vm);
        QVERIFY(!tx2.removeClass("Map"));
        UpdateReport r = tx.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY(!r.committed()); // the refused operation poisons the transaction
        Transaction tx3(p.vm);
        QVERIFY(tx3.addMethod("Array", "sum", p.get("sum")));
        QVERIFY(tx3.addMethod("Error", "describe", p.get("describe")));
        QVERIFY(tx3.replaceMethod("String", "toUpperCase", p.get("shout")));
        r = tx3.commit();
        QVERIFY_HEAP(p.vm);
        QVERIFY2(r.committed(), r.rollbackReason.c_str());
        QCOMPARE(p.show("[xs.sum(), [4, 5].sum(), e.describe(), t.describe(), 'abc'.toUpperCase(), "
                        "e.code].join(' ')"),
                 std::string("6 9 Error(bad) TypeError(worse) LOUD 7"));
        QCOMPARE(p.show("[e instanceof Error, e instanceof AppError, t instanceof TypeError, "
                        "m.get('a'), Array.isArray(xs)].join()"),
                 std::string("true,true,true,1,true"));
        QCOMPARE(p.show("new RangeError('r').describe()"), std::string("RangeError(r)"));
        QVERIFY_HEAP(p.vm);
    }

    // Long random sequences of field additions, removals and renames on a random object graph;
    // after each update every instance's fields must equal a model kept in C++.
    void randomUpdateSequencesKeepTheModel() {
        std::mt19937 rng(1234);
        Program p(R"(
            class A { constructor(n) { this.a0 = n; } }
            class B extends A { constructor(n) { super(n); this.b0 = n * 2; } }
            class C { constructor(n) { this.c0 = n * 3; this.link = null; } }
            const all = [];
            for (let i = 0; i < 120; i++) { const o = i % 3 === 0 ? new A(i) : i % 3 === 1 ? new B(i) : new C(i); all.push(o); }
            for (let i = 0; i < all.length; i++) if (all[i] instanceof C) all[i].link = all[(i * 7) % all.length];
        )");
        QCOMPARE(p.r.exitCode, 0);
        // model: class -> own fields (in order); object index -> field -> value
        std::map<std::string, std::vector<std::string>> own = {
            {"A", {"a0"}}, {"B", {"b0"}}, {"C", {"c0", "link"}}};
        auto classOf = [](int i) { return i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : "C"; };
        std::map<int, std::map<std::string, int>> values;
        for (int i = 0; i < 120; ++i) {
            std::string c = classOf(i);
            if (c == "A" || c == "B") values[i]["a0"] = i;
            if (c == "B") values[i]["b0"] = i * 2;
            if (c == "C") values[i]["c0"] = i * 3;
        }
        int nextField = 1;
        for (int step = 0; step < 60; ++step) {
            std::string cls = std::vector<std::string>{"A", "B", "C"}[rng() % 3];
            auto& fields = own[cls];
            Transaction tx(p.vm);
            int op = int(rng() % 3);
            std::vector<std::string> numeric;
            for (auto& f : fields)
                if (f != "link") numeric.push_back(f);
            auto reaches = [&](int i) {
                return classOf(i) == cls || (cls == "A" && classOf(i) == std::string("B"));
            };
            if (op == 0 || numeric.empty()) {
                std::string f = "f" + std::to_string(nextField++);
                int v = int(rng() % 1000);
                QVERIFY(tx.addInstanceVariable(cls, f, FieldPolicy::constant(Value::integer(v))));
                fields.push_back(f);
                for (auto& [i, vals] : values)
                    if (reaches(i)) vals[f] = v;
            } else if (op == 1) {
                std::string f = numeric[rng() % numeric.size()];
                QVERIFY(tx.removeInstanceVariable(cls, f));
                fields.erase(std::find(fields.begin(), fields.end(), f));
                for (auto& [i, vals] : values)
                    if (reaches(i)) vals.erase(f);
            } else {
                std::string f = numeric[rng() % numeric.size()];
                std::string g = "r" + std::to_string(nextField++);
                QVERIFY(tx.renameInstanceVariable(cls, f, g));
                *std::find(fields.begin(), fields.end(), f) = g;
                for (auto& [i, vals] : values)
                    if (reaches(i)) {
                        vals[g] = vals[f];
                        vals.erase(f);
                    }
            }
            UpdateReport r = tx.commit();
            QVERIFY_HEAP(p.vm);
            QVERIFY2(r.committed(), r.rollbackReason.c_str());
            Array* all = as<Array>(p.get("all"));
            for (int i = 0; i < 120; ++i) {
                Value o = all->elements[i];
                auto* in = as<Instance>(o);
                size_t expectedFields = values[i].size() + (classOf(i) == std::string("C") ? 1 : 0);
                QCOMPARE(size_t(in->slotCount), expectedFields);
                for (auto& [f, v] : values[i]) {
                    Value got = readInstanceVariable(p.vm, o, f);
                    QVERIFY2(!got.isException(), f.c_str());
                    QCOMPARE(got.asNumber(), double(v));
                }
                if (classOf(i) == std::string("C")) {
                    Value link = readInstanceVariable(p.vm, o, "link");
                    QCOMPARE(link, all->elements[(i * 7) % 120]);
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
