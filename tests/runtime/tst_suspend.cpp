// Suspending a thread on an uncaught exception (Scheduler::setSuspendOnUncaught): the
// thread stops at the throw with its frames kept, the rest of the program goes on, and the
// host terminates the thread or restarts one of its frames.
#include "runtime/exec/scheduler.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <fstream>
#include <thread>

using namespace molt;

namespace {

struct Program {
    QTemporaryDir dir;
    VM vm;
    std::string out, err;
    std::vector<Thread*> suspended;
    int code = -1;
    explicit Program(const std::string& source, bool stress = false) {
        std::string path = dir.filePath("main.js").toStdString();
        std::ofstream(path) << source;
        vm.writeOut = [this](std::string_view s) { out.append(s); };
        vm.writeErr = [this](std::string_view s) { err.append(s); };
        vm.heap.setStressMode(stress);
        vm.scheduler().setSuspendOnUncaught(true);
        vm.scheduler().onSuspended = [this](Thread* t) { suspended.push_back(t); };
        code = vm.runTopLevel(path, {});
    }
    // Runs slices until `until` holds or the program ends, then on until a slice ends with
    // its budget left (a slow machine can use up a slice in the middle of ready work, and
    // "budget used" says nothing about whether the program waits or is over).
    Scheduler::Slice::Outcome runUntil(const std::function<bool()>& until) {
        using O = Scheduler::Slice::Outcome;
        for (int i = 0; i < 20000; ++i) {
            auto slice = vm.scheduler().runFor(5);
            if (until && until()) {
                for (int j = 0; slice.outcome == O::BudgetUsed && j < 20000; ++j)
                    slice = vm.scheduler().runFor(5);
                return slice.outcome;
            }
            if (slice.outcome == O::Done || slice.outcome == O::Exited) return slice.outcome;
            if (slice.outcome == O::Waiting)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return O::BudgetUsed;
    }
    void eval(const std::string& expression) {
        Result<Value> v = vm.evaluate(vm.mainModule(), expression);
        QVERIFY(v.ok() && !v.value().isException());
    }
};

const char* kShop = R"(let broken = true;
class Cart {
  constructor(items) { this.items = items; }
  check(n) {
    if (broken) throw new RangeError("too many: " + n);
    console.log("checked " + n);
    return n;
  }
}
function main() {
  const cart = new Cart([1, 2, 3]);
  console.log("before");
  const n = cart.check(cart.items.length);
  console.log("after " + n);
}
setTimeout(() => console.log("timer ran"), 1);
main();
)";

} // namespace

