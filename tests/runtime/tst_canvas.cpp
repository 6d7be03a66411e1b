// The hosted Canvas: colours, the display list a program records, frames handed to the
// host's sink as plain data, and headless runs without a sink.
#include "runtime/lib/canvas.h"
#include "testutil.h"

#include <QtTest>

using namespace molt;

namespace {
struct ColourCase {
    const char* text;
    uint32_t argb;
};
// moc does not understand raw string literals: keep "#" colours out of
// the raw-string programs below.
const ColourCase kColourCases[] = {
    {"#fff", 0xffffffff},
    {"#1d2330", 0xff1d2330},
    {"#ff000080", 0x80ff0000},
    {"rgb(255, 128, 0)", 0xffff8000},
    {"rgba(0, 0, 255, 0.5)", 0x800000ff},
    {"hsl(120, 100%, 50%)", 0xff00ff00},
    {" Gold ", 0xffffd700},
};
} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesCssColours() {
        for (const ColourCase& c : kColourCases) {
            uint32_t argb = 0;
            QVERIFY2(parseCanvasColor(c.text, argb), c.text);
            QCOMPARE(QString::number(argb, 16), QString::number(c.argb, 16));
        }
        uint32_t untouched = 42;
        QVERIFY(!parseCanvasColor(std::string(1, 0x23) + "12", untouched));
        QVERIFY(!parseCanvasColor("rgb(1,2)", untouched));
        QVERIFY(!parseCanvasColor("chartreuse-ish", untouched));
        QCOMPARE(untouched, 42u);
    }

    void framesReachTheSinkAsPlainData() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        Canvas canvas(vm, 320, 200);
        std::vector<CanvasFrame> frames;
        canvas.sink = [&](CanvasFrame&& f) { frames.push_back(std::move(f)); };
        r.exitCode = vm.runSource("draw.js", R"js(
            for (let i = 0; i < 2; i++) {
                Canvas.clear("rgb(16, 32, 48)");
                Canvas.fillRect(10, 20, 30, 40, "red");
                Canvas.fillCircle(Canvas.width / 2, Canvas.height / 2, 5 + i, "lime");
                Canvas.line(0, 0, 100, 50, "blue", 3);
                Canvas.text(4, 16, `frame ${i}`, "white", 12);
                console.log(Canvas.present());
            }
        )js");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("1\n2\n"));
        QCOMPARE(frames.size(), size_t(2));
        const CanvasFrame& f = frames[1];
        QCOMPARE(f.sequence, uint64_t(2));
        QCOMPARE(f.width, 320.0);
        QCOMPARE(f.ops.size(), size_t(5)); // clear started a new list: frame 0's ops are gone
        QCOMPARE(int(f.ops[0].kind), int(CanvasOp::Kind::Clear));
        QCOMPARE(f.ops[0].color, 0xff102030u);
        QCOMPARE(int(f.ops[1].kind), int(CanvasOp::Kind::FillRect));
        QCOMPARE(f.ops[1].h, 40.0f);
        QCOMPARE(f.ops[2].x, 160.0f);
        QCOMPARE(f.ops[2].w, 6.0f);
        QCOMPARE(f.ops[3].lineWidth, 3.0f);
        QCOMPARE(QString::fromStdString(f.ops[4].text), QString("frame 1"));
        QCOMPARE(f.ops[4].h, 12.0f);
    }

    void sizeChangesAreSeenByTheProgram() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        Canvas canvas(vm);
        canvas.setSize(800, 600);
        vm.runSource("size.js", "console.log(Canvas.width, Canvas.height);");
        QCOMPARE(QString::fromStdString(r.out), QString("800 600\n"));
    }

    void headlessFramesAreDroppedAndFullFramesThrow() {
        VM vm;
        test::RunResult r;
        test::capture(vm, r);
        Canvas canvas(vm);
        r.exitCode = vm.runSource("flood.js", R"(
            Canvas.clear();
            try {
                for (let i = 0; i < 300000; i++) Canvas.fillRect(0, 0, 1, 1, "red");
            } catch (e) { console.log(e.name); }
            console.log(Canvas.present());
        )");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out), QString("RangeError\n1\n"));
        QCOMPARE(canvas.framesPresented(), uint64_t(1));
    }
};

QTEST_APPLESS_MAIN(TestCanvas)
#include "tst_canvas.moc"
