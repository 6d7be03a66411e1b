// The control channel's codec (control/protocol.h): every request shape decodes to what
// was sent, and every malformed, oversized, unversioned or unknown message is refused with
// the right error code and no Request. Also the line splitter's limit and recovery.
#include "control/inspect_json.h"
#include "control/protocol.h"

#include <QtTest>

using namespace molt::control;

class TestProtocol : public QObject {
    Q_OBJECT

    static ProtocolError refusal(const std::string& line) {
        ProtocolError e;
        std::optional<Request> r = decodeRequest(line, e);
        if (r) e.code = "decoded";
        return e;
    }

private Q_SLOTS:
    void roundTripsEveryOp() {
        Request commit;
        commit.id = 42;
        commit.op = Op::Commit;
        commit.files = {{"main.js", "let x = 1;\n"}, {"lib/a.js", "module.exports = 'é';\n"}};
        commit.patch = "module.exports = function (dsu) {};\n";
        commit.patchPath = "p.js";
        commit.expr = "x + 1";
        commit.dryRun = true;
        commit.safePointTimeoutMs = 250;
        std::string line = encodeRequest(commit);
        QVERIFY(line.back() == '\n');
        QCOMPARE(std::count(line.begin(), line.end(), '\n'), 1);
        ProtocolError e;
        auto r = decodeRequest(line.substr(0, line.size() - 1), e);
        QVERIFY2(r.has_value(), e.message.c_str());
        QCOMPARE(r->id, uint64_t(42));
        QVERIFY(r->op == Op::Commit);
        QCOMPARE(r->files.size(), size_t(2));
        QCOMPARE(r->files[1].path, std::string("lib/a.js"));
        QCOMPARE(r->files[1].text, std::string("module.exports = 'é';\n"));
        QCOMPARE(r->patch, commit.patch);
        QCOMPARE(r->patchPath, std::string("p.js"));
        QCOMPARE(r->expr, std::string("x + 1"));
        QVERIFY(r->dryRun);
        QCOMPARE(*r->safePointTimeoutMs, 250.0);

        for (Op op : {Op::Status, Op::Threads, Op::History}) {
            Request q;
            q.id = 7;
            q.op = op;
            auto d = decodeRequest(encodeRequest(q), e);
            QVERIFY(d && d->op == op && d->id == 7);
        }
        Request ev;
        ev.op = Op::Eval;
        ev.expr = "counter.count";
        auto d = decodeRequest(encodeRequest(ev), e);
        QVERIFY(d && d->expr == "counter.count");
    }

    void refusesMalformed() {
        QCOMPARE(refusal("").code, std::string("malformed"));
        QCOMPARE(refusal("{").code, std::string("malformed"));
        QCOMPARE(refusal("[1,2]").code, std::string("malformed"));
        QCOMPARE(refusal("\"status\"").code, std::string("malformed"));
        QCOMPARE(refusal("{\"v\":1,\"op\":\"status\"}").code, std::string("bad_request"));
        QCOMPARE(refusal("{\"v\":1,\"id\":-1,\"op\":\"status\"}").code, std::string("bad_request"));
        QCOMPARE(refusal("{\"v\":1,\"id\":1.5,\"op\":\"status\"}").code,
                 std::string("bad_request"));
        ProtocolError e = refusal("{\"v\":1,\"id\":3,\"op\":7}");
        QCOMPARE(e.code, std::string("bad_request"));
        QCOMPARE(*e.id, uint64_t(3)); // the answer can name the request
    }

    void refusesOtherVersions() {
        ProtocolError e = refusal("{\"id\":1,\"op\":\"status\"}");
        QCOMPARE(e.code, std::string("unsupported_version"));
        QCOMPARE(*e.id, uint64_t(1));
        QCOMPARE(refusal("{\"v\":2,\"id\":1,\"op\":\"status\"}").code,
                 std::string("unsupported_version"));
        QCOMPARE(refusal("{\"v\":\"1\",\"id\":1,\"op\":\"status\"}").code,
                 std::string("unsupported_version"));
    }

