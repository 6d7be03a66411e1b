// The refactoring engine (dsu/refactor.h).
//
// Golden cases, tests/dsu/unit/refactor/<case>/: in/ is the program (main.js first), args.txt
// the request as `molt refactor` takes it (KIND ARGS... [--force] [--value EXPR] ...). A case
// that applies has expected/ (every file of the new program), expected_patch.js and
// expected_summary.txt (summary, senders, the inverse request); its inverse, applied to the
// output, must give back in/ exactly. A case that is refused has expected_error.txt.
// MOLT_UPDATE_GOLDEN=1 rewrites the expectations from the current output; read the diff.
//
// Live: applyRefactoringLive on a running program keeps identities and values when it
// commits, and when the update rolls back returns no sources and leaves the heap digest
// and the Molt-visible state exactly as they were.
#include "dsu/refactor/refactor.h"
#include "runtime/core/vm.h"
#include "runtime/exec/mop.h"
#include "testutil.h"

#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace molt;
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
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

bool updateGoldens() {
    const char* v = std::getenv("MOLT_UPDATE_GOLDEN");
    return v && std::string(v) != "0" && !std::string(v).empty();
}

// main.js first, then the other files by path.
std::vector<SourceFile> readProgramDir(const fs::path& dir) {
    std::vector<SourceFile> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".js")
            files.push_back({fs::relative(e.path(), dir).generic_string(), readText(e.path())});
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) {
        return std::make_pair(a.path != "main.js", a.path) <
               std::make_pair(b.path != "main.js", b.path);
    });
    return files;
}

// Words of args.txt: blanks separate them, '...' and "..." quote.
std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool inWord = false;
    char q = 0;
    for (char ch : line) {
        if (q) {
            if (ch == q)
                q = 0;
            else
                cur += ch;
        } else if (ch == '\'' || ch == '"') {
            q = ch;
            inWord = true;
        } else if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (inWord) out.push_back(cur);
            cur.clear();
            inWord = false;
        } else {
            cur += ch;
            inWord = true;
        }
    }
    if (inWord) out.push_back(cur);
    return out;
}

RefactorRequest requestOf(const std::string& line) {
    std::vector<std::string> w = words(line);
    RefactorRequest r;
    r.kind = w.at(0);
    for (size_t i = 1; i < w.size(); ++i) {
        if (w[i] == "--force" || w[i] == "--static")
            r.options.push_back({w[i].substr(2), "1"});
        else if (w[i].rfind("--", 0) == 0 && i + 1 < w.size()) {
            r.options.push_back({w[i].substr(2), w[i + 1]});
            ++i;
        } else
            r.args.push_back(w[i]);
    }
    return r;
}

std::string describe(const RefactorResult& r) {
    std::string s = r.summary + "\n";
    for (const SourceSite& site : r.senders)
        s += "  " + site.format() + (site.ambiguous ? "   (ambiguous)" : "") + "\n";
    s += "inverse: " + r.inverse.commandLine() + "\n";
    return s;
}

struct Live {
    VM vm;
    test::RunResult r;
    explicit Live(const std::string& source) {
        test::capture(vm, r);
        r.exitCode = vm.runSource("app.js", source);
    }
    std::string show(const std::string& expr) {
        Result<Value> evaluated = vm.evaluate(vm.mainModule(), expr);
        if (!evaluated) return "error: " + evaluated.error().format();
        Value v = evaluated.value();
        if (v.isException())
            return "error: " + (vm.hasPendingException()
                                    ? vm.describeUncaught(vm.takePendingException())
                                    : std::string("no exception pending"));
        return isString(v) ? std::string(asString(v)->view()) : vm.inspect(v);
    }
};

const char* kLiveShop = R"(class Cart {
  owner = "";
  items = [];

  constructor(owner) {
    this.owner = owner;
  }

  add(sku) {
    this.items.push(sku);
    return this;
  }
}

class GiftCart extends Cart {
  note = "for you";
}

const carts = [new Cart("ann").add("tea"), new GiftCart("bob").add("mug")];
const keep = new Map([["first", carts[0]]]);
const get = () => carts[1];
)";

} // namespace

class TestRefactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goldens_data() {
        QTest::addColumn<QString>("name");
        std::vector<std::string> cases;
        for (const auto& e : fs::directory_iterator(MOLT_REFACTOR_CASES))
            if (e.is_directory()) cases.push_back(e.path().filename().string());
        std::sort(cases.begin(), cases.end());
        QVERIFY(cases.size() >= 20);
        for (const std::string& c : cases)
            QTest::newRow(c.c_str()) << QString::fromStdString(c);
    }

    void goldens() {
        QFETCH(QString, name);
        fs::path dir = fs::path(MOLT_REFACTOR_CASES) / name.toStdString();
        std::vector<SourceFile> in = readProgramDir(dir / "in");
        RefactorRequest request = requestOf(readText(dir / "args.txt"));
        RefactorResult result = refactor(in, request);
        bool expectError = name.startsWith("error_");
        if (updateGoldens()) {
            if (expectError) {
                writeText(dir / "expected_error.txt", result.error);
            } else if (result.ok()) {
                fs::remove_all(dir / "expected");
                for (const SourceFile& f : result.files)
                    writeText(dir / "expected" / f.path, f.text);
                writeText(dir / "expected_patch.js", result.patch);
                writeText(dir / "expected_summary.txt", describe(result));
            }
        }
        if (expectError) {
            QVERIFY2(!result.ok(), "the refactoring should have been refused");
            QCOMPARE(result.error, readText(dir / "expected_error.txt"));
            QVERIFY(result.files.empty());
            QVERIFY(result.patch.empty());
            return;
        }
        QVERIFY2(result.ok(), result.error.c_str());
        std::vector<SourceFile> expected = readProgramDir(dir / "expected");
        QCOMPARE(result.files.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(result.files[i].path, expected[i].path);
            QCOMPARE(result.files[i].text, expected[i].text);
        }
        QCOMPARE(result.patch, readText(dir / "expected_patch.js"));
        QCOMPARE(describe(result), readText(dir / "expected_summary.txt"));
        // The edits are exactly the difference: applied to the input they give the output.
        for (size_t i = 0; i < in.size(); ++i) {
            std::string text = in[i].text;
            std::vector<TextEdit> mine;
            for (const TextEdit& e : result.edits)
                if (e.path == in[i].path) mine.push_back(e);
            for (auto it = mine.rbegin(); it != mine.rend(); ++it)
                text.replace(it->start, it->end - it->start, it->replacement);
            QCOMPARE(text, result.files[i].text);
        }
        // Undo: the inverse request gives back the input exactly.
        RefactorResult back = refactor(result.files, result.inverse);
        QVERIFY2(back.ok(), back.error.c_str());
        for (size_t i = 0; i < in.size(); ++i)
            QCOMPARE(back.files[i].text, in[i].text);
        // Deterministic.
        QCOMPARE(refactor(in, request).patch, result.patch);
    }

    void everyKindIsListedAndParsesItsArity() {
        std::vector<std::string> kinds;
        for (const RefactorKindInfo& k : refactorKinds())
            kinds.push_back(k.kind);
        QCOMPARE(kinds.size(), size_t(16));
        RefactorResult r = refactor({{"main.js", "class A {}\n"}}, {"rename-class", {"A"}, {}});
        QCOMPARE(r.error, std::string("rename-class takes CLASS NEW\n"));
        r = refactor({{"main.js", "class A {}\n"}}, {"inline-method", {"A"}, {}});
        QCOMPARE(r.error,
                 std::string("unknown refactoring 'inline-method' (see molt refactor --help)\n"));
        r = refactor({{"main.js", "class A {}\n"}}, {"rename-class", {"A", "9x"}, {}});
        QCOMPARE(r.error, std::string("'9x' is not a valid class name\n"));
    }

    void stringsAndCommentsAreNotTouched() {
        const std::string src = "class A {\n  n = 1; // n is the count\n  m() {\n"
                                "    return `${this.n} n` + \"this.n\" + this.n;\n  }\n}\n";
        RefactorResult r = refactor({{"main.js", src}}, {"rename-field", {"A", "n", "count"}, {}});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.files[0].text,
                 std::string("class A {\n  count = 1; // n is the count\n  m() {\n"
                             "    return `${this.count} n` + \"this.n\" + this.count;\n  }\n}\n"));
        QCOMPARE(r.edits.size(), size_t(3));
        QCOMPARE(r.edits[0].start, 12u);
        QCOMPARE(r.edits[0].end, 13u);
    }

    void findsTheReferencesOfAClassAndOfAField() {
        const std::vector<SourceFile> files = {
            {"main.js", "const { Item } = require('./item');\n"
                        "class Box extends Item {\n"
                        "  grow() { return this.size + 1; }\n"
                        "}\n"
                        "const b = new Box(2);\n"
                        "console.log(b.size, 'size', { size: 3 }.size);\n"},
            {"item.js", "class Item {\n"
                        "  constructor(size) { this.size = size; }\n"
                        "}\n"
                        "module.exports = { Item };\n"}};
        auto where = [](const References& r) {
            std::vector<std::string> out;
            for (const SourceSite& s : r.sites)
                out.push_back(s.at.path + ":" + std::to_string(s.at.line) + ":" +
                              std::to_string(s.at.column) + (s.ambiguous ? "?" : ""));
            return out;
        };
        References item = findReferences(files, "Item");
        QVERIFY2(item.error.empty(), item.error.c_str());
        QCOMPARE(where(item), (std::vector<std::string>{"main.js:1:9", "main.js:2:19",
                                                        "item.js:1:7", "item.js:4:20"}));
        // Box inherits `size` from Item: the uses are Item's hierarchy's; the record key
        // and the string are not uses, `b.size` and `{...}.size` may be another's.
        References size = findReferences(files, "Box", "size");
        QVERIFY2(size.error.empty(), size.error.c_str());
        QCOMPARE(where(size), (std::vector<std::string>{"main.js:3:24", "main.js:6:15?",
                                                        "main.js:6:41?", "item.js:2:28"}));
        QCOMPARE(size.sites[0].lineText, std::string("  grow() { return this.size + 1; }"));
        QCOMPARE(findReferences(files, "Nope").error,
                 std::string("the program has no class 'Nope'"));
    }

    void syntaxErrorIsReportedWithItsPosition() {
        RefactorResult r =
            refactor({{"main.js", "class A {\n  m( {\n}\n"}}, {"rename-class", {"A", "B"}, {}});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.rfind("main.js:", 0) == 0, r.error.c_str());
        QVERIFY2(r.error.find("syntax error") != std::string::npos, r.error.c_str());
    }

    void liveRefactoringCommitsAndKeepsState() {
        Live p(kLiveShop);
        QCOMPARE(p.r.exitCode, 0);
        std::string before = p.show("[Molt.identityOf(carts[0]), Molt.identityOf(carts[1])]");
        LiveRefactoring live =
            applyRefactoringLive(p.vm, {"rename-field", {"Cart", "items", "lines"}, {}});
        QVERIFY2(live.refactoring.ok(), live.refactoring.error.c_str());
        QVERIFY2(live.prepareError.empty(), live.prepareError.c_str());
        QVERIFY(live.report.has_value());
        QVERIFY2(live.committed(), live.report->rollbackReason.c_str());
        QCOMPARE(live.report->instancesMigrated, size_t(2));
        QVERIFY(live.newSources->at(0).text.find("this.lines.push(sku)") != std::string::npos);
        QCOMPARE(p.show("[Molt.identityOf(carts[0]), Molt.identityOf(carts[1])]"), before);
        QCOMPARE(p.show("[carts[0].lines, get().lines, get().note, keep.get('first') === carts[0], "
                        "carts[1] instanceof GiftCart, carts[0].items]"),
                 std::string("[ [ 'tea' ], [ 'mug' ], 'for you', true, true, undefined ]"));
    }

    void liveRefactoringRolledBackLeavesEverything() {
        Live p(kLiveShop);
        QCOMPARE(p.r.exitCode, 0);
        // After the first show: its map loads the hosted core library (decision 0019).
        std::string state = p.show("[carts.map((c) => [c.owner, c.items, Molt.identityOf(c)]), "
                                   "Molt.readClassDefinition(Cart).fields]");
        std::string digest = heapDigest(p.vm);
        // The policy throws for the plain cart (it has no note): the update rolls back.
        RefactorRequest request{
            "add-field", {"Cart", "total", "0"}, {{"existing", "oldObj.note.length"}}};
        LiveRefactoring live = applyRefactoringLive(p.vm, request);
        QVERIFY2(live.refactoring.ok(), live.refactoring.error.c_str());
        QVERIFY2(live.prepareError.empty(), live.prepareError.c_str());
        QVERIFY(live.report.has_value());
        QVERIFY(!live.report->committed());
        QVERIFY(!live.committed());
        QVERIFY(!live.newSources.has_value());
        QCOMPARE(heapDigest(p.vm), digest);
        QCOMPARE(p.show("[carts.map((c) => [c.owner, c.items, Molt.identityOf(c)]), "
                        "Molt.readClassDefinition(Cart).fields]"),
                 state);
        QCOMPARE(p.show("carts[0].total"), std::string("undefined"));
    }

    void liveRefactoringThatDoesNotApplyChangesNothing() {
        Live p(kLiveShop);
        std::string digest = heapDigest(p.vm);
        LiveRefactoring live = applyRefactoringLive(p.vm, {"remove-field", {"Cart", "items"}, {}});
        QVERIFY(!live.refactoring.ok());
        QVERIFY2(live.refactoring.error.find("field 'items' of Cart is still used (1 use)") !=
                     std::string::npos,
                 live.refactoring.error.c_str());
        QCOMPARE(live.refactoring.uses.size(), size_t(1));
        QVERIFY(!live.report.has_value());
        QVERIFY(!live.committed());
        QCOMPARE(heapDigest(p.vm), digest);
    }
};

QTEST_APPLESS_MAIN(TestRefactor)
#include "tst_refactor.moc"
