// Heap and collector: reachability, roots, walking, the consistency checker, stress mode.
#include "runtime/core/heap.h"
#include "runtime/core/vm.h"
#include "testutil.h"

#include <QtTest>
#include <set>

using namespace molt;

class TestHeap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unreachableObjectsAreCollected() {
        VM vm;
        vm.heap.collect();
        size_t before = vm.heap.stats().objects;
        for (int i = 0; i < 1000; ++i)
            vm.newArray(4);
        vm.heap.collect();
        QCOMPARE(vm.heap.stats().objects, before);
    }

    void rootsKeepObjectsAlive() {
        VM vm;
        Root keep(vm.heap, Value::object(vm.newArray()));
        Array* a = as<Array>(keep.value);
        for (int i = 0; i < 100; ++i)
            vm.arrayPush(a, vm.str("element " + std::to_string(i)));
        vm.heap.collect();
        QCOMPARE(a->length, 100u);
        QCOMPARE(std::string(asString(a->elements[42])->view()), std::string("element 42"));
        QVERIFY(vm.heap.verify().empty());
    }

    void walkingVisitsEveryLiveObjectOnce() {
        VM vm;
        auto countRecords = [&] {
            size_t n = 0;
            vm.heap.forEachObject([&](Obj* o) { n += o->kind == ObjKind::Record; });
            return n;
        };
        vm.heap.collect();
        size_t builtinRecords = countRecords(); // the built-ins own a few (process.stdout, ...)
        Root keep(vm.heap, Value::object(vm.newArray()));
        for (int i = 0; i < 500; ++i)
            vm.arrayPush(as<Array>(keep.value), Value::object(vm.newRecord()));
        vm.heap.collect();
        size_t records = 0, total = 0;
        vm.heap.forEachObject([&](Obj* o) {
            total++;
            if (o->kind == ObjKind::Record) records++;
        });
        QCOMPARE(records, builtinRecords + 500);
        QCOMPARE(total, vm.heap.stats().objects);
    }

    void freedCellsAreReused() {
        VM vm;
        vm.heap.collect();
        for (int round = 0; round < 5; ++round) {
            for (int i = 0; i < 20000; ++i)
                vm.newRecord();
            vm.heap.collect();
        }
        size_t blocksAfterWarmup = vm.heap.stats().bytesLive;
        for (int i = 0; i < 20000; ++i)
            vm.newRecord();
        vm.heap.collect();
        QCOMPARE(vm.heap.stats().bytesLive, blocksAfterWarmup);
    }

    void largeObjectsAreTracked() {
        VM vm;
        std::string big(10000, 'x');
        Root keep(vm.heap, vm.str(big));
        vm.heap.collect();
        QCOMPARE(asString(keep.value)->length, 10000u);
        QVERIFY(vm.heap.verify().empty());
    }

    // A concatenated string's bytes live in a malloc'd buffer behind a small header; those
    // bytes must count, or garbage strings of 64 KB pile up until their headers fill the
    // threshold (about 170,000 of them).
    void outsideBuffersCountTowardCollection() {
        VM vm;
        Root piece(vm.heap, vm.str(std::string(64 * 1024, 'y')));
        vm.heap.collect();
        size_t before = vm.heap.stats().collections;
        for (int i = 0; i < 2000; ++i)
            vm.concat(asString(piece.value), "\r\n");
        QVERIFY(vm.heap.stats().collections >= before + 5);
        QVERIFY(vm.heap.verify().empty());
    }

    void identitiesAreStableAndUnique() {
        VM vm;
        Root a(vm.heap, Value::object(vm.newRecord()));
        Root b(vm.heap, Value::object(vm.newRecord()));
        uint32_t ia = vm.heap.identityOf(a.value.asObject());
        uint32_t ib = vm.heap.identityOf(b.value.asObject());
        QVERIFY(ia != ib);
        vm.heap.collect();
        QCOMPARE(vm.heap.identityOf(a.value.asObject()), ia);
    }

    void stressModeRunsAProgramCorrectly() {
        const char* program = R"(
            class Node { constructor(v, next) { this.v = v; this.next = next; } }
            let list = null;
            for (let i = 0; i < 300; i++) list = new Node(`n${i}`, list);
            let n = 0, s = "";
            for (let p = list; p; p = p.next) { n++; if (n <= 3) s += p.v; }
            const m = new Map();
            for (let i = 0; i < 50; i++) m.set("k" + i, [i, { i }]);
            console.log(n, s, m.size, m.get("k7")[1].i);
        )";
        test::RunResult normal = test::run(program);
        test::RunResult stressed = test::run(program, true);
        QCOMPARE(normal.exitCode, 0);
        QCOMPARE(QString::fromStdString(stressed.out), QString::fromStdString(normal.out));
        QCOMPARE(QString::fromStdString(normal.out), QString("300 n299n298n297 50 7\n"));
    }

    void verifierReportsALayoutMismatch() {
        VM vm;
        // Build a broken instance by hand: a class with two fields, an instance with one slot.
        Class* c = vm.newBuiltinClass("Broken");
        Root keepClass(vm.heap, Value::object(c));
        for (const char* f : {"a", "b"}) {
            c->slotOf[vm.intern(f)] = uint32_t(c->fields.size());
            c->fields.push_back(vm.intern(f));
        }
        Value in = vm.newInstance(c);
        Root keep(vm.heap, in);
        as<Instance>(in)->slotCount = 1;
        vm.defineGlobal("broken", in);
        std::string problem = vm.heap.verify();
        QVERIFY2(problem.find("Broken") != std::string::npos, problem.c_str());
        as<Instance>(in)->slotCount = 2;
        QVERIFY(vm.heap.verify().empty());
    }

    // The checker must pass a heap holding every kind, or the DSU's checks would cry wolf.
    void verifierAcceptsEveryKindOfObject() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        int code = vm.runSource("kinds.js", R"(
            class Base { a = 1; get g() { return this.a; } static s = [1]; }
            class Derived extends Base { b = { x: "y" }; m() { return this.b; } }
            function makeCounter() { let n = 0; return () => ++n; } // an upvalue
            const counter = makeCounter();
            function* steps() { let i = 0; while (true) yield () => i++; } // upvalue into its frame
            const suspended = steps();
            suspended.next();
            const keep = [new Derived(), new Map([[{}, counter]]), new Set(["s", 2]),
                          [1, 2, 3].values(), { k: Base }, Thread.spawn(() => Thread.sleep(1)),
                          new Date(0), /a(?<n>b)/g, suspended,
                          { [Symbol("key")]: Symbol.for("registered") },
                          { get accessor() { return 1; } }];
            const weakKey = {};
            const weak = [weakKey, new WeakMap([[weakKey, [1]]]), new WeakSet([weakKey]),
                          new WeakRef(weakKey)];
            class Iterable { *[Symbol.iterator]() { yield 1; } }
            Thread.spawn(() => { for (let i = 0; i < 3; i++) Thread.yield(); });
        )");
        QCOMPARE(code, 0);
        std::set<ObjKind> kinds;
        vm.heap.forEachObject([&](Obj* o) { kinds.insert(o->kind); });
