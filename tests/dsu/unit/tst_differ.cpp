// The differ: golden cases (tests/dsu/unit/differ/<case>/: old.js and new.js, or old/ and
// new/ folders for several modules; expected.js is the generated script, changes.txt the
// change set one change a line), and direct checks on the change set: kinds, locations,
// rename detection, determinism, syntax errors with their positions.
//
// MOLT_UPDATE_GOLDEN=1 rewrites expected.js and changes.txt from the current output; read
// the diff before committing it.
#include "dsu/source/differ.h"

#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace molt::dsu;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// old.js -> {"main.js"}, old/ -> every .js file under it, by relative path.
std::vector<SourceFile> readVersion(const fs::path& dir, const std::string& which) {
    std::vector<SourceFile> files;
    if (fs::is_regular_file(dir / (which + ".js")))
        return {{"main.js", readText(dir / (which + ".js"))}};
    for (const auto& e : fs::recursive_directory_iterator(dir / which))
        if (e.is_regular_file() && e.path().extension() == ".js")
            files.push_back({fs::relative(e.path(), dir / which).generic_string(),
                             readText(e.path()),
                             // as `molt diff old/main.js new/main.js` names them
                             (fs::path(which) / fs::relative(e.path(), dir / which)).generic_string()});
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return files;
}

std::string describe(const Change& c) {
    std::string s = std::string(changeKindName(c.kind)) + " | " + c.module;
    if (!c.className.empty()) s += " | class " + c.className;
    if (!c.oldName.empty() && c.oldName != c.name) s += " | " + c.oldName + " ->";
    if (!c.name.empty()) s += " | " + c.name;
    if (c.memberKind) s += std::string(" (") + memberKindName(*c.memberKind) + ")";
    if (!c.detail.empty()) s += " | " + c.detail;
    s += " | policy: " + c.policy;
    auto at = [](const char* which, const SourceLocation& l) {
        return l.line ? std::string(" ") + which + " " + std::to_string(l.line) + ":" +
                            std::to_string(l.column)
                      : std::string();
    };
    s += at("old", c.oldAt) + at("new", c.newAt);
    if (!c.review.empty()) s += " | REVIEW";
    return s + "\n";
}

std::string describe(const ChangeSet& cs) {
    std::string out;
    for (const Change& c : cs.changes)
        out += describe(c);
    return out;
}

ChangeSet diff(const std::string& oldText, const std::string& newText,
               const DiffOptions& options = {}) {
    ChangeSet cs;
    DiffError error;
    bool ok = diffSources({{"main.js", oldText}}, {{"main.js", newText}}, cs, error, options);
    if (!ok) qWarning("unexpected diff error: %s", error.message.c_str());
    return cs;
}

std::vector<ChangeKind> kinds(const ChangeSet& cs) {
    std::vector<ChangeKind> out;
    for (const Change& c : cs.changes)
        out.push_back(c.kind);
    return out;
}

const Change* find(const ChangeSet& cs, ChangeKind kind, const std::string& name = "") {
    for (const Change& c : cs.changes)
        if (c.kind == kind && (name.empty() || c.name == name)) return &c;
    return nullptr;
}

bool updateGoldens() {
    const char* v = std::getenv("MOLT_UPDATE_GOLDEN");
    return v && std::string(v) != "0" && !std::string(v).empty();
}

} // namespace

