// Compiler diagnostics: every error names file:line:col and shows the line with a caret;
// nothing outside the language subset is accepted silently.
#include "testutil.h"

#include <QtTest>

using namespace molt;

class TestCompiler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void errors_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("syntax") << "let x = 1;\nlet y = ;\n"
                                << "test.js:2:9: syntax error: unexpected ';'";
        QTest::newRow("missing paren") << "foo(1, 2;\n"
                                       << "test.js:1:9: syntax error: missing ')'";
        QTest::newRow("for await outside async")
            << "function f(l) { for await (const x of l) {} }\n"
            << "test.js:1:17: for await...of is only valid in async functions";
        QTest::newRow("regex") << "const r = /ab+(c/;\n"
                               << "test.js:1:11: Invalid regular expression: /ab+(c/: Unterminated group";
        QTest::newRow("arguments outside a function")
            << "const f = () => arguments;\n"
            << "test.js:1:17: arguments is only supported inside a non-arrow function's body";
        QTest::newRow("import") << "import x from './x';\n"
                                << "test.js:1:1: import declarations are not supported";
        QTest::newRow("const assign") << "const a = 1;\na = 2;\n"
                                      << "test.js:2:1: Assignment to constant variable 'a'";
        QTest::newRow("undeclared private")
            << "class A { m() { return this.#x; } }\n"
            << "test.js:1:29: Private field '#x' must be declared in an enclosing class";
        QTest::newRow("bad break") << "break;\n"
                                   << "test.js:1:1: Illegal break statement";
        QTest::newRow("two defaults")
            << "switch (1) {\n  default: break;\n  default: break;\n}\n"
            << "test.js:3:3: More than one default clause in switch statement";
        QTest::newRow("bare try") << "try {\n  f();\n}\n"
                                  << "test.js:1:1: Missing catch or finally after try";
        QTest::newRow("tagged template") << "tag`x`;\n"
                                         << "test.js:1:1: tagged templates are not supported";
    }
    void errors() {
        QFETCH(QString, source);
        QFETCH(QString, firstLine);
        auto r = test::run(source.toStdString());
        QCOMPARE(r.exitCode, 2);
        QString err = QString::fromStdString(r.err);
        QCOMPARE(err.section('\n', 0, 0), firstLine);
        QVERIFY2(err.section('\n', 2, 2).endsWith('^'), qPrintable(err));
        QVERIFY(r.out.empty());
    }

    void caretUnderTheColumn() {
        auto r = test::run("let ok = 1;\n    const r = yield* [];\n");
        QCOMPARE(QString::fromStdString(r.err),
                 QString("test.js:2:15: yield is only valid in generator functions\n    const r "
                         "= yield* [];\n              ^\n"));
    }

    void uncaughtExceptionsPrintTheHostedStack() {
        auto r = test::run("class A {\n  m() { return this.n(); }\n  n() { throw new "
                           "TypeError('deep'); }\n}\nnew A().m();\n");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromStdString(r.err),
                 QString("Uncaught TypeError: deep\n    at A.n (test.js:3:15)\n    at A.m "
                         "(test.js:2:21)\n    at <module> (test.js:5:9)\n"));
    }

    void privateMethodsShowAsWrittenInTheStack() {
        auto r = test::run("class A {\n  m() { return this.#n(); }\n  #n() { throw new "
                           "Error('p'); }\n}\nnew A().m();\n");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromStdString(r.err),
                 QString("Uncaught Error: p\n    at A.#n (test.js:3:16)\n    at A.m "
                         "(test.js:2:21)\n    at <module> (test.js:5:9)\n"));
    }
};

QTEST_APPLESS_MAIN(TestCompiler)
#include "tst_compiler.moc"
