// Green threads and timers: interleaving, preemption, sleep ordering, timer ordering,
// and that the process ends when everything is done.
#include "runtime/exec/scheduler.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sys/stat.h>
#include <thread>

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

    // Expected orders follow from the semantics, never from a race of two close delays: a
    // thread that reports waits for the others to finish, and where a later sleeper must
    // wake first its sleep is shorter by far more than a loaded machine takes for a slice.
    void sleepOrdersThreadsByWakeTime() {
        auto r = test::run(R"(
            const log = [];
            Thread.spawn(() => { Thread.sleep(100); log.push("slow"); });
            Thread.spawn(() => { Thread.sleep(5); log.push("fast"); });
            Thread.spawn(() => { while (log.length < 2) Thread.yield(); console.log(log.join(",")); });
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("fast,slow\n"));
    }

    void yieldInterleavesThreads() {
        auto r = test::run(R"(
            const log = [];
            for (const name of ["a", "b"]) Thread.spawn(() => { for (let i = 0; i < 3; i++) { log.push(name + i); Thread.yield(); } });
            Thread.spawn(() => { while (log.length < 6) Thread.yield(); console.log(log.join(" ")); });
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
            Thread.spawn(() => { while (log.length < 2) Thread.yield(); console.log(log.join(", ")); });
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("other, read 42\n"));
    }

    void timersFireInDueOrderAndIntervalsRepeat() {
        auto r = test::run(R"(
            setTimeout(() => console.log("t200"), 200);
            setTimeout((a, b) => console.log("t5", a + b), 5, 2, 3);
            let n = 0;
            const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); console.log("interval x3"); } }, 2);
            const never = setTimeout(() => console.log("never"), 10);
            clearTimeout(never);
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("t5 5\ninterval x3\nt200\n"));
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

    // fs.promises.readFile of a FIFO waits, on the thread pool, for a writer that a timer
    // of the same program starts later: the VM's thread must go on meanwhile (a read done
    // on it would block the loop, and the timer, forever). A watchdog writes "late" to the
    // FIFO after 5 s so that such a regression fails here instead of hanging.
    void fsPromisesRunOnThePoolWhileTheLoopGoesOn() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        std::atomic<bool> finished{false};
        std::thread watchdog([&] {
            for (int i = 0; i < 500 && !finished; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            if (finished) return;
            std::ofstream(fifo) << "late";
        });
        auto r = test::run("const fs = require('fs');\n"
                           "const fifo = '" +
                           fifo + "';\n" + R"(
            fs.promises.readFile(fifo, "utf8").then((text) => console.log("read", text));
            console.log("reading");
            setTimeout(() => {
                console.log("timer writes");
                fs.writeFileSync(fifo, "through the pipe");
            }, 20);
        )");
        finished = true;
        watchdog.join();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out),
                 QString("reading\ntimer writes\nread through the pipe\n"));
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

    // ---- Scheduler::runFor: bounded slices for a host that services messages in between.

    void runForReturnsWhenTheBudgetIsUsedEvenWithOneBusyThread() {
        Program p(R"(
            let spins = 0;
            Thread.spawn(() => { while (true) spins++; });
        )");
        QCOMPARE(p.code, 0);
        double last = 0;
        // The thread never ends, so a slice that returns at all was cut by its budget; the
        // outcome says so, and no wall-time bound is needed (one would fail on a slow machine).
        for (int round = 0; round < 3; ++round) {
            auto slice = p.vm.scheduler().runFor(5);
            QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::BudgetUsed));
            double spins = p.number("spins");
            QVERIFY(spins > last); // the busy thread made progress in every slice
            last = spins;
        }
    }

    void runForReturnsWaitingInsteadOfSleeping() {
        // Had runFor slept until the timer, the callback would have run and the outcome would be
        // Done: "Waiting" with nothing printed is the structural proof that it returned instead.
        // The timer is far enough away that a slow machine does not reach it before runFor.
        Program p(R"(setTimeout(() => console.log("tick"), 1000);)");
        auto slice = p.vm.scheduler().runFor(5);
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Waiting));
        QVERIFY(slice.waitMs > 0 && slice.waitMs <= 1000);
        QVERIFY(p.out.empty());
        std::this_thread::sleep_for(std::chrono::microseconds(int64_t(slice.waitMs * 1000) + 1000));
        slice = p.vm.scheduler().runFor(5);
        QCOMPARE(QString::fromStdString(p.out), QString("tick\n"));
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Done));
    }

    void runForReportsTheEndOfTheProgram() {
        Program thrown(R"(Thread.spawn(() => { throw new TypeError("no"); });)");
        auto slice = thrown.runToEnd();
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Exited));
        QCOMPARE(slice.exitCode, 1);
        QVERIFY(thrown.err.find("Uncaught TypeError: no") != std::string::npos);

        Program exited(R"(setTimeout(() => process.exit(7), 1);)");
        slice = exited.runToEnd();
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Exited));
        QCOMPARE(slice.exitCode, 7);

        Program finished(R"(console.log("top");)");
        slice = finished.runToEnd();
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(slice.exitCode, 0);
        QCOMPARE(int(finished.vm.mainModule()->state), 2); // the top level is done
    }

    // The DSU waits for frames to leave changed code with return barriers: one fires when
    // its frame returns normally and when an exception unwinds it, the program goes on
    // exactly as without it, and stack traces still show the caller's line.
    void returnBarriersFireOnReturnAndOnUnwind() {
        Program p(R"(
            const log = [];
            let go = false; // the threads stay parked until the test has set its barriers
            function inner() { while (!go) Thread.sleep(1); return 1; }
            function outer() {
                const r = inner();
                log.push("after " + r);
            }
            function thrower() { while (!go) Thread.sleep(1); throw new Error("x"); }
            function catcher() {
                try { thrower(); } catch (e) { log.push("caught " + e.message); }
            }
            Thread.spawn(outer);
            Thread.spawn(catcher);
        )");
        QCOMPARE(p.code, 0);
        // Run until both threads are parked in their sleeps.
        auto frameNamed = [&](Thread* t, const char* name) -> int {
            for (size_t i = 0; i < t->frames.size(); ++i) {
                String* n = t->frames[i].closure->proto->name;
                if (n && n->view() == name) return int(i);
            }
            return -1;
        };
        std::vector<std::pair<Thread*, int>> parked;
        for (int round = 0; round < 50 && parked.size() < 2; ++round) {
            p.vm.scheduler().runFor(1);
            parked.clear();
            for (Thread* t : p.vm.scheduler().threads())
                for (const char* name : {"inner", "thrower"})
                    if (int i = frameNamed(t, name); i > 0) parked.emplace_back(t, i);
        }
        QCOMPARE(int(parked.size()), 2);
        int fired = 0;
        p.vm.setReturnBarrierHook([&] { ++fired; });
        for (auto& [t, i] : parked) {
            auto before = p.vm.captureStack(t);
            QVERIFY(p.vm.setReturnBarrier(t, size_t(i)));
            auto after = p.vm.captureStack(t);
            QCOMPARE(int(after.size()), int(before.size()));
            for (size_t k = 0; k < before.size(); ++k)
                QCOMPARE(after[k].line, before[k].line); // the caller's line, not the trampoline's
        }
        QVERIFY(!p.vm.setReturnBarrier(parked[0].first, 0)); // no caller to return into
        QCOMPARE(int(p.vm.returnBarrierCount()), 2);
        Result<Value> go = p.vm.evaluate(p.vm.mainModule(), "go = true");
        QVERIFY2(go.ok(), go ? "" : go.error().format().c_str());
        auto slice = p.runToEnd();
        QCOMPARE(int(slice.outcome), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(fired, 2);
        QCOMPARE(int(p.vm.returnBarrierCount()), 0);
        Value log = p.vm.evaluate(p.vm.mainModule(), "log.join(', ')").value();
        QCOMPARE(QString::fromStdString(p.vm.toStdString(log)), QString("after 1, caught x"));
    }

private:
    // A program whose top level is started but not run: the test drives runFor itself.
    struct Program {
        QTemporaryDir dir;
        VM vm;
        std::string out, err;
        int code = -1;
        explicit Program(const std::string& source) {
            std::string path = dir.filePath("main.js").toStdString();
            std::ofstream(path) << source;
            vm.writeOut = [this](std::string_view s) { out.append(s); };
            vm.writeErr = [this](std::string_view s) { err.append(s); };
            code = vm.runTopLevel(path, {});
        }
        double number(const std::string& expression) {
            Result<Value> v = vm.evaluate(vm.mainModule(), expression);
            return v && v.value().isNumber() ? v.value().asNumber() : -1;
        }
        Scheduler::Slice runToEnd() {
            for (;;) {
                auto slice = vm.scheduler().runFor(5);
                using O = Scheduler::Slice::Outcome;
                if (slice.outcome == O::Done || slice.outcome == O::Exited) return slice;
                if (slice.outcome == O::Waiting)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
    };
};

QTEST_APPLESS_MAIN(TestThreads)
#include "tst_threads.moc"
