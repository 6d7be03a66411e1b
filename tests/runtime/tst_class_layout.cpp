// The class-layout analysis (runtime/syntax/class_layout.h) that the compiler, the differ
// and the refactorings share: which writes make a field, in which order, and which do not.
#include "runtime/syntax/class_layout.h"

#include <QtTest>

using namespace molt;

namespace {

struct Parsed {
    std::unique_ptr<SyntaxTree> tree;
    ClassLayout layout;
};

// The layout of the first class declaration in `source`.
Parsed layoutOf(const std::string& source) {
    Parsed p{SyntaxTree::parse(source, "t.js"), {}};
    for (TSNode s : namedChildren(p.tree->root()))
        if (is(s, "class_declaration")) {
            p.layout = readClassLayout(*p.tree, s);
            break;
        }
    return p;
}

QString names(const std::vector<LayoutField>& fields) {
    QStringList out;
    for (const LayoutField& f : fields)
        out << QString::fromStdString(f.name) + (f.declared ? "" : "*");
    return out.join(",");
}

} // namespace

class TestClassLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fields_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("fields"); // declared, then written ones (marked *)
        QTest::newRow("declared then written, source order")
            << "class C { b = 1; a; constructor() { this.z = 1; this.b = 2; } m() { this.y = 3; } }"
            << "b,a,z*,y*";
        QTest::newRow("every assignment form")
            << "class C { m(o) { this.a += 1; this.b++; --this.c; (this.d) = 1; this.e ||= 2; } }"
            << "a*,b*,c*,d*,e*";
        QTest::newRow("destructuring at any depth")
            << "class C { m(o) { [this.a, [this.b = 1], ...this.c] = o;"
               " ({ k: this.d, n: { m: this.e = 2 }, ...this.f } = o); } }"
            << "a*,b*,c*,d*,e*,f*";
        QTest::newRow("for-of and for-in heads")
            << "class C { m(xs) { for (this.a of xs); for ([this.b] of xs); for (this.c in xs); } }"
            << "a*,b*,c*";
        QTest::newRow("accessors are not fields")
            << "class C { get n() { return 1; } set n(v) {} m() { this.n++; this.n += 1;"
               " [this.n] = [1]; this.n = 2; } }"
            << "";
        QTest::newRow("arrows share this; functions, classes and object methods do not")
            << "class C { m() { const f = () => { this.a = 1; }; function g() { this.b = 1; }"
               " const o = { h() { this.c = 1; } }; class D { k() { this.d = 1; } }"
               " const e = function () { this.e = 1; }; } }"
            << "a*";
        QTest::newRow("statics, static blocks and initializers are not instance methods")
            << "class C { static s = 1; x = () => { this.i = 1; }; static { this.t = 1; }"
               " static k() { this.u = 1; } }"
            << "x";
        QTest::newRow("private names are declared or not this class's")
            << "class C { #p = 1; m() { this.#p = 2; this.#q = 3; } }"
            << "#p";
        QTest::newRow("a method's name can be a field") << "class C { m() { this.m = 1; } }"
                                                        << "m*";
        QTest::newRow("string keys lose their quotes")
            << "class C { 'a b' = 1; m() { this.c = 1; } }"
            << "a b,c*";
    }
    void fields() {
        QFETCH(QString, source);
        QFETCH(QString, fields);
        Parsed p = layoutOf(source.toStdString());
        QCOMPARE(names(p.layout.fields), fields);
    }

    void writesAndMembers() {
        Parsed p = layoutOf("class C { s; static t = 1; get n() { return 0; } set n(v) {}\n"
                            "  m() { this.n++; this.s = 1; [this.w] = [2]; this.w = 3; }\n"
                            "  constructor() {} }");
        const ClassLayout& l = p.layout;
        QCOMPARE(l.declaredCount, size_t(1));
        QCOMPARE(names(l.staticFields), QString("t"));
        QStringList writes;
        for (const FieldWrite& w : l.writes)
            writes << QString::fromStdString(w.name);
        QCOMPARE(writes.join(","), QString("n,s,w,w"));
        QCOMPARE(l.accessors, (std::set<std::string>{"n"}));
        QCOMPARE(l.methods, (std::set<std::string>{"m"}));
        // The field's position is its first write.
        const LayoutField* w = l.find("w");
        QVERIFY(w && !w->declared);
        QCOMPARE(p.tree->position(w->at).line, 2u);
        QCOMPARE(p.tree->position(w->at).column, 32u); // inside `[this.w] = [2]`
    }

    void ownFieldsLeaveInheritedOnesToTheAncestor() {
        Parsed p =
            layoutOf("class C extends S { a = 1; m() { this.a = 2; this.b = 1; this.c = 1; } }");
        auto own = p.layout.ownFields([](std::string_view n) { return n == "a" || n == "b"; });
        QStringList out;
        for (const LayoutField* f : own)
            out << QString::fromStdString(f->name);
        QCOMPARE(out.join(","), QString("a,c")); // a declared field is always the class's own
    }
};

QTEST_APPLESS_MAIN(TestClassLayout)
#include "tst_class_layout.moc"
