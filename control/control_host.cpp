#include "control/control_host.h"

#include "control/inspect_json.h"
#include "control/snapshot.h"
#include "dsu/commit/report.h"
#include "dsu/commit/version.h"
#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace molt::control {

namespace {

Json reportJson(const dsu::UpdateReport& report) {
    Json j = Json::parse(report.toJson(), nullptr, false);
    return j.is_discarded() ? Json::object() : j;
}

// The migrated instances the IDE's Before/After view shows, as [field, rendered value] pairs.
// They go in the answer to the peer that asked for the update, not into the journal: a
// journal line stays a record of what changed, not a heap sample.
Json samplesJson(const std::vector<dsu::MigratedInstance>& samples) {
    auto fields = [](const std::vector<std::pair<std::string, std::string>>& side) {
        Json out = Json::array();
        for (const auto& [name, value] : side)
            out.push_back(Json::array({name, value}));
        return out;
    };
    Json out = Json::array();
    for (const dsu::MigratedInstance& m : samples)
        out.push_back({{"identity", m.identity},
                       {"old_class", m.oldClass},
                       {"new_class", m.newClass},
                       {"before", fields(m.before)},
                       {"after", fields(m.after)}});
    return out;
}

const char* outcomeName(const dsu::UpdateReport& report) {
    switch (report.outcome) {
    case dsu::UpdateReport::Outcome::Committed: return "committed";
    case dsu::UpdateReport::Outcome::Validated: return "validated";
    case dsu::UpdateReport::Outcome::RolledBack: break;
    }
    return "rolled_back";
}

} // namespace

struct ControlHost::PendingUpdate {
    Peer peer;
    Request request;
    std::unique_ptr<dsu::VersionUpdate> update;
    std::string digest;
    bool done = false;
    dsu::UpdateReport report;
    // Compiling and diffing the new version runs on the loop before the commit, so the
    // program does not run during it either; the report's pause does not include it.
    double versionPrepareMs = 0;
};

struct ControlHost::PendingEval {
    EvalDone done;
    std::optional<uint32_t> result; // pinned once the thread has ended
};

ControlHost::ControlHost(VM& vm, ControlSocket& socket, Journal& journal, std::string mainPath)
    : vm_(vm), socket_(socket), journal_(journal), mainPath_(std::move(mainPath)),
      startedMs_(dsu::nowMs()), lastReport_(nullptr) {}

ControlHost::~ControlHost() = default;

int ControlHost::run(const std::vector<std::string>& argv) {
    int code = vm_.runTopLevel(mainPath_, argv);
    if (code != 0) return code;
    // The scheduler runs the program and, where it would wait, the libuv loop the socket is
    // on; it comes back between thread turns once there is something to answer.
    auto work = [this] {
        return socket_.hasIncoming() || (pending_ && pending_->done) || evalFinished();
    };
    for (;;) {
        code = vm_.scheduler().runUntil(work);
        if (vm_.exitRequested() || !work()) break; // the program ended (or threw)
        finishEvals();
        if (pending_ && pending_->done) finishUpdate();
        service();
        if (vm_.exitRequested()) break;
    }
    if (vm_.exitRequested()) code = vm_.exitCode();
    if (pending_)
        endPendingUpdate(vm_.exitRequested() ? "the program exited before a safe point"
                                             : "the program ended before a safe point");
    finishEvals();
    endPendingEvals(vm_.exitRequested() ? "the program exited before the expression finished"
                                        : "the program ended before the expression finished");
    return code;
}

