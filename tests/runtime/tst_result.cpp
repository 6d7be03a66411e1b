// Result<T> and TRY: values pass through, the first error returns early, and an error's
// text is formatted in one place.
#include "runtime/core/result.h"

#include <QtTest>
#include <memory>

using namespace molt;

namespace {

Result<int> parseDigit(char c) {
    if (c < '0' || c > '9') return Error(std::string("'") + c + "' is not a digit");
    return c - '0';
}

int steps = 0;

Result<int> sumOfDigits(const char* s) {
    int sum = 0;
    for (; *s; ++s) {
        sum += TRY(parseDigit(*s));
        ++steps;
    }
    return sum;
}

Result<void> allDigits(const char* s) {
    TRY(sumOfDigits(s));
    return {};
}

Result<std::unique_ptr<int>> boxed(int v) {
    return std::make_unique<int>(v);
}

Result<int> unboxed(int v) {
    std::unique_ptr<int> p = TRY(boxed(v));
    return *p;
}

} // namespace

class TestResult : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tryYieldsTheValue() {
        Result<int> r = sumOfDigits("123");
        QVERIFY(r.ok());
        QCOMPARE(r.value(), 6);
        QVERIFY(allDigits("42").ok());
    }

    void tryReturnsTheFirstError() {
        steps = 0;
        Result<int> r = sumOfDigits("1x2y");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message(), std::string("'x' is not a digit"));
        QCOMPARE(steps, 1); // nothing after the failing step ran
        Result<void> v = allDigits("7?");
        QVERIFY(!v);
        QCOMPARE(v.error().format(), std::string("'?' is not a digit"));
    }

    void tryMovesMoveOnlyValues() {
        Result<int> r = unboxed(5);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), 5);
    }

    void errorsFormatWithTheirSourceLocation() {
        QCOMPARE(Error("unexpected token", SourceLocation{"app.js", 3, 14}).format(),
                 std::string("app.js:3:14: unexpected token"));
        QCOMPARE(Error("cannot read", SourceLocation{"patch.js", 0, 0}).format(),
                 std::string("patch.js: cannot read"));
        QCOMPARE(Error("no location").format(), std::string("no location"));
        Error wrapped = Error("boom", SourceLocation{"p.js", 2, 1}).context("policy threw: ");
        QCOMPARE(wrapped.format(), std::string("p.js:2:1: policy threw: boom"));
    }
};

QTEST_APPLESS_MAIN(TestResult)
#include "tst_result.moc"
