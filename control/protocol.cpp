#include "control/protocol.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace molt::control {

namespace {

struct OpEntry {
    Op op;
    const char* name;
};
constexpr OpEntry kOps[] = {
    {Op::Status, "status"},   {Op::Threads, "threads"},     {Op::History, "history"},
    {Op::Eval, "eval"},       {Op::Apply, "apply"},         {Op::Commit, "commit"},
    {Op::Sources, "sources"}, {Op::Classes, "classes"},     {Op::Instances, "instances"},
    {Op::Object, "object"},   {Op::Referrers, "referrers"},
};

std::optional<Request> refuse(ProtocolError& error, std::string code, std::string message,
                              std::optional<uint64_t> id = std::nullopt) {
    error.code = std::move(code);
    error.message = std::move(message);
    error.id = id;
    return std::nullopt;
}

// A non-negative integer that a double represents exactly (JSON numbers are doubles to
// most clients).
std::optional<uint64_t> readId(const Json& v) {
    if (v.is_number_unsigned()) return v.get<uint64_t>();
    if (v.is_number_integer()) {
        int64_t i = v.get<int64_t>();
        if (i >= 0) return uint64_t(i);
        return std::nullopt;
    }
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (d >= 0 && d <= 9007199254740992.0 && std::floor(d) == d) return uint64_t(d);
    }
    return std::nullopt;
}

bool readString(const Json& object, const char* key, bool required, std::string& into,
                std::string& problem) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) problem = std::string("'") + key + "' is missing (a string)";
        return !required;
    }
    if (!it->is_string()) {
        problem = std::string("'") + key + "' must be a string";
        return false;
    }
    into = it->get<std::string>();
    return true;
}

bool readFiles(const Json& object, std::vector<SourceText>& files, std::string& problem) {
    auto it = object.find("files");
    if (it == object.end() || !it->is_array() || it->empty()) {
        problem = "'files' must be a non-empty array of {\"path\", \"text\"} (the main module "
                  "first)";
        return false;
    }
    for (const Json& f : *it) {
        SourceText file;
        if (!f.is_object() || !readString(f, "path", true, file.path, problem) ||
            !readString(f, "text", true, file.text, problem)) {
            if (problem.empty())
                problem = "each of 'files' must be {\"path\", \"text\"}";
            else
                problem = "in 'files': " + problem;
            return false;
        }
        if (file.path.empty() || file.path[0] == '/' || file.path.find('\0') != std::string::npos) {
            problem = "in 'files': '" + file.path +
                      "' is not a path relative to the main module's folder";
            return false;
        }
        files.push_back(std::move(file));
    }
    return true;
}

// An integer field in [low, high]; absent keeps `into` when not required.
bool readInt(const Json& object, const char* key, bool required, int64_t low, int64_t high,
             int64_t& into, std::string& problem) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) problem = std::string("'") + key + "' is missing (an integer)";
        return !required;
    }
    std::optional<uint64_t> n = readId(*it);
    if (!n || int64_t(*n) < low || int64_t(*n) > high) {
        problem = std::string("'") + key + "' must be an integer from " + std::to_string(low) +
                  " to " + std::to_string(high);
        return false;
    }
    into = int64_t(*n);
    return true;
}

} // namespace

const char* opName(Op op) {
    for (const OpEntry& e : kOps)
        if (e.op == op) return e.name;
    return "?";
}

