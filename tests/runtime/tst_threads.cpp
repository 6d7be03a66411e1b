// Green threads and timers: interleaving, preemption, sleep ordering, timer ordering,
// and that the process ends when everything is done.
#include "testutil.h"

#include <QtTest>

using namespace molt;

class TestThreads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spawnedThreadRunsAfterTheTopLevelYields() {
        auto r = test::run(R"(
            Thread.spawn(() => console.log("child"));
            console.log("main");
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("main\nchild\n"));
    }

    void sleepOrdersThreadsByWakeTime() {
        auto r = test::run(R"(
            const log = [];
            Thread.spawn(() => { Thread.sleep(30); log.push("slow"); });
            Thread.spawn(() => { Thread.sleep(5); log.push("fast"); });
            Thread.spawn(() => { Thread.sleep(60); console.log(log.join(",")); });
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("fast,slow\n"));
    }

    void yieldInterleavesThreads() {
        auto r = test::run(R"(
            const log = [];
            for (const name of ["a", "b"]) Thread.spawn(() => { for (let i = 0; i < 3; i++) { log.push(name + i); Thread.yield(); } });
            Thread.spawn(() => { Thread.sleep(20); console.log(log.join(" ")); });
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("a0 b0 a1 b1 a2 b2\n"));
    }

    void busyLoopsArePreempted() {
        // Without preemption at backward jumps the spinner would never let the flag be set.
        auto r = test::run(R"(
            let stop = false, spins = 0;
            Thread.spawn(() => { while (!stop) spins++; console.log("spinner stopped"); });
            Thread.spawn(() => { stop = true; console.log("flag set"); });
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("flag set\nspinner stopped\n"));
    }

    void threadsSwitchInsideAccessors() {
        // Accessors run as frames of the thread, so they can sleep and be preempted.
        auto r = test::run(R"(
            class Sensor { get reading() { Thread.sleep(10); return 42; } }
            const log = [];
            Thread.spawn(() => { log.push("read " + new Sensor().reading); });
            Thread.spawn(() => { log.push("other"); });
            Thread.spawn(() => { Thread.sleep(40); console.log(log.join(", ")); });
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("other, read 42\n"));
    }

    void timersFireInDueOrderAndIntervalsRepeat() {
        auto r = test::run(R"(
            setTimeout(() => console.log("t20"), 20);
            setTimeout((a, b) => console.log("t5", a + b), 5, 2, 3);
            let n = 0;
            const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); console.log("interval x3"); } }, 2);
            const never = setTimeout(() => console.log("never"), 10);
            clearTimeout(never);
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("t5 5\ninterval x3\nt20\n"));
    }

    void uncaughtExceptionInAThreadEndsTheProgram() {
        auto r = test::run(R"(
            Thread.spawn(() => { throw new RangeError("bad thread"); });
            setTimeout(() => console.log("not reached"), 50);
        )");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.rfind("Uncaught RangeError: bad thread", 0) == 0);
        QVERIFY(r.out.empty());
    }

    void processExitStopsEverything() {
        auto r = test::run(R"(
            setTimeout(() => console.log("not reached"), 20);
            Thread.spawn(() => { console.log("bye"); process.exit(3); });
        )");
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(QString::fromStdString(r.out), QString("bye\n"));
    }

    void threadsSurviveGcStress() {
        auto r = test::run(R"(
            const results = [];
            for (let t = 0; t < 4; t++) Thread.spawn(() => {
                let acc = [];
                for (let i = 0; i < 50; i++) { acc.push({ t, i }); if (i % 10 === 0) Thread.yield(); }
                results.push(acc.length);
            });
            Thread.spawn(() => { while (results.length < 4) Thread.yield(); console.log(results.join(",")); });
        )",
                           true);
        QCOMPARE(QString::fromStdString(r.out), QString("50,50,50,50\n"));
    }
};

QTEST_APPLESS_MAIN(TestThreads)
#include "tst_threads.moc"