void ControlHost::service() {
    for (ControlSocket::Incoming& in : socket_.take()) {
        if (in.line.tooLong) {
            fail(in.peer, std::nullopt, "too_large",
                 "a message is at most " + std::to_string(kMaxMessageBytes) +
                     " bytes; it was dropped");
            continue;
        }
        if (in.line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
        ProtocolError error;
        std::optional<Request> request = decodeRequest(in.line.text, error);
        if (!request) {
            socket_.send(in.peer.connection, encodeError(error));
            continue;
        }
        handle(in.peer, *request);
        if (vm_.exitRequested()) return;
    }
}

void ControlHost::handle(const Peer& peer, const Request& r) {
    switch (r.op) {
    case Op::Status: reply(peer, r.id, status()); return;
    case Op::Threads: reply(peer, r.id, threads()); return;
    case Op::History: {
        Json entries = Json::array();
        for (Json& e : journal_.read())
            entries.push_back(std::move(e));
        reply(peer, r.id, {{"journal", journal_.path()}, {"entries", std::move(entries)}});
        return;
    }
    case Op::Eval:
        startEval(r.expr, [this, peer, id = r.id](bool ok, const std::string& code,
                                                  const std::string& text) {
            if (ok)
                reply(peer, id, {{"value", text}});
            else
                fail(peer, id, code, text);
        });
        return;
    case Op::Apply:
    case Op::Commit: startUpdate(peer, r); return;
    case Op::Sources: {
        Json files = Json::array();
        for (const dsu::SourceFile& f : dsu::liveSources(vm_))
            files.push_back({{"path", f.path}, {"text", f.text}});
        reply(peer, r.id, {{"files", std::move(files)}});
        return;
    }
    case Op::Classes:
        reply(peer, r.id, inspect::toJson(inspect::snapshotClasses(vm_, root())));
        return;
    case Op::Instances: {
        inspect::InstanceQuery q{r.module,     r.className, r.page, r.pageSize,  r.where,
                                 r.whereValue, r.contains,  r.sort, r.descending};
        reply(peer, r.id, inspect::toJson(inspect::snapshotInstances(vm_, root(), q)));
        return;
    }
    case Op::Referrers:
        reply(
            peer, r.id,
            inspect::toJson(inspect::snapshotReferrers(vm_, r.identity, inspect::kReferrersShown)));
        return;
    case Op::Object:
        reply(peer, r.id, inspect::toJson(inspect::snapshotObject(vm_, r.identity)));
        return;
    }
}

void ControlHost::startEval(const std::string& expr, EvalDone done) {
    Result<Value> fn = vm_.compileGuardedExpression(vm_.mainModule(), expr);
    if (!fn) return done(false, "bad_input", fn.error().format());
    Root keep(vm_.heap, fn.value());
    Scheduler& scheduler = vm_.scheduler();
    auto pending = std::make_shared<PendingEval>();
    pending->done = std::move(done);
    evals_.push_back(pending);
    scheduler.callback(keep.value, vm_.mainModule()->exports, nullptr, 0,
                       [pending, &scheduler](Value outcome) {
                           pending->result = scheduler.pin(outcome);
                       });
}

bool ControlHost::evalFinished() const {
    return std::any_of(evals_.begin(), evals_.end(), [](const auto& e) { return e->result; });
}

void ControlHost::finishEvals() {
    Scheduler& scheduler = vm_.scheduler();
    for (size_t i = 0; i < evals_.size();) {
        if (!evals_[i]->result) {
            ++i;
            continue;
        }
        std::shared_ptr<PendingEval> e = std::move(evals_[i]);
        evals_.erase(evals_.begin() + long(i));
        Value outcome = scheduler.pinned(*e->result);
        Root keep(vm_.heap, outcome);
        scheduler.unpin(*e->result);
        // [true, value] or [false, thrown] (compileGuardedExpression); anything else means the
        // thread itself failed (out of memory), reported as the uncaught exception it was.
        Array* pair = isKind(outcome, ObjKind::Array) && as<Array>(outcome)->length == 2
                          ? as<Array>(outcome)
                          : nullptr;
        if (!pair) {
            e->done(false, "exception", "the expression's thread failed");
            continue;
        }
        Value v = pair->elements[1];
        Root keepValue(vm_.heap, v);
        if (pair->elements[0].isTrue())
            e->done(true, "", isString(v) ? std::string(asString(v)->view()) : vm_.inspect(v));
        else
            e->done(false, "exception", vm_.describeUncaught(v));
    }
}

void ControlHost::endPendingEvals(const std::string& reason) {
    std::vector<std::shared_ptr<PendingEval>> left = std::move(evals_);
    for (auto& e : left) {
        if (e->result) vm_.scheduler().unpin(*e->result);
        e->done(false, "exception", reason);
    }
}

void ControlHost::startUpdate(const Peer& peer, const Request& r) {
    if (pending_) {
        fail(peer, r.id, "busy", "an update is already waiting for a safe point; try again");
        return;
    }
    if (!r.expr.empty())
        if (auto compiles = vm_.compileExpression(vm_.mainModule(), r.expr); !compiles) {
            fail(peer, r.id, "bad_input", compiles.error().message()); // nothing is prepared yet
            return;
        }
    std::vector<dsu::SourceFile> files;
    std::vector<SourceText> sent = r.files;
    for (const SourceText& f : r.files)
        files.push_back({f.path, f.text, "new/" + f.path});
    // The new main module replaces the live one, whatever the client's file is called.
    std::string liveMain = std::filesystem::path(mainPath_).filename().string();
    files[0].displayPath = "new/" + files[0].path;
    files[0].path = liveMain;
    auto pending = std::make_unique<PendingUpdate>();
    pending->peer = peer;
    pending->request = r;
    pending->digest = sourcesDigest(sent);
    pending->update = std::make_unique<dsu::VersionUpdate>(vm_);
    if (r.safePointTimeoutMs) pending->update->safePointTimeoutMs = *r.safePointTimeoutMs;
    dsu::NewVersion next{files, files[0].displayPath, ""};
    dsu::UserPatch patch;
    if (r.op == Op::Commit && !r.patch.empty())
        patch = {r.patchPath.empty() ? "patch.js" : r.patchPath, r.patch};
    auto started = std::chrono::steady_clock::now();
    Result<void> prepared = pending->update->prepare(next, patch);
    pending->versionPrepareMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    if (!prepared) {
        fail(peer, r.id, "bad_input", prepared.error().message());
        return; // the VersionUpdate goes away: nothing was changed
    }
    if (r.op == Op::Apply) {
        reply(peer, r.id, {{"script", pending->update->generatedScript()}});
        return;
    }
    if (r.dryRun) {
        pending->report = pending->update->dryRun();
        pending->done = true;
        pending_ = std::move(pending);
        finishUpdate();
        return;
    }
    PendingUpdate* p = pending.get();
    pending_ = std::move(pending);
    // The report is taken here; the answer goes out from the run loop, between slices.
    p->update->commitAsync([p](const dsu::UpdateReport& report) {
        p->report = report;
        p->done = true;
    });
    if (p->done) finishUpdate();
}

void ControlHost::finishUpdate() {
    std::unique_ptr<PendingUpdate> p = std::move(pending_);
    const dsu::UpdateReport& report = p->report;
    if (!p->request.dryRun) ++(report.committed() ? applied_ : rolledBack_);
    Json rj = reportJson(report);
    rj["version_prepare_ms"] = p->versionPrepareMs;
    if (!p->request.dryRun) lastReport_ = rj;
    Json sources = Json::array();
    for (const SourceText& f : p->request.files)
        sources.push_back({{"path", f.path}, {"text", f.text}});
    Json entry = {{"time", utcTimestamp()},
                  {"peer_uid", p->peer.uid},
                  {"peer_pid", p->peer.pid},
                  {"outcome", outcomeName(report)},
                  {"dry_run", p->request.dryRun},
                  {"digest", p->digest},
                  {"sources", std::move(sources)},
                  {"generated_patch", p->update->generatedScript()},
                  {"patch", p->request.patch},
                  {"patch_path", p->request.patchPath},
                  {"report", rj}};
    Json result = {{"outcome", outcomeName(report)},
                   {"report", rj},
                   {"script", p->update->generatedScript()},
                   {"digest", p->digest}};
    if (auto written = journal_.append(entry); !written)
        result["journal_error"] = written.error().message();
    result["report"]["samples"] = samplesJson(report.samples);
    // The update object goes before hosted code runs again (its hook refers to it).
    p->update.reset();
    if (p->request.expr.empty()) return reply(p->peer, p->request.id, result);
    // The answer waits for the expression, which runs on the updated program.
    startEval(p->request.expr, [this, peer = p->peer, id = p->request.id, result](
                                   bool ok, const std::string&, const std::string& text) mutable {
        result[ok ? "eval" : "eval_error"] = text;
        reply(peer, id, result);
    });
}

void ControlHost::endPendingUpdate(const std::string& reason) {
    pending_->report = {};
    pending_->report.outcome = dsu::UpdateReport::Outcome::RolledBack;
    pending_->report.rollbackReason = reason;
    pending_->request.expr.clear(); // there is no program left to evaluate in
    pending_->done = true;
    finishUpdate();
}

// The folder module paths are relative to, as the snapshots name them.
std::string ControlHost::root() const {
    std::error_code ec;
    return std::filesystem::absolute(mainPath_, ec).lexically_normal().parent_path().string();
}

Json ControlHost::status() {
    size_t runnable = 0, sleeping = 0, total = 0;
    for (Thread* t : vm_.scheduler().threads()) {
        if (t->threadId == 0) continue; // the VM's own thread for calls from C++
        ++total;
        if (t->state == ThreadState::Runnable) ++runnable;
        if (t->state == ThreadState::Sleeping) ++sleeping;
    }
    std::error_code ec;
    std::string main = std::filesystem::absolute(mainPath_, ec).lexically_normal().string();
    return {{"pid", ::getpid()},
            {"main", main},
            {"socket", socket_.path()},
            {"journal", journal_.path()},
            {"protocol", kProtocolVersion},
            {"uptime_ms", int64_t(dsu::nowMs() - startedMs_)},
            {"threads", {{"total", total}, {"runnable", runnable}, {"sleeping", sleeping}}},
            {"heap",
             {{"footprint_bytes", vm_.heap.footprint()},
              {"bytes_live_at_last_gc", vm_.heap.stats().bytesLive},
              {"bytes_allocated_since_gc", vm_.heap.stats().bytesAllocatedSinceGc},
              {"collections", vm_.heap.stats().collections},
              {"limit_bytes", vm_.heap.limit()}}},
            {"updates_applied", applied_},
            {"updates_rolled_back", rolledBack_},
            {"update_waiting", pending_ != nullptr},
            {"last_report", lastReport_}};
}

// The inspector's snapshot, as the IDE's own host takes it: paths relative to the main
// module's folder, so an attached Threads view names files as its editor tabs do.
Json ControlHost::threads() {
    return inspect::toJson(inspect::snapshotThreads(vm_, root()));
}

void ControlHost::reply(const Peer& peer, uint64_t id, const Json& result) {
    socket_.send(peer.connection, encodeResult(id, result));
}

void ControlHost::fail(const Peer& peer, std::optional<uint64_t> id, const std::string& code,
                       const std::string& message) {
    socket_.send(peer.connection, encodeError({code, message, id}));
}

} // namespace molt::control