std::optional<Request> decodeRequest(std::string_view line, ProtocolError& error) {
    if (line.size() > kMaxMessageBytes)
        return refuse(error, "too_large",
                      "a message is at most " + std::to_string(kMaxMessageBytes) + " bytes");
    Json j = Json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) return refuse(error, "malformed", "not a JSON text");
    if (!j.is_object()) return refuse(error, "malformed", "a request is a JSON object");
    std::optional<uint64_t> id;
    if (auto it = j.find("id"); it != j.end()) id = readId(*it);
    if (!id) return refuse(error, "bad_request", "'id' must be a non-negative integer");
    auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<int64_t>() != kProtocolVersion)
        return refuse(error, "unsupported_version",
                      "this process speaks protocol version " + std::to_string(kProtocolVersion) +
                          " (\"v\": " + std::to_string(kProtocolVersion) + ")",
                      id);
    auto opField = j.find("op");
    if (opField == j.end() || !opField->is_string())
        return refuse(error, "bad_request", "'op' must be a string", id);
    std::string name = opField->get<std::string>();
    Request r;
    r.id = *id;
    bool known = false;
    for (const OpEntry& e : kOps)
        if (name == e.name) {
            r.op = e.op;
            known = true;
        }
    if (!known) {
        std::string list;
        for (const OpEntry& e : kOps)
            list += (list.empty() ? "" : ", ") + std::string(e.name);
        return refuse(error, "unknown_op", "unknown op '" + name + "' (known: " + list + ")", id);
    }
    std::string problem;
    bool ok = true;
    switch (r.op) {
    case Op::Status:
    case Op::Threads:
    case Op::History:
    case Op::Sources:
    case Op::Classes: break;
    case Op::Instances: {
        int64_t page = r.page, size = r.pageSize;
        ok = readString(j, "module", true, r.module, problem) &&
             readString(j, "class", true, r.className, problem) &&
             readInt(j, "page", false, 0, 1 << 30, page, problem) &&
             readInt(j, "page_size", false, 1, 10000, size, problem);
        r.page = int(page);
        r.pageSize = int(size);
        if (ok && j.contains("equals") && j.contains("contains")) {
            problem = "give 'equals' or 'contains', not both";
            ok = false;
        }
        r.contains = j.contains("contains");
        ok = ok && readString(j, "where", false, r.where, problem) &&
             readString(j, r.contains ? "contains" : "equals", false, r.whereValue, problem) &&
             readString(j, "sort", false, r.sort, problem);
        if (ok)
            if (auto d = j.find("descending"); d != j.end()) {
                if (!d->is_boolean()) {
                    problem = "'descending' must be true or false";
                    ok = false;
                } else {
                    r.descending = d->get<bool>();
                }
            }
        break;
    }
    case Op::Referrers:
    case Op::Object: {
        int64_t identity = 0;
        ok = readInt(j, "identity", true, 1, UINT32_MAX, identity, problem);
        r.identity = uint32_t(identity);
        break;
    }
    case Op::Eval: ok = readString(j, "expr", true, r.expr, problem); break;
    case Op::Apply: ok = readFiles(j, r.files, problem); break;
    case Op::Commit: {
        ok = readFiles(j, r.files, problem) && readString(j, "patch", false, r.patch, problem) &&
             readString(j, "patch_path", false, r.patchPath, problem) &&
             readString(j, "eval", false, r.expr, problem);
        if (ok)
            if (auto d = j.find("dry_run"); d != j.end()) {
                if (!d->is_boolean()) {
                    problem = "'dry_run' must be true or false";
                    ok = false;
                } else {
                    r.dryRun = d->get<bool>();
                }
            }
        if (ok)
            if (auto t = j.find("safe_point_timeout_ms"); t != j.end()) {
                double ms = t->is_number() ? t->get<double>() : -1;
                if (!t->is_number() || !std::isfinite(ms) || ms < 0 || ms > 2147483647.0) {
                    problem = "'safe_point_timeout_ms' must be a number of milliseconds from 0 "
                              "to 2147483647";
                    ok = false;
                } else {
                    r.safePointTimeoutMs = ms;
                }
            }
        break;
    }
    }
    if (!ok) return refuse(error, "bad_request", name + ": " + problem, id);
    return r;
}