class TestSuspend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uncaughtSuspendsAtTheThrowingFrame_data() {
        QTest::addColumn<bool>("stress");
        QTest::newRow("plain") << false;
        QTest::newRow("GC stress") << true;
    }
    void uncaughtSuspendsAtTheThrowingFrame() {
        QFETCH(bool, stress);
        Program p(kShop, stress);
        QCOMPARE(p.code, 0);
        auto outcome = p.runUntil([&] { return p.out.find("timer ran") != std::string::npos; });
        // The timer ran after the throw: the program goes on, and is not over.
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Waiting));
        QCOMPARE(QString::fromStdString(p.out), QString("before\ntimer ran\n"));
        QVERIFY(p.err.empty()); // nothing printed as uncaught
        QCOMPARE(p.suspended.size(), size_t(1));
        Thread* t = p.suspended[0];
        QCOMPARE(int(t->state), int(ThreadState::Suspended));
        Scheduler::Suspension s = p.vm.scheduler().suspension(t);
        QCOMPARE(QString::fromStdString(s.message), QString("RangeError: too many: 3"));
        QCOMPARE(s.stack.size(), size_t(3));
        QCOMPARE(QString::fromStdString(s.stack[0].function), QString("Cart.check"));
        QCOMPARE(s.stack[0].line, 5u);
        QCOMPARE(s.stack[0].column, 17u);
        QCOMPARE(QString::fromStdString(s.stack[1].function), QString("main"));
        QCOMPARE(s.stack[1].line, 13u);
        QCOMPARE(QString::fromStdString(s.stack[2].function), QString("<module>"));
        QVERIFY(s.stack[0].file.find("main.js") != std::string::npos);
        QCOMPARE(p.vm.scheduler().suspendedThreads(), std::vector<Thread*>{t});
        QVERIFY_HEAP(p.vm);
    }

    void terminateEndsTheThreadAndClosesItsLoops() {
        Program p(R"(
            function* numbers() { try { yield 1; yield 2; } finally { console.log("closed"); } }
            function work() { for (const n of numbers()) { console.log("n" + n); null.x; } }
            let ticks = 0;
            const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); console.log("ticker done"); } }, 1);
            work();
        )");
        p.runUntil([&] { return !p.suspended.empty(); });
        QCOMPARE(p.suspended.size(), size_t(1));
        QCOMPARE(QString::fromStdString(p.out), QString("n1\n")); // the loop is still open
        Thread* t = p.suspended[0];
        QVERIFY(p.vm.scheduler().terminate(t).ok());
        QCOMPARE(int(t->state), int(ThreadState::Finished));
        QCOMPARE(QString::fromStdString(p.out), QString("n1\nclosed\n"));
        QVERIFY(!p.vm.scheduler().terminate(t).ok()); // not suspended any more
        auto outcome = p.runUntil(nullptr);
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(QString::fromStdString(p.out), QString("n1\nclosed\nticker done\n"));
        QVERIFY_HEAP(p.vm);
    }

    void cancelEndsAnEndlessOrSleepingThreadAndTheProgramGoesOn_data() {
        QTest::addColumn<QString>("body");
        QTest::newRow("busy") << "for (;;) {}";
        QTest::newRow("asleep") << "for (;;) Thread.sleep(1);";
    }
    void cancelEndsAnEndlessOrSleepingThreadAndTheProgramGoesOn() {
        QFETCH(QString, body);
        Program p("let ticks = 0;\n"
                  "const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); "
                  "console.log('ticker done'); } }, 1);\n"
                  "Thread.spawn(() => { try { " +
                  body.toStdString() + " } finally { console.log('finally ran'); } });\n");
        // A few slices: the thread is started and, busy or asleep, never ends by itself.
        Thread* endless = nullptr;
        for (int i = 0; i < 1000 && !endless; ++i) {
            p.vm.scheduler().runFor(2);
            for (Thread* t : p.vm.scheduler().threads())
                if (t->threadId > 1 && !t->frames.empty()) endless = t;
        }
        QVERIFY(endless);
        QVERIFY(p.vm.scheduler().cancel(endless).ok());
        QCOMPARE(int(endless->state), int(ThreadState::Finished));
        QVERIFY(!p.vm.scheduler().cancel(endless).ok()); // it has ended
        auto outcome = p.runUntil(nullptr);
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(QString::fromStdString(p.out), QString("ticker done\n")); // no finally
        QVERIFY(p.err.empty());
        QVERIFY_HEAP(p.vm);
    }

    void restartFrameRunsItAgainWithItsArguments_data() {
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the throwing frame") << 0 << "before\nchecked 3\nafter 3\n";
        QTest::newRow("its caller") << 1 << "before\nbefore\nchecked 3\nafter 3\n";
    }
    void restartFrameRunsItAgainWithItsArguments() {
        QFETCH(int, depth);
        QFETCH(QString, expected);
        Program p(kShop, true);
        p.runUntil([&] { return !p.suspended.empty() && p.out.find("timer") != std::string::npos; });
        QCOMPARE(p.suspended.size(), size_t(1));
        p.eval("broken = false");
        Result<void> restarted = p.vm.scheduler().restartFrame(p.suspended[0], size_t(depth));
        QVERIFY2(restarted.ok(), restarted ? "" : restarted.error().message().c_str());
        auto outcome = p.runUntil(nullptr);
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Done));
        std::string out = p.out;
        out.erase(out.find("timer ran\n"), 10);
        QCOMPARE(QString::fromStdString(out), expected);
        QVERIFY(p.err.empty());
        QVERIFY_HEAP(p.vm);
    }

    void aRestartedFrameThatThrowsAgainSuspendsAgain() {
        Program p(kShop);
        p.runUntil([&] { return !p.suspended.empty(); });
        QVERIFY(p.vm.scheduler().restartFrame(p.suspended[0], 0).ok());
        p.runUntil([&] { return p.suspended.size() == 2; });
        QCOMPARE(p.suspended.size(), size_t(2));
        QCOMPARE(p.suspended[1], p.suspended[0]);
        auto s = p.vm.scheduler().suspension(p.suspended[1]);
        QCOMPARE(s.stack.size(), size_t(3)); // restarted in place, not on top of the old frames
        QCOMPARE(QString::fromStdString(s.stack[0].function), QString("Cart.check"));
    }

    void restartIsRefusedWhereItCannotWork() {
        Program p(kShop);
        p.runUntil([&] { return !p.suspended.empty(); });
        Thread* t = p.suspended[0];
        Result<void> module = p.vm.scheduler().restartFrame(t, 2);
        QVERIFY(!module.ok());
        QVERIFY(module.error().message().find("top level") != std::string::npos);
        QVERIFY(!p.vm.scheduler().restartFrame(t, 3).ok());
        QCOMPARE(int(t->state), int(ThreadState::Suspended)); // nothing changed
        QCOMPARE(p.vm.scheduler().suspension(t).stack.size(), size_t(3));
    }

    // A finally that rethrows: the exception is uncaught only once it leaves the last handler.
    void aFinallyRunsBeforeTheThreadSuspends() {
        Program p(R"(function f() {
  try { throw new Error("inner"); }
  finally { console.log("finally"); }
}
try { f(); } catch (e) { console.log("caught " + e.message); }
function g() {
  try { null.y; } finally { console.log("g finally"); }
}
g();
)");
        p.runUntil([&] { return !p.suspended.empty(); });
        QCOMPARE(QString::fromStdString(p.out), QString("finally\ncaught inner\ng finally\n"));
        auto s = p.vm.scheduler().suspension(p.suspended[0]);
        QCOMPARE(QString::fromStdString(s.stack[0].function), QString("g"));
        QVERIFY(s.message.find("TypeError") == 0);
    }

    void uncaughtExceptionListenersStillComeFirst() {
        Program p(R"(
            process.on("uncaughtException", (e) => console.log("listener: " + e.message));
            setTimeout(() => { throw new Error("late"); }, 1);
        )");
        auto outcome = p.runUntil(nullptr);
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(QString::fromStdString(p.out), QString("listener: late\n"));
        QVERIFY(p.suspended.empty());
    }

    // An unhandled rejection is held, not thrown from the drain: every one of the drain's is
    // held, each with its error's stack minus the drain's own frames, and the program stays
    // alive until they are released.
    void unhandledRejectionsAreHeldUntilReleased() {
        Program p(R"(
            class Shop { async checkout(cart) { await null; return cart.total.rate; } }
            new Shop().checkout({});
            Promise.reject(7);
            setTimeout(() => console.log("timer ran"), 1);
        )");
        std::vector<uint32_t> held;
        p.vm.scheduler().onRejectionHeld = [&](uint32_t id) { held.push_back(id); };
        auto outcome = p.runUntil([&] { return p.out.find("timer ran") != std::string::npos; });
        QCOMPARE(int(outcome), int(Scheduler::Slice::Outcome::Waiting)); // held: not over
        QCOMPARE(int(held.size()), 2);
        QVERIFY(p.suspended.empty());
        QCOMPARE(p.vm.scheduler().heldRejections(), held);
        // In the order they rejected: Promise.reject(7) at once, checkout after its await.
        auto shop = p.vm.scheduler().heldRejection(held[1]);
        QVERIFY(shop.has_value());
        QVERIFY(shop->message.find("TypeError: Cannot read properties of undefined") == 0);
        QCOMPARE(int(shop->stack.size()), 1);
        QCOMPARE(QString::fromStdString(shop->stack[0].function), QString("Shop.checkout"));
        QCOMPARE(int(shop->stack[0].line), 2);
        auto seven = p.vm.scheduler().heldRejection(held[0]);
        QVERIFY(seven->message.find("UnhandledPromiseRejection: ") == 0);
        QVERIFY(seven->message.find("reason \"7\"") != std::string::npos);
        QVERIFY(seven->stack.empty()); // a number has no stack; the drain's is no one's
        QVERIFY(p.vm.scheduler().releaseRejection(held[0]).ok());
        QVERIFY(!p.vm.scheduler().releaseRejection(held[0]).ok()); // once
        QVERIFY(!p.vm.scheduler().heldRejection(held[0]).has_value());
        // One still held: the program waits for the host (runUntil would wait for ever).
        QCOMPARE(int(p.vm.scheduler().runFor(5).outcome), int(Scheduler::Slice::Outcome::Waiting));
        QVERIFY(p.vm.scheduler().releaseRejection(held[1]).ok());
        QCOMPARE(int(p.runUntil(nullptr)), int(Scheduler::Slice::Outcome::Done));
    }

    // The program's own listener still takes an unhandled rejection first, as in node; a
    // handler added after a rejection was held makes it 'rejectionHandled'.
    void rejectionListenersStillComeFirst() {
        Program p(R"(
            let late;
            process.on("rejectionHandled", (q) => console.log("handled late: " + (q === late)));
            late = Promise.reject(new Error("held"));
            setTimeout(() => late.catch(() => {}), 5);
        )");
        std::vector<uint32_t> held;
        p.vm.scheduler().onRejectionHeld = [&](uint32_t id) { held.push_back(id); };
        p.runUntil([&] { return p.out.find("handled late") != std::string::npos; });
        QCOMPARE(QString::fromStdString(p.out), QString("handled late: true\n"));
        QCOMPARE(int(held.size()), 1);
        Program q(R"(
            process.on("unhandledRejection", (r) => console.log("listener: " + r.message));
            Promise.reject(new Error("x"));
        )");
        q.vm.scheduler().onRejectionHeld = [&](uint32_t) { QFAIL("held despite a listener"); };
        QCOMPARE(int(q.runUntil(nullptr)), int(Scheduler::Slice::Outcome::Done));
        QCOMPARE(QString::fromStdString(q.out), QString("listener: x\n"));
    }

    void aPrintedStackTraceParsesBackIntoFrames() {
        auto frames = VM::parseStackTrace("Error: x\n    at Shop.checkout (/a/shop.js:4:23)\n"
                                          "    at /b/c:d.js:10:2\n    at f (native)\n"
                                          "  text a program wrote\n    at g (x.js:1:1)");
        QCOMPARE(int(frames.size()), 3);
        QCOMPARE(QString::fromStdString(frames[0].function), QString("Shop.checkout"));
        QCOMPARE(QString::fromStdString(frames[0].file), QString("/a/shop.js"));
        QCOMPARE(int(frames[0].line), 4);
        QCOMPARE(int(frames[0].column), 23);
        QCOMPARE(QString::fromStdString(frames[1].file), QString("/b/c:d.js"));
        QVERIFY(frames[1].function.empty());
        QCOMPARE(QString::fromStdString(frames[2].function), QString("g"));
    }

    void withoutThePolicyTheProgramEndsAsInNode() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        int code = vm.runSource("main.js", kShop);
        QCOMPARE(code, 1);
        QVERIFY(r.err.find("Uncaught RangeError: too many: 3") != std::string::npos);
        QVERIFY(vm.scheduler().suspendedThreads().empty());
    }
};

QTEST_APPLESS_MAIN(TestSuspend)
#include "tst_suspend.moc"