    void refusesUnknownOps() {
        ProtocolError e = refusal("{\"v\":1,\"id\":9,\"op\":\"shutdown\"}");
        QCOMPARE(e.code, std::string("unknown_op"));
        QVERIFY(e.message.find("shutdown") != std::string::npos);
        QVERIFY(e.message.find("commit") != std::string::npos); // lists the known ones
    }

    void checksOperands() {
        auto code = [](const char* json) { return refusal(json).code; };
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"eval\"}"), std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"eval\",\"expr\":3}"), std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"commit\"}"), std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[]}"),
                 std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[{\"path\":\"a.js\"}]}"),
                 std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[{\"path\":\"/etc/"
                      "x\",\"text\":\"\"}]}"),
                 std::string("bad_request"));
        QCOMPARE(
            code(
                "{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[{\"path\":\"a.js\",\"text\":\"\"}],"
                "\"dry_run\":\"yes\"}"),
            std::string("bad_request"));
        QCOMPARE(
            code(
                "{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[{\"path\":\"a.js\",\"text\":\"\"}],"
                "\"safe_point_timeout_ms\":-5}"),
            std::string("bad_request"));
        QCOMPARE(code("{\"v\":1,\"id\":1,\"op\":\"commit\",\"files\":[{\"path\":\"a.js\",\"text\":"
                      "\"\"}]}"),
                 std::string("decoded"));
    }

    void checksInspectorOperands() {
        auto code = [](const char* json) { return refusal(json).code; };
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","class":"C"})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","module":"m.js"})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","module":"m.js","class":"C","page":-1})"),
                 std::string("bad_request"));
        QCOMPARE(
            code(R"({"v":1,"id":1,"op":"instances","module":"m.js","class":"C","page_size":0})"),
            std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"object"})"), std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"object","identity":0})"), std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"object","identity":4294967296})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"object","identity":"7"})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","module":"m.js","class":"C",)"
                      R"("where":"n","equals":"1","contains":"1"})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","module":"m.js","class":"C","sort":3})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"instances","module":"m.js","class":"C",)"
                      R"("sort":"n","descending":"yes"})"),
                 std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"referrers"})"), std::string("bad_request"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"referrers","identity":7})"), std::string("decoded"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"sources"})"), std::string("decoded"));
        QCOMPARE(code(R"({"v":1,"id":1,"op":"classes"})"), std::string("decoded"));
    }

    void roundTripsInspectorOps() {
        Request in;
        in.id = 5;
        in.op = Op::Instances;
        in.module = "lib/shop.js";
        in.className = "Product";
        in.page = 3;
        in.pageSize = 20;
        std::string line = encodeRequest(in);
        ProtocolError e;
        auto r = decodeRequest(line.substr(0, line.size() - 1), e);
        QVERIFY2(r.has_value(), e.message.c_str());
        QVERIFY(r->op == Op::Instances);
        QCOMPARE(r->module, in.module);
        QCOMPARE(r->className, in.className);
        QCOMPARE(r->page, 3);
        QCOMPARE(r->pageSize, 20);
        QVERIFY(r->where.empty() && r->sort.empty() && !r->descending);
        in.where = "sku";
        in.whereValue = "te";
        in.contains = true;
        in.sort = "price";
        in.descending = true;
        line = encodeRequest(in);
        r = decodeRequest(line.substr(0, line.size() - 1), e);
        QVERIFY2(r.has_value(), e.message.c_str());
        QCOMPARE(r->where, std::string("sku"));
        QCOMPARE(r->whereValue, std::string("te"));
        QVERIFY(r->contains);
        QCOMPARE(r->sort, std::string("price"));
        QVERIFY(r->descending);
        Request obj;
        obj.id = 6;
        obj.op = Op::Object;
        obj.identity = 4000000000u;
        line = encodeRequest(obj);
        r = decodeRequest(line.substr(0, line.size() - 1), e);
        QVERIFY2(r.has_value(), e.message.c_str());
        QCOMPARE(r->identity, 4000000000u);
    }

    void snapshotsSurviveTheWire() {
        using namespace molt::inspect;
        ObjectFields o;
        o.identity = 12;
        o.found = true;
        o.type = "Product";
        o.summary = "Product { sku: 'tea' }";
        o.fields = {{"sku", "'tea'", "string", 0, false}, {"tags", "Array(2)", "Array", 13, true}};
        o.omitted = 4;
        ObjectFields back = objectFromJson(Json::parse(toJson(o).dump()));
        QCOMPARE(back.identity, 12u);
        QVERIFY(back.found);
        QCOMPARE(back.fields.size(), size_t(2));
        QCOMPARE(back.fields[1].identity, 13u);
        QVERIFY(back.fields[1].expandable);
        QCOMPARE(back.omitted, size_t(4));
        std::vector<ClassInfo> classes = {{"Product", "lib/shop.js", "Item", {"sku", "price"}, 7}};
        auto c = classesFromJson(Json::parse(toJson(classes).dump()));
        QCOMPARE(c.size(), size_t(1));
        QCOMPARE(c[0].superclass, std::string("Item"));
        QCOMPARE(c[0].fields.size(), size_t(2));
        QCOMPARE(c[0].instances, 7L);
        InstancePage page;
        page.module = "m.js";
        page.className = "C";
        page.total = 100;
        page.found = true;
        page.rows = {{3, "C {}"}};
        page.pageSize = 200;
        page.query = {"m.js", "C", 0, 200, "n", "4", false, "n", true};
        page.matched = 9;
        auto p = instancesFromJson(Json::parse(toJson(page).dump()));
        QCOMPARE(p.total, 100L);
        QCOMPARE(p.matched, 9L);
        QVERIFY(p.query == page.query);
        ReferrerList refs;
        refs.identity = 3;
        refs.found = true;
        refs.total = 5;
        refs.rows = {{8, "Array", "Array(2) [C#3]", "[1]"}};
        ReferrerList rb = referrersFromJson(Json::parse(toJson(refs).dump()));
        QCOMPARE(rb.total, 5L);
        QCOMPARE(rb.rows.at(0).via, std::string("[1]"));
        QCOMPARE(rb.rows.at(0).identity, 8u);
        QCOMPARE(p.rows.at(0).identity, 3u);
        // A reply of the wrong shape reads as empty, never throws.
        QVERIFY(classesFromJson(Json::parse(R"({"classes": 3})")).empty());
        QVERIFY(!objectFromJson(Json::parse(R"({"found": "yes", "fields": [1, null]})")).found);
    }

    void refusesOversized() {
        std::string big = "{\"v\":1,\"id\":1,\"op\":\"eval\",\"expr\":\"" +
                          std::string(kMaxMessageBytes, 'x') + "\"}";
        QCOMPARE(refusal(big).code, std::string("too_large"));
    }

    void answersAreOneLine() {
        std::string ok = encodeResult(5, {{"value", "a\nb"}});
        QCOMPARE(std::count(ok.begin(), ok.end(), '\n'), 1);
        std::string problem;
        auto r = decodeReply(ok.substr(0, ok.size() - 1), problem);
        QVERIFY(r && r->ok && r->id == 5 && r->result["value"] == "a\nb");
        std::string bad = encodeError({"unknown_op", "no", std::nullopt});
        r = decodeReply(bad, problem);
        QVERIFY(r && !r->ok && r->code == "unknown_op" && r->error == "no");
        QVERIFY(!decodeReply("nope", problem));
    }

    void splitsLinesAndSkipsTooLongOnes() {
        LineBuffer lines(16);
        lines.feed("{\"a\":1}\n{\"b\"", 12);
        auto first = lines.next();
        QVERIFY(first && !first->tooLong && first->text == "{\"a\":1}");
        QVERIFY(!lines.next());
        lines.feed(":2}\r\n", 5);
        auto second = lines.next();
        QVERIFY(second && second->text == "{\"b\":2}");
        // Past the limit: reported once, its bytes never held, the next line still read.
        std::string longLine(40, 'x');
        lines.feed(longLine.data(), 20);
        auto tooLong = lines.next();
        QVERIFY(tooLong && tooLong->tooLong);
        QCOMPARE(lines.pending(), size_t(0));
        lines.feed(longLine.data(), 20);
        QVERIFY(!lines.next());
        lines.feed("\nok\n", 4);
        auto after = lines.next();
        QVERIFY(after && !after->tooLong && after->text == "ok");
        QVERIFY(!lines.next());
    }
};

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