std::string encodeRequest(const Request& r) {
    Json j = {{"v", kProtocolVersion}, {"id", r.id}, {"op", opName(r.op)}};
    if (r.op == Op::Eval) j["expr"] = r.expr;
    if (r.op == Op::Instances) {
        j["module"] = r.module;
        j["class"] = r.className;
        j["page"] = r.page;
        j["page_size"] = r.pageSize;
        if (!r.where.empty()) {
            j["where"] = r.where;
            j[r.contains ? "contains" : "equals"] = r.whereValue;
        }
        if (!r.sort.empty()) j["sort"] = r.sort;
        if (r.descending) j["descending"] = true;
    }
    if (r.op == Op::Object || r.op == Op::Referrers) j["identity"] = r.identity;
    if (r.op == Op::Apply || r.op == Op::Commit) {
        Json files = Json::array();
        for (const SourceText& f : r.files)
            files.push_back({{"path", f.path}, {"text", f.text}});
        j["files"] = std::move(files);
    }
    if (r.op == Op::Commit) {
        if (!r.patch.empty()) j["patch"] = r.patch;
        if (!r.patchPath.empty()) j["patch_path"] = r.patchPath;
        if (!r.expr.empty()) j["eval"] = r.expr;
        if (r.dryRun) j["dry_run"] = true;
        if (r.safePointTimeoutMs) j["safe_point_timeout_ms"] = *r.safePointTimeoutMs;
    }
    // Invalid UTF-8 in a source is replaced rather than thrown on: the process reports it.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string encodeResult(uint64_t id, const Json& result) {
    Json j = {{"v", kProtocolVersion}, {"id", id}, {"ok", true}, {"result", result}};
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string encodeError(const ProtocolError& e) {
    Json j = {{"v", kProtocolVersion},
              {"id", e.id ? Json(*e.id) : Json(nullptr)},
              {"ok", false},
              {"error", {{"code", e.code}, {"message", e.message}}}};
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Reply> decodeReply(std::string_view line, std::string& problem) {
    Json j = Json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        problem = "the process's answer is not a JSON object";
        return std::nullopt;
    }
    auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<int64_t>() != kProtocolVersion) {
        problem = "the process speaks another protocol version";
        return std::nullopt;
    }
    Reply r;
    auto ok = j.find("ok");
    if (ok == j.end() || !ok->is_boolean()) {
        problem = "the process's answer has no 'ok'";
        return std::nullopt;
    }
    r.ok = ok->get<bool>();
    if (auto id = j.find("id"); id != j.end())
        if (auto n = readId(*id)) r.id = *n;
    if (r.ok) {
        r.result = j.value("result", Json::object());
    } else {
        const Json& e = j.value("error", Json::object());
        r.code = e.is_object() && e.contains("code") && e["code"].is_string()
                     ? e["code"].get<std::string>()
                     : "unknown";
        r.error = e.is_object() && e.contains("message") && e["message"].is_string()
                      ? e["message"].get<std::string>()
                      : "(no message)";
    }
    return r;
}

void LineBuffer::feed(const char* data, size_t size) {
    while (size > 0) {
        const char* nl = static_cast<const char*>(std::memchr(data, '\n', size));
        size_t chunk = nl ? size_t(nl - data) : size;
        if (!skipping_) {
            if (partial_.size() + chunk > limit_) {
                // Reported once, now; the rest of the line is dropped as it arrives.
                partial_.clear();
                partial_.shrink_to_fit();
                ready_.push_back({"", true});
                skipping_ = true;
            } else {
                partial_.append(data, chunk);
            }
        }
        if (!nl) return;
        if (!skipping_) {
            if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
            ready_.push_back({std::move(partial_), false});
            partial_.clear();
        }
        skipping_ = false;
        data = nl + 1;
        size -= chunk + 1;
    }
}

std::optional<LineBuffer::Line> LineBuffer::next() {
    if (readyHead_ == ready_.size()) {
        ready_.clear();
        readyHead_ = 0;
        return std::nullopt;
    }
    return std::move(ready_[readyHead_++]);
}

} // namespace molt::control
