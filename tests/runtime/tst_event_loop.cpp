// The libuv event loop under the scheduler: a native I/O completion resumes a waiting green
// thread (others run meanwhile) or calls a hosted callback on a fresh thread, another OS
// thread wakes the loop with post(), the program ends when no handle is left, and runFor
// slices poll the loop without blocking.
#include "runtime/exec/scheduler.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <thread>
#include <uv.h>

using namespace molt;

namespace {

// `waitFor(ms)`: blocks the calling green thread on a uv timer; resumes it with "woke".
struct Wait {
    uv_timer_t timer;
    VM* vm;
    Thread* thread;
};

Value waitFor(VM& vm, Value, Value* args, int argc) {
    Thread* t = vm.currentThread();
    if (!vm.scheduler().block(t)) return vm.throwTypeError("waitFor cannot block here");
    auto* w = new Wait{{}, &vm, t};
    uv_timer_init(vm.scheduler().loop(), &w->timer);
    w->timer.data = w;
    uv_timer_start(
        &w->timer,
        [](uv_timer_t* h) {
            auto* w = static_cast<Wait*>(h->data);
            w->vm->scheduler().resume(w->thread, w->vm->str("woke"));
            uv_close(reinterpret_cast<uv_handle_t*>(h),
                     [](uv_handle_t* h) { delete static_cast<Wait*>(h->data); });
        },
        uint64_t(argc > 0 ? VM::toNumber(args[0]) : 0), 0);
    return Value::undefined();
}

// `later(ms, fn)`: calls fn("fired") on a fresh thread when a uv timer fires.
struct Later {
    uv_timer_t timer;
    VM* vm;
    uint32_t pin;
};

Value later(VM& vm, Value, Value* args, int argc) {
    auto* l = new Later{{}, &vm, vm.scheduler().pin(args[1])};
    uv_timer_init(vm.scheduler().loop(), &l->timer);
    l->timer.data = l;
    uv_timer_start(
        &l->timer,
        [](uv_timer_t* h) {
            auto* l = static_cast<Later*>(h->data);
            Scheduler& s = l->vm->scheduler();
            Value arg = l->vm->str("fired");
            s.callback(s.pinned(l->pin), Value::undefined(), &arg, 1);
            s.unpin(l->pin);
            uv_close(reinterpret_cast<uv_handle_t*>(h),
                     [](uv_handle_t* h) { delete static_cast<Later*>(h->data); });
        },
        uint64_t(VM::toNumber(args[0])), 0);
    return Value::undefined();
}

void install(VM& vm) {
    vm.defineGlobal("waitFor", Value::object(vm.newNative("waitFor", waitFor, 1)));
    vm.defineGlobal("later", Value::object(vm.newNative("later", later, 2)));
}

test::RunResult run(const std::string& source, bool stress = false) {
    VM vm;
    test::RunResult r;
    test::capture(vm, r);
    vm.heap.setStressMode(stress);
    install(vm);
    r.exitCode = vm.runSource("test.js", source);
    return r;
}

} // namespace

class TestEventLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aThreadBlockedOnIoLetsOthersRun() {
        auto r = run(R"(
            Thread.spawn(() => { console.log("waiting"); console.log(waitFor(30)); });
            Thread.spawn(() => { for (let i = 0; i < 3; i++) { console.log("other " + i); Thread.yield(); } });
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out),
                 QString("waiting\nother 0\nother 1\nother 2\nwoke\n"));
    }

    void anIoCompletionCallsBackOnAFreshThread() {
        for (bool stress : {false, true}) {
            auto r = run(R"(
                const box = { n: 41 };
                later(10, (what) => { console.log(what, box.n + 1, Thread.current().id > 1); });
                console.log("top level done");
            )",
                         stress);
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(QString::fromStdString(r.out), QString("top level done\nfired 42 true\n"));
        }
    }

    void ioAndTimersInterleaveByDueTime() {
        auto r = run(R"(
            setTimeout(() => console.log("timer 60"), 60);
            later(20, () => console.log("io 20"));
            setTimeout(() => console.log("timer 5"), 5);
            later(120, () => console.log("io 120"));
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("timer 5\nio 20\ntimer 60\nio 120\n"));
    }

    void aHostedTimerEndsTheIdleWaitWhileIoIsPending() {
        // The loop's clock is stale after a busy top level: the bounding uv timer is already
        // due when uv_run starts, and the poll must still not block until the I/O.
        auto r = run(R"(
            const start = performance.now();
            while (performance.now() - start < 5) {}
            later(400, () => console.log("io"));
            setTimeout(() => console.log("timer"), 5);
        )");
        QCOMPARE(QString::fromStdString(r.out), QString("timer\nio\n"));
    }

    void aThrowingIoCallbackIsUncaught() {
        auto r = run(R"(later(1, () => { throw new Error("boom"); });)");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("Uncaught Error: boom") != std::string::npos, r.err.c_str());
    }

    void theProgramEndsWhenNoHandleIsReferenced() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        uv_timer_t keepAlive;
        uv_timer_init(vm.scheduler().loop(), &keepAlive);
        uv_timer_start(
            &keepAlive, [](uv_timer_t*) {}, 100000, 0);
        uv_unref(reinterpret_cast<uv_handle_t*>(&keepAlive)); // an unref'd handle: not pending
        QCOMPARE(vm.runSource("test.js", "console.log('done');"), 0);
        QCOMPARE(QString::fromStdString(r.out), QString("done\n"));
        QVERIFY(vm.scheduler().idle());
        uv_ref(reinterpret_cast<uv_handle_t*>(&keepAlive));
        QVERIFY(!vm.scheduler().idle());
        uv_close(reinterpret_cast<uv_handle_t*>(&keepAlive), nullptr);
        uv_run(vm.scheduler().loop(), UV_RUN_NOWAIT);
        QVERIFY(vm.scheduler().idle());
    }

    void postFromAnotherOsThreadWakesTheIdleWait() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        // A referenced handle that never fires keeps the loop blocked until post() arrives.
        uv_timer_t forever;
        uv_timer_init(vm.scheduler().loop(), &forever);
        uv_timer_start(
            &forever, [](uv_timer_t*) {}, 3600 * 1000, 0);
        bool posted = false;
        std::thread other([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            vm.scheduler().post([&] {
                posted = true;
                uv_close(reinterpret_cast<uv_handle_t*>(&forever), nullptr);
            });
        });
        QCOMPARE(vm.runSource("test.js", "console.log('top');"), 0);
        other.join();
        QVERIFY(posted);
    }

    void runForPollsTheLoopWithoutBlocking() {
        // As the IDE's VM worker drives a program: runTopLevel, then runFor slices.
        VM host;
        test::RunResult hr;
        test::capture(host, hr);
        install(host);
        QTemporaryDir dir;
        std::string file = dir.filePath("main.js").toStdString();
        FILE* f = std::fopen(file.c_str(), "w");
        std::fputs("later(30, () => console.log('io done')); console.log('top');", f);
        std::fclose(f);
        QCOMPARE(host.runTopLevel(file, {}), 0);
        using O = Scheduler::Slice::Outcome;
        int waits = 0;
        for (;;) {
            auto slice = host.scheduler().runFor(5);
            if (slice.outcome == O::Done) break;
            QVERIFY(slice.outcome != O::Exited);
            if (slice.outcome == O::Waiting) {
                QVERIFY(slice.waitMs <= 5); // I/O pending: the host comes back soon to poll
                waits++;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
        QCOMPARE(QString::fromStdString(hr.out), QString("top\nio done\n"));
        QVERIFY(waits > 0);
    }
};

QTEST_APPLESS_MAIN(TestEventLoop)
#include "tst_event_loop.moc"
