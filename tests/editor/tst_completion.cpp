// Completion candidates (editor/completion.h) from a parse and a cursor, without a widget:
// members of `this`, of a class name, of a binding made with `new`; names in scope; the
// ranking; nothing inside strings and comments.
#include "editor/completion.h"
#include "runtime/syntax/syntax.h"

#include <QTest>
#include <memory>

using namespace molt;
using namespace molt::editor;

namespace {

// `source` with one `|` marking the cursor.
struct Parsed {
    std::unique_ptr<SyntaxTree> tree;
    uint32_t cursor = 0;
};

Parsed parse(const char* source) {
    std::string text(source);
    const size_t at = text.find('|');
    Q_ASSERT(at != std::string::npos);
    text.erase(at, 1);
    return {SyntaxTree::parse(text, "main.js"), uint32_t(at)};
}

CompletionResult complete(const char* source, const SymbolIndex* index = nullptr) {
    Parsed p = parse(source);
    return completionsAt(p.tree->root(), p.tree->source(), p.cursor, index,
                         QStringLiteral("/project/main.js"));
}

QStringList names(const CompletionResult& r) {
    QStringList out;
    for (const Completion& c : r.items)
        out << c.text;
    return out;
}

const Completion* item(const CompletionResult& r, const QString& name) {
    for (const Completion& c : r.items)
        if (c.text == name) return &c;
    return nullptr;
}

const char* kProduct = R"(class Product {
  price = 0;
  static count = 0;
  #secret = 1;
  constructor(name) {
    this.name = name;
    const f = function () { this.notAField = 1; };
  }
  get label() { return this.name; }
  total(n) { return this.price * n; }
  static make() { return new Product("x"); }
}
)";

std::string withProduct(const char* rest) {
    return std::string(kProduct) + rest;
}

} // namespace

class TestCompletion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thisOffersTheClassMembers();
    void thisInAStaticMethodOffersStatics();
    void thisReboundByAFunctionOffersNothing();
    void superclassMembersFollowOwnAcrossFiles();
    void classNameOffersStatics();
    void bindingMadeWithNewOffersItsClass();
    void fieldInitializedWithNewOffersItsClass();
    void unknownReceiverOffersNothing();
    void namesInScopeInnermostFirst();
    void rankingPrefixThenNearness();
    void nothingInsideStringsAndComments();
    void privateNames();
    void superclassCyclesEnd();
    void anyCursorInBrokenTextIsSafe();
};

void TestCompletion::thisOffersTheClassMembers() {
    std::string src = std::string(kProduct);
    src.insert(src.find("return this.price"), "this.|; ");
    CompletionResult r = complete(src.c_str());
    QVERIFY(r.allowed);
    QVERIFY(r.member);
    QStringList got = names(r);
    for (const char* n : {"price", "name", "label", "total", "#secret"})
        QVERIFY2(got.contains(QLatin1String(n)), n);
    // Not statics, not the constructor, not what a `function` assigns to its own `this`.
    for (const char* n : {"count", "make", "constructor", "notAField"})
        QVERIFY2(!got.contains(QLatin1String(n)), n);
    QCOMPARE(item(r, QStringLiteral("price"))->kind, CompletionKind::Field);
    QCOMPARE(item(r, QStringLiteral("name"))->kind, CompletionKind::Field);
    QCOMPARE(item(r, QStringLiteral("label"))->kind, CompletionKind::Accessor);
    QCOMPARE(item(r, QStringLiteral("total"))->kind, CompletionKind::Method);
    // A prefix narrows the list.
    src.replace(src.find("this.|"), 6, "this.to|");
    QCOMPARE(names(complete(src.c_str())).first(), QStringLiteral("total"));
}

void TestCompletion::thisInAStaticMethodOffersStatics() {
    std::string src = std::string(kProduct);
    src.insert(src.find("return new Product"), "this.|; ");
    QStringList got = names(complete(src.c_str()));
    QVERIFY(got.contains(QStringLiteral("count")));
    QVERIFY(got.contains(QStringLiteral("make")));
    QVERIFY(!got.contains(QStringLiteral("price")));
}

void TestCompletion::thisReboundByAFunctionOffersNothing() {
    std::string src = std::string(kProduct);
    src.insert(src.find("this.notAField"), "this.|; ");
    CompletionResult r = complete(src.c_str());
    QVERIFY(r.member);
    QVERIFY(r.items.isEmpty());
}

