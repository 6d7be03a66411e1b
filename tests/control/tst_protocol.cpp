// The control channel's codec (control/protocol.h): every request shape decodes to what
// was sent, and every malformed, oversized, unversioned or unknown message is refused with
// the right error code and no Request. Also the line splitter's limit and recovery.
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