#define MOLT_EXPECT_KIND(kind, type)                                                               \
    QVERIFY2(kinds.count(ObjKind::kind), #kind " is missing from the test heap");
        MOLT_OBJ_KINDS(MOLT_EXPECT_KIND)
#undef MOLT_EXPECT_KIND
        QVERIFY_HEAP(vm);
    }

    // A dangling edge is reported by object, kind and edge, before the collector follows it.
    void verifierReportsAnEdgeToAFreedCell() {
        VM vm;
        Root keep(vm.heap, Value::object(vm.newArray()));
        Array* a = as<Array>(keep.value);
        vm.arrayPush(a, Value::undefined());
        vm.arrayPush(a, Value::undefined());
        Obj* doomed = vm.newRecord(); // unrooted: the next collection frees it
        vm.heap.collect();
        QCOMPARE(doomed->kind, ObjKind::Free);
        a->elements[1] = Value::object(doomed);
        std::string problem = vm.heap.verify();
        std::string id = std::to_string(vm.heap.identityOf(a));
        QVERIFY2(problem.find("Array #" + id + " element[1]: points at a freed cell") == 0,
                 problem.c_str());
        a->elements[1] = Value::undefined();
        QVERIFY_HEAP(vm);
    }

    void verifierReportsAnEdgeOfTheWrongKind() {
        VM vm;
        Class* c = vm.newBuiltinClass("Twisted");
        Root keepClass(vm.heap, Value::object(c));
        Root notAClass(vm.heap, Value::object(vm.newRecord()));
        Class* super = c->super;
        c->super = reinterpret_cast<Class*>(notAClass.value.asObject());
        std::string problem = vm.heap.verify();
        QVERIFY2(problem.find("(Twisted) superclass[0]: is a Class edge holding a Record") !=
                     std::string::npos,
                 problem.c_str());
        c->super = super;
        QVERIFY_HEAP(vm);
    }

    // A symbol is collected like any object unless the Symbol.for registry holds it; the
    // well-known ones live as long as the VM. A record keyed by one keeps it alive.
    void symbolsAreCollectedUnlessRegistered() {
        VM vm;
        vm.heap.collect();
        size_t before = vm.heap.stats().objects;
        for (int i = 0; i < 100; ++i)
            vm.newSymbol(vm.str("temp " + std::to_string(i)));
        vm.heap.collect();
        QCOMPARE(vm.heap.stats().objects, before);
        Symbol* registered = vm.registeredSymbol(vm.intern("app"));
        Root record(vm.heap, Value::object(vm.newRecord()));
        Symbol* key = vm.newSymbol(vm.str("key"));
        vm.recordSet(as<Record>(record.value), key, Value::integer(1));
        vm.heap.collect();
        QCOMPARE(registered->kind, ObjKind::Symbol);
        QCOMPARE(key->kind, ObjKind::Symbol);
        QCOMPARE(vm.registeredSymbol(vm.intern("app")), registered);
        QCOMPARE(vm.recordGet(as<Record>(record.value), key), Value::integer(1));
        QCOMPARE(vm.memberKey("@@iterator"), static_cast<String*>(vm.symbols.iterator));
        QVERIFY(vm.memberKey("iterator") != static_cast<String*>(vm.symbols.iterator));
        QVERIFY_HEAP(vm);
    }

    // Ephemerons (decision 0017): a WeakMap entry lives exactly as long as its key is
    // reachable from outside the map; a value is no reason to keep its own key or, through
    // another weak map, any key it leads to.
    void weakEntriesDieWithTheirKeys() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        int code = vm.runSource("weak.js", R"(
            globalThis.outer = new WeakMap();
            globalThis.inner = new WeakMap();
            globalThis.live = { id: "live" };
            globalThis.live2 = { id: "live2" };
            (() => {
                outer.set(live, "kept");
                outer.set({ id: "dead" }, { payload: 1 });       // only the map holds the key
                const k1 = { id: "k1" }, k2 = { id: "k2" };
                outer.set(k1, k2);                                  // k2 is reachable only
                inner.set(k2, { id: "v2" });                        //   through dead k1's value
                const cyclic = { id: "cyclic" };
                outer.set(cyclic, { back: cyclic });                // a value holding its key
                const k3 = { id: "k3" };
                outer.set(live2, k3);                               // k3 lives through live2
                inner.set(k3, "via live2");
                globalThis.ref = new WeakRef(k1);
            })();
        )");
        QCOMPARE(code, 0);
        auto* outer = as<MapObj>(vm.global("outer"));
        auto* inner = as<MapObj>(vm.global("inner"));
        auto* ref = as<WeakRefObj>(vm.global("ref"));
        QCOMPARE(outer->liveCount, 5u);
        QCOMPARE(inner->liveCount, 2u);
        QVERIFY(isKind(ref->target, ObjKind::Record));
        // The program's job is over (runSource ran it to the end), so the WeakRef no longer
        // keeps k1: the collection takes dead, cyclic, k1 and, through k1's value, k2.
        vm.heap.collect();
        QVERIFY(ref->target.isUndefined());
        QCOMPARE(outer->liveCount, 2u);
        QCOMPARE(inner->liveCount, 1u); // k2 went with k1's entry; k3 stays through live2
        std::set<std::string> liveIds;
        vm.heap.forEachObject([&](Obj* o) {
            if (o->kind != ObjKind::Record) return;
            Value id = vm.recordGet(static_cast<Record*>(o), vm.intern("id"));
            if (isString(id)) liveIds.insert(std::string(asString(id)->view()));
        });
        for (const char* gone : {"dead", "k1", "k2", "v2", "cyclic"})
            QVERIFY2(!liveIds.count(gone), gone);
        for (const char* kept : {"live", "live2", "k3"})
            QVERIFY2(liveIds.count(kept), kept);
        QVERIFY_HEAP(vm);
        // Dropping the outside reference to live2 takes k3's entry in the other map along.
        vm.defineGlobal("live2", Value::undefined());
        vm.heap.collect();
        QCOMPARE(outer->liveCount, 1u);
        QCOMPARE(inner->liveCount, 0u);
        QVERIFY_HEAP(vm);
    }

    void verifierReportsASymbolWithABadDescription() {
        VM vm;
        Root keep(vm.heap, Value::object(vm.newSymbol(Value::undefined())));
        Symbol* s = as<Symbol>(keep.value);
        s->description = Value::integer(3);
        std::string problem = vm.heap.verify();
        QVERIFY2(problem.find("a description that is not a string") != std::string::npos,
                 problem.c_str());
        s->description = Value::undefined();
        QVERIFY_HEAP(vm);
    }

    void verifierReportsAMapIndexOutOfStep() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        QCOMPARE(vm.runSource("map.js", "const m = new Map([['a', 1], ['b', 2]]);"), 0);
        MapObj* m = nullptr;
        vm.heap.forEachObject([&](Obj* o) {
            if (o->kind == ObjKind::Map && static_cast<MapObj*>(o)->liveCount == 2)
                m = static_cast<MapObj*>(o);
        });
        QVERIFY(m);
        auto saved = m->index;
        m->index.erase(m->keys[1]);
        std::string problem = vm.heap.verify();
        QVERIFY2(problem.find("Map #") == 0 &&
                     problem.find("index does not find entry 1") != std::string::npos,
                 problem.c_str());
        m->index = saved;
        QVERIFY_HEAP(vm);
    }
};

QTEST_APPLESS_MAIN(TestHeap)
#include "tst_heap.moc"