void TestCompletion::superclassMembersFollowOwnAcrossFiles() {
    SymbolIndex index;
    index.indexSource(QStringLiteral("/project/base.js"), QByteArray(R"(
class Root { rootMethod() {} }
class Base extends Root {
  constructor() { this.baseField = 1; }
  baseMethod() {}
  static create() {}
}
module.exports = { Base };
)"));
    CompletionResult r = complete(R"(const { Base } = require("./base");
class Cart extends Base {
  items = [];
  add(p) { this.| }
}
)",
                                  &index);
    QStringList got = names(r);
    QCOMPARE(got, (QStringList{QStringLiteral("add"), QStringLiteral("items"),
                               QStringLiteral("baseField"), QStringLiteral("baseMethod"),
                               QStringLiteral("rootMethod")}));
    QCOMPARE(item(r, QStringLiteral("items"))->nearness, 0);
    QCOMPARE(item(r, QStringLiteral("baseMethod"))->nearness, 1);
    QCOMPARE(item(r, QStringLiteral("rootMethod"))->nearness, 2);

    // `super.`: the superclass chain only.
    QCOMPARE(names(complete(R"(const { Base } = require("./base");
class Cart extends Base {
  add(p) { super.| }
}
)",
                            &index)),
             (QStringList{QStringLiteral("baseField"), QStringLiteral("baseMethod"),
                          QStringLiteral("rootMethod")}));

    // The class's statics include inherited ones; the required binding is a class.
    QCOMPARE(names(complete(R"(const { Base } = require("./base");
Base.|)",
                            &index)),
             QStringList{QStringLiteral("create")});
    CompletionResult plain = complete(R"(const { Base } = require("./base");
Ba|)",
                                      &index);
    QCOMPARE(plain.items.first().text, QStringLiteral("Base"));
    QCOMPARE(plain.items.first().kind, CompletionKind::Class);
}

void TestCompletion::classNameOffersStatics() {
    QStringList got = names(complete(withProduct("Product.|").c_str()));
    QCOMPARE(got, (QStringList{QStringLiteral("count"), QStringLiteral("make")}));
}

void TestCompletion::bindingMadeWithNewOffersItsClass() {
    QStringList got = names(
        complete(withProduct("function f() {\n  const p = new Product();\n  p.|\n}").c_str()));
    QVERIFY(got.contains(QStringLiteral("total")));
    QVERIFY(got.contains(QStringLiteral("price")));
    QVERIFY(!got.contains(QStringLiteral("make")));

    // A parameter, and a `let` assigned later in the function.
    got = names(complete(
        withProduct("function g(q) {\n  let r;\n  q = new Product();\n  r = new Product();\n"
                    "  r.|\n}")
            .c_str()));
    QVERIFY(got.contains(QStringLiteral("total")));
    got = names(complete(withProduct("function g(q) {\n  q = new Product();\n  q.|\n}").c_str()));
    QVERIFY(got.contains(QStringLiteral("label")));
}

void TestCompletion::fieldInitializedWithNewOffersItsClass() {
    QStringList got = names(complete(
        withProduct("class Shop {\n  product = new Product();\n  m() { this.product.| }\n}")
            .c_str()));
    QVERIFY(got.contains(QStringLiteral("total")));
    got = names(complete(withProduct("class Shop {\n  constructor() { this.p = new Product(); }\n"
                                     "  m() { this.p.t| }\n}")
                             .c_str()));
    QCOMPARE(got.first(), QStringLiteral("total"));
}

void TestCompletion::unknownReceiverOffersNothing() {
    for (const char* rest : {"const x = 5;\nx.|", "function f() { return 1; }\nf().|",
                             "const a = [];\na[0].|", "let u;\nu.|", "a.b.|"}) {
        CompletionResult r = complete(withProduct(rest).c_str());
        QVERIFY2(r.member, rest);
        QVERIFY2(r.items.isEmpty(), rest);
    }
    // A decimal point is not a member access.
    QVERIFY(!complete("const n = 1.|").allowed);
}

void TestCompletion::namesInScopeInnermostFirst() {
    CompletionResult r = complete(R"(const topLevel = 1;
function helper(a, { b, c: d }, ...rest) {
  const outer = 2;
  for (let i = 0; i < 3; i++) {
    try {
      const inner = 3;
      |
      const later = 4;
    } catch (err) {
      const notHere = 5;
    }
  }
}
function sibling() { const hidden = 1; }
class Widget {}
)");
    QVERIFY(r.allowed);
    QVERIFY(!r.member);
    QStringList got = names(r);
    for (const char* n :
         {"inner", "i", "outer", "a", "b", "d", "rest", "topLevel", "helper", "sibling", "Widget",
          "console", "Math", "JSON", "Thread", "require", "return", "class"})
        QVERIFY2(got.contains(QLatin1String(n)), n);
    for (const char* n : {"later", "notHere", "hidden", "err", "c"})
        QVERIFY2(!got.contains(QLatin1String(n)), n);
    auto at = [&](const char* n) { return got.indexOf(QLatin1String(n)); };
    QVERIFY(at("inner") < at("i"));
    QVERIFY(at("i") < at("outer"));
    QVERIFY(at("outer") < at("topLevel"));
    QVERIFY(at("topLevel") < at("console"));
    QVERIFY(at("console") < at("return"));
    QCOMPARE(item(r, QStringLiteral("helper"))->kind, CompletionKind::Function);
    QCOMPARE(item(r, QStringLiteral("Widget"))->kind, CompletionKind::Class);
    QCOMPARE(item(r, QStringLiteral("inner"))->kind, CompletionKind::Local);
    QCOMPARE(item(r, QStringLiteral("console"))->kind, CompletionKind::Global);
    QCOMPARE(item(r, QStringLiteral("return"))->kind, CompletionKind::Keyword);
}

