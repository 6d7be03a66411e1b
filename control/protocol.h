// protocol.h — the control channel's wire format (DESIGN.md §9, docs/dsu.md "Production").
//
// One JSON object per line, in both directions. A request is
//   {"v": 1, "id": N, "op": "...", ...operands}
// and its answer is {"v": 1, "id": N, "ok": true, "result": {...}} or
// {"v": 1, "id": N, "ok": false, "error": {"code": "...", "message": "..."}}.
//
// Invariants:
//   * Decoding is total: any bytes give either a Request whose operands have been checked
//     (types, required fields) or a ProtocolError with a reply to send. Nothing that reaches
//     the program's side is unchecked, so a malformed, oversized or unknown message changes
//     nothing.
//   * A line is at most kMaxMessageBytes. A longer one is answered with "too_large" and
//     skipped up to its newline, so the connection stays usable for the next request.
//   * The version is explicit: a request without "v", or with a version this side does not
//     speak, is refused ("unsupported_version") rather than guessed at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace molt::control {

using Json = nlohmann::json;

constexpr int kProtocolVersion = 1;
constexpr size_t kMaxMessageBytes = 16u * 1024 * 1024;

// The operations, named after the IDE's VmHost messages (app/ide/host/vmhost.h).
//   status                      pid, main, uptime, threads, heap, updates, last report
//   threads                     every green thread and its stack (requestThreads)
//   history                     the journal, one entry per update
//   eval     expr               evaluate in the main module, rendered as console.log would
//   apply    files              diff against the live program: the generated patch (no change)
//   commit   files, patch?, patch_path?, dry_run?, eval?, safe_point_timeout_ms?
//            update to `files` (files[0] is the new main module; paths relative to its
//            folder), the generated patch, then `patch`
//   sources                     the live program's modules, main first (dsu::liveSources)
//   classes                     the inspector's classes with instance counts (requestClasses)
//   instances module, class, page?, page_size?, where?, equals? | contains?, sort?,
//            descending?        one page of a class's live instances (inspect::InstanceQuery)
//   object   identity           the fields of one object (requestObject)
//   referrers identity          the heap objects that reference it (requestReferrers)
// The inspector ops answer with control/inspect_json.h's shapes.
enum class Op {
    Status,
    Threads,
    History,
    Eval,
    Apply,
    Commit,
    Sources,
    Classes,
    Instances,
    Object,
    Referrers
};

struct SourceText {
    std::string path, text;
};

struct Request {
    uint64_t id = 0;
    Op op = Op::Status;
    std::string expr;              // eval; commit's optional eval
    std::vector<SourceText> files; // apply, commit
    std::string patch, patchPath;  // commit: the user patch and how messages name it
    bool dryRun = false;
    std::optional<double> safePointTimeoutMs;
    std::string module, className; // instances
    int page = 0, pageSize = 50;   // instances
    // instances: the filter on field `where` (its value `equals` one or `contains` one) and
    // the field to sort by
    std::string where, whereValue, sort;
    bool contains = false, descending = false;
    uint32_t identity = 0; // object, referrers
};

struct ProtocolError {
    // "malformed" (not JSON, not an object), "too_large", "unsupported_version",
    // "unknown_op", "bad_request" (an operand missing or of the wrong type).
    std::string code, message;
    std::optional<uint64_t> id; // when the request's id could be read
};

// Decodes one line (without its newline). Exactly one of the two is filled.
std::optional<Request> decodeRequest(std::string_view line, ProtocolError& error);

// Encodes a request as one line, newline included (the client's side of decodeRequest).
std::string encodeRequest(const Request& request);

// The answers, newline included.
std::string encodeResult(uint64_t id, const Json& result);
std::string encodeError(const ProtocolError& error);

// The client's side: a decoded answer.
struct Reply {
    bool ok = false;
    uint64_t id = 0;
    Json result;             // ok
    std::string code, error; // !ok
};
std::optional<Reply> decodeReply(std::string_view line, std::string& problem);

const char* opName(Op op);

// Splits a byte stream into lines of at most `limit` bytes. A line past the limit comes out
// once as `tooLong` (its bytes are dropped as they arrive, never buffered) and reading
// goes on after its newline.
class LineBuffer {
public:
    explicit LineBuffer(size_t limit = kMaxMessageBytes) : limit_(limit) {}
    void feed(const char* data, size_t size);
    struct Line {
        std::string text;
        bool tooLong = false;
    };
    // The next complete line, or nullopt until more bytes arrive.
    std::optional<Line> next();
    // Bytes held for a line not yet complete.
    size_t pending() const { return partial_.size(); }

private:
    size_t limit_;
    std::string partial_;
    bool skipping_ = false; // inside a line already reported as too long
    std::vector<Line> ready_;
    size_t readyHead_ = 0;
};

} // namespace molt::control