class TestDiffer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goldens_data() {
        QTest::addColumn<QString>("name");
        std::vector<std::string> cases;
        for (const auto& e : fs::directory_iterator(MOLT_DIFFER_CASES))
            if (e.is_directory()) cases.push_back(e.path().filename().string());
        std::sort(cases.begin(), cases.end());
        QVERIFY(cases.size() >= 20);
        for (const std::string& c : cases)
            QTest::newRow(c.c_str()) << QString::fromStdString(c);
    }

    void goldens() {
        QFETCH(QString, name);
        fs::path dir = fs::path(MOLT_DIFFER_CASES) / name.toStdString();
        bool folders = fs::is_directory(dir / "old");
        DiffOptions options;
        options.oldLabel = folders ? "old/main.js" : "old.js";
        options.newLabel = folders ? "new/main.js" : "new.js";
        if (fs::exists(dir / "live.txt")) {
            // "Class count" lines: what the running program would say.
            std::map<std::string, long> live;
            std::istringstream in(readText(dir / "live.txt"));
            std::string cls;
            long n;
            while (in >> cls >> n)
                live[cls] = n;
            options.liveInstances = [live](const std::string&, const std::string& c) {
                auto it = live.find(c);
                return it == live.end() ? 0L : it->second;
            };
        }
        ChangeSet cs;
        DiffError error;
        QVERIFY2(diffSources(readVersion(dir, "old"), readVersion(dir, "new"), cs, error, options),
                 error.message.c_str());
        std::string script = generatePatchScript(cs, options);
        std::string changes = describe(cs);
        if (updateGoldens()) {
            writeText(dir / "expected.js", script);
            writeText(dir / "changes.txt", changes);
        }
        QCOMPARE(changes, readText(dir / "changes.txt"));
        QCOMPARE(script, readText(dir / "expected.js"));
        // Every line stays within 100 columns, and the script is deterministic.
        std::istringstream lines(script);
        for (std::string line; std::getline(lines, line);)
            QVERIFY2(line.size() <= 100, line.c_str());
        ChangeSet again;
        QVERIFY(
            diffSources(readVersion(dir, "old"), readVersion(dir, "new"), again, error, options));
        QCOMPARE(generatePatchScript(again, options), script);
    }

    void whitespaceAndCommentsAreNoChange() {
        ChangeSet cs = diff("class A { m(x) { return x + 1; } }\nconst k = 1;\nA.k = k;\n",
                            "// A class.\nclass A {\n  /* one more */\n  m( x ) {\n"
                            "    return x+1; // same\n  }\n}\nconst k = 1; // k\nA.k = k;\n");
        QVERIFY2(cs.empty(), describe(cs).c_str());
        std::string script = generatePatchScript(cs);
        QVERIFY(script.find("equivalent") != std::string::npos);
        QVERIFY(script.find("module.exports = function (dsu) {") != std::string::npos);
    }

    void stringsAreComparedExactly() {
        ChangeSet cs =
            diff("function f() { return \"a b\"; }", "function f() { return \"a  b\"; }");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::FunctionChanged});
        cs = diff("function f() { return `x ${1} y`; }", "function f() { return `x ${1}  y`; }");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::FunctionChanged});
        cs = diff("function f() { return `x ${ 1 } y`; }", "function f() { return `x ${1} y`; }");
        QVERIFY(cs.empty());
    }

    void methodChangeSaysWhatChanged() {
        ChangeSet cs = diff("class A { m(a) { return a; } n(a) { return a; } o(a) { return a; } }",
                            "class A { m(b) { return a; } n(a) { return 1; } o(b) { return b; } }");
        QCOMPARE(cs.changes.size(), size_t(3));
        QCOMPARE(cs.changes[0].detail, std::string("parameters"));
        QCOMPARE(cs.changes[1].detail, std::string("body"));
        QCOMPARE(cs.changes[2].detail, std::string("parameters and body"));
        QCOMPARE(cs.changes[2].oldAt.line, 1u);
        QCOMPARE(cs.changes[2].oldAt.column, 49u);
    }

    // An error at a line of the generated script is reported at the construct it came from.
    void scriptErrorsPointAtTheSource() {
        ChangeSet cs;
        DiffError error;
        QVERIFY(diffSources({{"main.js", "class A {\n  m() { return 1; }\n}\n", "v1.js"}},
                            {{"main.js", "class A {\n  x = 0;\n  m() { return 2; }\n}\n", "v2.js"}},
                            cs, error));
        std::vector<PatchLineOrigin> origins;
        std::string script = generatePatchScript(cs, {}, &origins);
        QCOMPARE(origins.size(), size_t(2));
        auto lineOf = [&](const std::string& needle) {
            size_t at = script.find(needle);
            return uint32_t(std::count(script.begin(), script.begin() + long(at), '\n')) + 1;
        };
        uint32_t replace = lineOf("dsu.replaceMethod(\"A\", \"m\")");
        std::string label = "(patch generated for v2.js)";
        std::string message = label + ":" + std::to_string(replace) + ":7: TypeError: no";
        QCOMPARE(locateInSource(message, label, origins), std::string("v2.js:3:3: TypeError: no"));
        // The field's lines (its comment and its call) map to the field declaration.
        uint32_t add = lineOf("dsu.addInstanceVariable");
        QCOMPARE(locateInSource(label + ":" + std::to_string(add) + ":3: x", label, origins),
                 std::string("v2.js:2:3: x"));
        // The initializer the call copies is the new version's text at its own position, so
        // that the code compiled from it is named after v2.js (compiler.h, SourceOrigin).
        QCOMPARE(origins[0].copies.size(), size_t(1));
        const PatchLineOrigin::Copy& copy = origins[0].copies[0];
        QCOMPARE(script.substr(copy.startByte, copy.endByte - copy.startByte), std::string("0"));
        QCOMPARE(copy.from.label() + ":" + std::to_string(copy.from.column),
                 std::string("v2.js:2:7"));
        std::string lines =
            script.substr(origins[0].startByte, origins[0].endByte - origins[0].startByte);
        QVERIFY(lines.find("dsu.addInstanceVariable(\"A\", \"x\"") != std::string::npos);
        QVERIFY(lines.find("replaceMethod") == std::string::npos);
        // A line no change wrote (the header) and other labels stay as they are.
        QCOMPARE(locateInSource(label + ":1:1: y and patch.js:2:2", label, origins),
                 label + ":1:1: y and patch.js:2:2");
    }

    void memberKindsAreSeparateTables() {
        ChangeSet cs =
            diff("class A { get v() { return 1; } static m() {} }",
                 "class A { get v() { return 1; } set v(x) {} m() {} static get g() {} }");
        QCOMPARE(describe(cs),
                 std::string("method added | main.js | class A | v (setter) | policy: new code new "
                             "1:33\n"
                             "method added | main.js | class A | m (method) | policy: new code new "
                             "1:45\n"
                             "method added | main.js | class A | g (static getter) | policy: new "
                             "code new 1:52\n"
                             "method removed | main.js | class A | m (static) | policy: dropped "
                             "old 1:33\n"));
    }

    void fieldRenameIsDetectedAcrossMethods() {
        ChangeSet cs = diff("class Account {\n  bal = 0;\n  deposit(x) { this.bal += x; }\n"
                            "  report() { return 'b=' + this.bal; }\n}\n",
                            "class Account {\n  cents = 0;\n  deposit(x) { this.cents += x; }\n"
                            "  report() { return 'c=' + this.cents; }\n}\n");
        QCOMPARE(kinds(cs),
                 (std::vector<ChangeKind>{ChangeKind::FieldRenamed, ChangeKind::MethodChanged}));
        QCOMPARE(cs.changes[0].oldName, std::string("bal"));
        QCOMPARE(cs.changes[0].name, std::string("cents"));
        QCOMPARE(cs.changes[0].oldAt.line, 2u);
        // deposit differs only by the rename; report also changed its text.
        QCOMPARE(cs.changes[1].name, std::string("report"));
    }

    void privateFieldRename() {
        ChangeSet cs = diff("class W { #pin; constructor(p) { this.#pin = p; } ok(p) { return p "
                            "=== this.#pin; } }",
                            "class W { #code; constructor(p) { this.#code = p; } ok(p) { return p "
                            "=== this.#code; } }");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::FieldRenamed});
        QCOMPARE(cs.changes[0].name, std::string("#code"));
    }

    void renameNeedsOneToOne() {
        // Two fields both unused elsewhere: either pairing would do, so neither is taken.
        ChangeSet cs = diff("class P { x = 0; y = 0; }", "class P { p = 0; q = 0; }");
        QCOMPARE(kinds(cs),
                 (std::vector<ChangeKind>{ChangeKind::FieldAdded, ChangeKind::FieldAdded,
                                          ChangeKind::FieldRemoved, ChangeKind::FieldRemoved}));
        // A private and a public name never pair up.
        cs = diff("class P { #x = 0; m() { return this.#x; } }",
                  "class P { x = 0; m() { return this.x; } }");
        QVERIFY(!find(cs, ChangeKind::FieldRenamed));
    }

    void inconsistentSubstitutionIsNoRename() {
        ChangeSet cs =
            diff("class A { constructor() { this.bal = 0; } in(x) { this.bal += x; } "
                 "out(x) { this.bal -= x; } }",
                 "class A { constructor() { this.cents = 0; } in(x) { this.cents += x; } "
                 "out(x) { this.amount -= x; } }");
        QVERIFY(!find(cs, ChangeKind::FieldRenamed));
        QVERIFY(find(cs, ChangeKind::FieldRemoved, "bal"));
        QVERIFY(find(cs, ChangeKind::FieldAdded, "cents"));
        QVERIFY(find(cs, ChangeKind::FieldAdded, "amount"));
        QCOMPARE(find(cs, ChangeKind::FieldRemoved, "bal")->detail,
                 std::string("not recognized as a rename (declare one with "
                             "dsu.renameInstanceVariable)"));
    }

    void oldNameStillUsedIsNoRename() {
        ChangeSet cs = diff("class A { a = 1; m(o) { return this.a; } }",
                            "class A { b = 1; m(o) { return this.b + o.a; } }");
        QVERIFY(!find(cs, ChangeKind::FieldRenamed));
    }

    void classRenameAndItsUses() {
        ChangeSet cs = diff("class Cart { add(x) { return new Cart(); } }\n"
                            "class Big extends Cart {}\nconst c = new Cart();\n"
                            "function make() { return new Cart(); }\n",
                            "class Basket { add(x) { return new Basket(); } }\n"
                            "class Big extends Basket {}\nconst c = new Basket();\n"
                            "function make() { return new Basket(); }\n");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::ClassRenamed});
        QCOMPARE(cs.changes[0].oldName, std::string("Cart"));
        QCOMPARE(cs.changes[0].name, std::string("Basket"));
        // A changed body is a removal and an addition.
        cs = diff("class Cart { a() {} }", "class Basket { b() {} }");
        QCOMPARE(kinds(cs),
                 (std::vector<ChangeKind>{ChangeKind::ClassAdded, ChangeKind::ClassRemoved}));
    }

    void classRenamedWhileItsOldNameIsReused() {
        // Job -> Task (same body) and an unrelated new Job, declared before Task: the
        // rename is listed first, so the patch frees the name before it adds the new class.
        ChangeSet cs =
            diff("class Job { show() { return new Job(); } }\nconst j = new Job();\n",
                 "class Job { describe() {} }\n"
                 "class Task { show() { return new Task(); } }\nconst j = new Task();\n");
        QCOMPARE(kinds(cs),
                 (std::vector<ChangeKind>{ChangeKind::ClassRenamed, ChangeKind::ClassAdded}));
        QCOMPARE(cs.changes[0].oldName, std::string("Job"));
        QCOMPARE(cs.changes[0].name, std::string("Task"));
        QCOMPARE(cs.changes[1].name, std::string("Job"));
        QCOMPARE(cs.changes[1].newAt.line, uint32_t(1));
        QVERIFY(cs.changes[1].review.find("'Job' now names a different class") == 0);
        // A copy under a new name while the old class stays as it was is an added class.
        cs = diff("class Job { show() {} }", "class Job { show() {} }\nclass Task { show() {} }");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::ClassAdded});
        QCOMPARE(cs.changes[0].name, std::string("Task"));
        QVERIFY(cs.changes[0].review.empty());
    }

    void inheritedFieldsAreNotOwnChanges() {
        // Pulling `name` up into Base: Sub's instances keep it by name.
        ChangeSet cs = diff("class Base {}\nclass Sub extends Base { constructor() { super(); "
                            "this.name = 1; } }",
                            "class Base { name = 0; }\nclass Sub extends Base { constructor() { "
                            "super(); this.name = 1; } }");
        QCOMPARE(describe(cs), std::string("field added | main.js | class Base | name | "
                                           "declared with an initializer | policy: initializer: "
                                           "0 new 1:14\n"));
        // A field assigned to an inherited accessor is not a field.
        cs = diff("class Base { set v(x) {} }\nclass Sub extends Base {}",
                  "class Base { set v(x) {} }\nclass Sub extends Base { m() { this.v = 1; } }");
        QCOMPARE(kinds(cs), std::vector<ChangeKind>{ChangeKind::MethodAdded});
    }

    void removedClassAndLiveInstances() {
        DiffOptions options;
        ChangeSet cs = diff("class Legacy {}", "", options);
        QVERIFY(cs.changes[0].review.find("if any instance of Legacy is live") !=
                std::string::npos);
        options.liveInstances = [](const std::string& m, const std::string& c) {
            return m == "main.js" && c == "Legacy" ? 3L : 0L;
        };
        cs = diff("class Legacy {}\nclass Old {}", "", options);
        QCOMPARE(cs.changes[0].review,
                 std::string("3 live instances: the update rolls back unless you map them with "
                             "dsu.migrateInstancesTo(\"Legacy\", \"Target\", fn)"));
        QCOMPARE(cs.changes[1].review, std::string());
        std::string script = generatePatchScript(cs, options);
        QVERIFY(script.find("  dsu.removeClass(\"Old\"); // no live instances\n") !=
                std::string::npos);
    }

    void orderDoesNotDependOnInputOrder() {
        std::vector<SourceFile> a = {{"main.js", "class A {}"}, {"lib/b.js", "class B {}"}};
        std::vector<SourceFile> b = {{"lib/b.js", "class B { m() {} }"},
                                     {"main.js", "class A { n() {} }"}};
        ChangeSet one, two;
        DiffError error;
        QVERIFY(diffSources(a, b, one, error));
        std::reverse(a.begin(), a.end());
        std::reverse(b.begin(), b.end());
        QVERIFY(diffSources(a, b, two, error));
        QCOMPARE(describe(one), describe(two));
        QCOMPARE(one.changes[0].module, std::string("lib/b.js"));
    }

    void syntaxErrorInOld() {
        ChangeSet cs;
        DiffError error;
        QVERIFY(!diffSources({{"main.js", "class A {\n  m() { let y = ; }\n}\n", "v1/main.js"}},
                             {{"main.js", "class A {}"}}, cs, error));
        QCOMPARE(error.message, std::string("v1/main.js:2:17: syntax error: unexpected ';'\n"
                                            "  m() { let y = ; }\n"
                                            "                ^\n"));
        QCOMPARE(error.at.path, std::string("main.js"));
        QCOMPARE(error.at.line, 2u);
        QCOMPARE(error.at.column, 17u);
        QVERIFY(!error.inNewVersion);
    }

    void syntaxErrorInNew() {
        ChangeSet cs;
        DiffError error;
        QVERIFY(!diffSources({{"main.js", "const a = 1;"}, {"lib/x.js", "x();"}},
                             {{"main.js", "const a = 1;"}, {"lib/x.js", "x();\nclass {\n"}}, cs,
                             error));
        QVERIFY(error.inNewVersion);
        QCOMPARE(error.at.path, std::string("lib/x.js"));
        QCOMPARE(error.at.line, 2u);
        QVERIFY2(error.message.rfind("lib/x.js:2:", 0) == 0, error.message.c_str());
        QVERIFY(error.message.find(": syntax error: ") != std::string::npos);
        QVERIFY(error.message.find("\nclass {\n") != std::string::npos);
    }

    void everyKindHasAName() {
        std::set<std::string> names;
        for (int k = int(ChangeKind::ModuleAdded); k <= int(ChangeKind::TopLevelCodeChanged); ++k)
            names.insert(changeKindName(ChangeKind(k)));
        QCOMPARE(names.size(), size_t(int(ChangeKind::TopLevelCodeChanged) + 1));
        QCOMPARE(std::string(changeKindName(ChangeKind::FieldAdded)), std::string("field added"));
    }
};

QTEST_APPLESS_MAIN(TestDiffer)
#include "tst_differ.moc"