void TestCompletion::rankingPrefixThenNearness() {
    SymbolIndex index;
    index.indexSource(QStringLiteral("/project/other.js"), QByteArray("class Connection {}\n"));
    CompletionResult r = complete(R"(const constant = 1;
function f(con) {
  const reconnect = 2;
  const Cone = 3;
  con|
}
)",
                                  &index);
    // Prefix matches by nearness (the parameter, the top level, globals, keywords), then
    // those matching when case is ignored, then names that merely contain it.
    QCOMPARE(names(r), (QStringList{QStringLiteral("con"), QStringLiteral("constant"),
                                    QStringLiteral("console"), QStringLiteral("const"),
                                    QStringLiteral("continue"), QStringLiteral("Cone"),
                                    QStringLiteral("Connection"), QStringLiteral("reconnect")}));
    QCOMPARE(r.prefix, QStringLiteral("con"));
    QCOMPARE(int(r.prefixStart), int(QByteArray(R"(const constant = 1;
function f(con) {
  const reconnect = 2;
  const Cone = 3;
  )")
                                         .size()));
}

void TestCompletion::nothingInsideStringsAndComments() {
    for (const char* src :
         {"const s = \"this.|\";", "const s = 'ab|c';", "// this.|", "/* this.| */",
          "const t = `text this.|`;", "const r = /ab|c/;", "const s = \"open|"}) {
        CompletionResult r = complete(src);
        QVERIFY2(!r.allowed, src);
        QVERIFY2(r.items.isEmpty(), src);
    }
    // Code again: after a closed string or comment, and in a template's substitution.
    for (const char* src : {"const s = \"x\"; cons|", "/* c */ cons|", "const t = `${cons|}`;"}) {
        CompletionResult r = complete(src);
        QVERIFY2(r.allowed, src);
        QVERIFY2(names(r).contains(QStringLiteral("console")), src);
    }
}

void TestCompletion::privateNames() {
    std::string src = std::string(kProduct);
    src.insert(src.find("return this.price"), "this.#|; ");
    CompletionResult r = complete(src.c_str());
    QCOMPARE(r.prefix, QStringLiteral("#"));
    QCOMPARE(names(r).first(), QStringLiteral("#secret"));

    // A subclass cannot reach its superclass's private names.
    QStringList sub =
        names(complete(withProduct("class Sub extends Product { m() { this.| } }").c_str()));
    QVERIFY(sub.contains(QStringLiteral("total")));
    QVERIFY(!sub.contains(QStringLiteral("#secret")));
}

void TestCompletion::superclassCyclesEnd() {
    // Nonsense a user may well type on the way: each class is visited once.
    QCOMPARE(names(complete("class A extends B { a() {} }\n"
                            "class B extends A { b() {} }\n"
                            "class C extends C { c() { this.| } }\n")),
             QStringList{QStringLiteral("c")});
    // Through the index, where this file's own entry (the editor's) holds the chain.
    const char* src = "function f() { const x = new A(); x.| }\n"
                      "class A extends B { a() {} }\n"
                      "class B extends A { b() {} }\n";
    std::string indexed(src);
    indexed.erase(indexed.find('|'), 1);
    SymbolIndex index;
    index.indexSource(QStringLiteral("/project/main.js"), QByteArray::fromStdString(indexed));
    CompletionResult r = complete(src, &index);
    QCOMPARE(names(r), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(item(r, QStringLiteral("b"))->nearness, 1);
}

void TestCompletion::anyCursorInBrokenTextIsSafe() {
    // Half-typed code, non-ASCII names, an unclosed template and comment: every cursor
    // position answers (possibly with nothing), also with a tree a keystroke older than
    // the text, as the editor's is while its re-parse runs on the parse thread.
    const std::string broken = std::string(kProduct) +
                               "class Ünï extends Product { m(ä) { this.; ä. new Ünï().\n"
                               "  const { a, ...r } = this.#se; for (const [k] of r) k.\n"
                               "super. `${this.} /* x. ";
    auto tree = SyntaxTree::parse(broken, "main.js");
    SymbolIndex index;
    index.indexSource(QStringLiteral("/project/main.js"), QByteArray::fromStdString(broken));
    const std::string longer = broken + " extra.text(); }";
    for (uint32_t at = 0; at <= uint32_t(longer.size()) + 2; ++at) {
        CompletionResult r =
            completionsAt(tree->root(), broken, at, &index, QStringLiteral("/project/main.js"));
        QVERIFY(r.prefixStart <= broken.size());
        completionsAt(tree->root(), longer, at, &index, QStringLiteral("/project/main.js"));
        completionsAt(tree->root(), std::string_view(), at, nullptr, {});
    }
}

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
