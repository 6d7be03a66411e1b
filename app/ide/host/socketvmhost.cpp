#include "app/ide/host/socketvmhost.h"

#include "app/ide/host/reportjson.h"
#include "control/inspect_json.h"
#include "dsu/refactor/refactor.h"
#include "dsu/source/differ.h"

#include <algorithm>

namespace molt::ide {

using control::Json;
using control::Op;
using control::Reply;
using control::Request;

namespace {

constexpr int kDefaultStatusMs = 1000;
constexpr const char* kNoEvaluator =
    "The evaluator needs the IDE's own VM: an attached process's control protocol evaluates "
    "in the main module only (`molt eval`), with no `this` and no frame.";

// The new version: the live modules in the process's order (main first) with the edited
// ones replaced, then modules the editor has that the program never loaded.
std::vector<dsu::SourceFile> nextVersion(const std::vector<dsu::SourceFile>& live,
                                         const std::vector<dsu::SourceFile>& edited) {
    std::vector<dsu::SourceFile> out;
    for (const dsu::SourceFile& l : live) {
        auto e = std::find_if(edited.begin(), edited.end(),
                              [&](const dsu::SourceFile& f) { return f.path == l.path; });
        out.push_back(e == edited.end() ? l : *e);
    }
    for (const dsu::SourceFile& e : edited)
        if (std::none_of(live.begin(), live.end(),
                         [&](const dsu::SourceFile& l) { return l.path == e.path; }))
            out.push_back(e);
    return out;
}

std::vector<dsu::SourceFile> only(const std::vector<dsu::SourceFile>& live,
                                  const std::vector<dsu::SourceFile>& paths) {
    std::vector<dsu::SourceFile> out;
    for (const dsu::SourceFile& l : live)
        if (std::any_of(paths.begin(), paths.end(),
                        [&](const dsu::SourceFile& f) { return f.path == l.path; }))
            out.push_back(l);
    return out;
}

} // namespace

SocketVmHost::SocketVmHost(QString socketPath, QObject* parent)
    : VmHost(parent), path_(std::move(socketPath)), socket_(this), statusTimer_(this) {
    qRegisterMetaType<AttachedProcess>();
    connect(&socket_, &QLocalSocket::readyRead, this, &SocketVmHost::onReadyRead);
    connect(&socket_, &QLocalSocket::disconnected, this, &SocketVmHost::onDisconnected);
    connect(&socket_, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (!attached_)
            Q_EMIT attachFailed(tr("Cannot reach %1: %2").arg(path_, socket_.errorString()));
    });
    connect(&socket_, &QLocalSocket::connected, this, [this] {
        Request status;
        status.op = Op::Status;
        send(status, [this](const Reply& r) {
            if (!r.ok) {
                Q_EMIT attachFailed(QString::fromStdString(r.error));
                return;
            }
            AttachedProcess process;
            process.pid = r.result.value("pid", 0L);
            process.main = r.result.value("main", std::string());
            liveMain_ = process.main;
            Request sources;
            sources.op = Op::Sources;
            send(sources, [this, process](const Reply& s) mutable {
                if (!s.ok) {
                    Q_EMIT attachFailed(QString::fromStdString(s.error));
                    return;
                }
                process.files = filesFromJson(s.result);
                attached_ = true;
                Q_EMIT attached(process);
                Q_EMIT transcript(
                    tr("attached to process %1 (%2). Its output goes to the process's "
                       "own stdout, not to this transcript.\n")
                        .arg(process.pid)
                        .arg(path_),
                    false);
                pollStatus();
                if (statusTimer_.interval() > 0) statusTimer_.start();
            });
        });
    });
    statusTimer_.setInterval(kDefaultStatusMs);
    connect(&statusTimer_, &QTimer::timeout, this, &SocketVmHost::pollStatus);
}

SocketVmHost::~SocketVmHost() {
    statusTimer_.stop();
    socket_.disconnect(this);
    socket_.abort();
}

void SocketVmHost::attach() {
    socket_.connectToServer(path_);
}

void SocketVmHost::detach() {
    statusTimer_.stop();
    bool was = attached_;
    attached_ = false;
    waiting_.clear();
    socket_.disconnectFromServer();
    if (was) {
        Q_EMIT statusChanged({ProgramState::NotStarted, 0, "detached; the process keeps running"});
        Q_EMIT detached(tr("detached; the process keeps running"));
    }
}

bool SocketVmHost::isAttached() const {
    return attached_;
}

void SocketVmHost::setStatusInterval(int ms) {
    statusTimer_.setInterval(ms);
    if (ms <= 0) statusTimer_.stop();
}

void SocketVmHost::send(Request request, Answer answer) {
    if (socket_.state() != QLocalSocket::ConnectedState) {
        // Answered later, like every request: a view never gets its answer inside its call.
        QTimer::singleShot(0, this, [answer = std::move(answer)] {
            Reply r;
            r.code = "unreachable";
            r.error = "not attached to a process (detach leaves the process running; attach "
                      "again with File > Attach to Process)";
            answer(r);
        });
        return;
    }
    request.id = nextId_++;
    waiting_[request.id] = std::move(answer);
    std::string line = control::encodeRequest(request);
    socket_.write(line.data(), qint64(line.size()));
}

void SocketVmHost::onReadyRead() {
    QByteArray bytes = socket_.readAll();
    lines_.feed(bytes.constData(), size_t(bytes.size()));
    while (std::optional<control::LineBuffer::Line> line = lines_.next()) {
        if (line->tooLong) continue;
        std::string problem;
        std::optional<Reply> reply = control::decodeReply(line->text, problem);
        if (!reply) {
            Q_EMIT transcript(tr("the process sent an answer that is not protocol: %1\n")
                                  .arg(QString::fromStdString(problem)),
                              true);
            continue;
        }
        auto it = waiting_.find(reply->id);
        if (it == waiting_.end()) continue;
        Answer answer = std::move(it->second);
        waiting_.erase(it);
        answer(*reply);
    }
}

void SocketVmHost::onDisconnected() {
    statusTimer_.stop();
    if (!attached_) return;
    attached_ = false;
    // Every request in flight is answered: the views must not wait for ever.
    std::map<uint64_t, Answer> pending = std::move(waiting_);
    waiting_.clear();
    for (auto& [id, answer] : pending) {
        Reply r;
        r.id = id;
        r.code = "unreachable";
        r.error = "the process closed the connection";
        answer(r);
    }
    Q_EMIT statusChanged({ProgramState::Failed, 0, "the process is gone"});
    Q_EMIT detached(tr("the process closed the connection"));
}

void SocketVmHost::pollStatus() {
    Request r;
    r.op = Op::Status;
    send(r, [this](const Reply& reply) {
        if (!reply.ok) return;
        ProgramStatus status;
        status.state = ProgramState::Running;
        long pid = reply.result.value("pid", 0L);
        long applied = reply.result.value("updates_applied", 0L);
        status.detail = tr("process %1, %2 update(s) applied").arg(pid).arg(applied).toStdString();
        Q_EMIT statusChanged(status);
    });
}

void SocketVmHost::requestHistory() {
    Request r;
    r.op = Op::History;
    send(r, [this](const Reply& reply) {
        if (!reply.ok) return;
        std::vector<std::pair<QString, UpdateOutcome>> out;
        auto entries = reply.result.find("entries");
        if (entries == reply.result.end() || !entries->is_array()) return;
        for (const Json& e : *entries) {
            if (!e.is_object()) continue;
            UpdateOutcome o;
            o.started = true;
            if (auto rep = e.find("report"); rep != e.end() && rep->is_object())
                o.report = reportFromJson(*rep);
            o.after = filesFromJson(e.value("sources", Json::object()).is_array()
                                        ? Json{{"files", e["sources"]}}
                                        : Json::object());
            o.script = e.value("generated_patch", Json()).is_string()
                           ? e["generated_patch"].get<std::string>()
                           : "";
            o.userPatch = e.value("patch", Json()).is_string() ? e["patch"].get<std::string>() : "";
            QString title =
                tr("journal: %1, uid %2, %3")
                    .arg(QString::fromStdString(e.value("outcome", Json()).is_string()
                                                    ? e["outcome"].get<std::string>()
                                                    : std::string("?")))
                    .arg(e.value("peer_uid", Json()).is_number() ? e["peer_uid"].get<long>() : -1)
                    .arg(QString::fromStdString(e.value("time", Json()).is_string()
                                                    ? e["time"].get<std::string>()
                                                    : std::string()));
            out.emplace_back(title, std::move(o));
        }
        Q_EMIT journalReady(out);
    });
}

// ---------------------------------------------------------------- the program's lifecycle

void SocketVmHost::run(const RunSpec&) {
    Q_EMIT transcript(tr("attached: this process was started outside the IDE; restart it "
                         "where it was started, or detach and open the project to run it here.\n"),
                      true);
}

void SocketVmHost::pause() {
    Q_EMIT transcript(tr("attached: an attached process is not paused from the IDE (its "
                         "clients would time out).\n"),
                      true);
}

void SocketVmHost::resume() {}

void SocketVmHost::stop() {
    detach();
}

void SocketVmHost::restart() {
    run({});
}

void SocketVmHost::setCanvasSize(int, int) {}

// ---------------------------------------------------------------- live updates

void SocketVmHost::withLiveSources(std::function<void(std::vector<dsu::SourceFile>)> next,
                                   std::function<void(const std::string&)> failed) {
    Request r;
    r.op = Op::Sources;
    send(r, [next = std::move(next), failed = std::move(failed)](const Reply& reply) {
        if (!reply.ok) {
            failed(reply.error);
            return;
        }
        next(filesFromJson(reply.result));
    });
}

void SocketVmHost::apply(uint64_t request, const std::vector<dsu::SourceFile>& files) {
    auto fail = [this, request, files](const std::string& why) {
        PatchPreview p;
        p.request = request;
        p.files = files;
        p.error = why;
        Q_EMIT patchPreviewReady(p);
    };
    if (updating_) return fail("An update is waiting for a safe point: wait for it.");
    withLiveSources(
        [this, request, files, fail](std::vector<dsu::SourceFile> live) {
            PatchPreview preview;
            preview.request = request;
            preview.files = files;
            preview.before = only(live, files);
            std::vector<dsu::SourceFile> next = nextVersion(live, files);
            dsu::DiffError error;
            dsu::DiffOptions options;
            options.oldLabel = "running";
            options.newLabel = "editor";
            if (!dsu::diffSources(live, next, preview.changes, error, options)) {
                preview.error = error.message;
                preview.errorFile = error.at.path;
                preview.errorLine = error.at.line;
                preview.errorColumn = error.at.column;
                Q_EMIT patchPreviewReady(preview);
                return;
            }
            // The process prepares the version itself: its script is the one a commit runs,
            // and its compile errors are the ones that count.
            Request r;
            r.op = Op::Apply;
            for (const dsu::SourceFile& f : next)
                r.files.push_back({f.path, f.text});
            send(r, [this, preview](const Reply& reply) mutable {
                preview.ok = reply.ok;
                if (reply.ok)
                    preview.script = reply.result.value("script", std::string());
                else
                    preview.error = reply.error;
                Q_EMIT patchPreviewReady(preview);
            });
        },
        fail);
}

void SocketVmHost::commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                          const std::string& userPatch) {
    UpdateOutcome outcome;
    outcome.request = request;
    outcome.userPatch = userPatch;
    outcome.after = files;
    if (updating_) {
        outcome.error = "An update is already waiting.";
        Q_EMIT updateFinished(outcome);
        return;
    }
    updating_ = true;
    withLiveSources(
        [this, outcome, files, userPatch](std::vector<dsu::SourceFile> live) mutable {
            outcome.before = live;
            std::vector<dsu::SourceFile> after = nextVersion(live, files);
            sendCommit(std::move(outcome), after, userPatch, "patch.js");
        },
        [this, outcome](const std::string& why) mutable {
            updating_ = false;
            outcome.error = why;
            Q_EMIT updateFinished(outcome);
        });
}

void SocketVmHost::refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                            const std::vector<dsu::SourceFile>& sources) {
    UpdateOutcome outcome;
    outcome.request = request;
    if (updating_) {
        outcome.error = "An update is already waiting.";
        Q_EMIT updateFinished(outcome);
        return;
    }
    updating_ = true;
    withLiveSources(
        [this, outcome, refactoring, sources](std::vector<dsu::SourceFile> live) mutable {
            outcome.before = live;
            for (const dsu::SourceFile& l : live) {
                auto given =
                    std::find_if(sources.begin(), sources.end(),
                                 [&](const dsu::SourceFile& f) { return f.path == l.path; });
                if (given == sources.end() || given->text != l.text) {
                    updating_ = false;
                    outcome.error = l.path + ": the running program has another version of this "
                                             "module. Apply or revert the edit, then refactor.";
                    Q_EMIT updateFinished(outcome);
                    return;
                }
            }
            dsu::RefactorResult result = dsu::refactor(sources, refactoring);
            if (!result.ok()) {
                updating_ = false;
                outcome.error = result.error;
                for (const dsu::SourceSite& use : result.uses)
                    outcome.error += use.format() + "\n";
                Q_EMIT updateFinished(outcome);
                return;
            }
            outcome.userPatch = result.patch;
            std::vector<dsu::SourceFile> after = only(result.files, live);
            // only() keeps result order; the process needs its main module first.
            std::stable_partition(after.begin(), after.end(), [&](const dsu::SourceFile& f) {
                return !live.empty() && f.path == live.front().path;
            });
            outcome.after = result.files;
            sendCommit(std::move(outcome), after, result.patch,
                       "refactor-" + refactoring.kind + ".js");
        },
        [this, outcome](const std::string& why) mutable {
            updating_ = false;
            outcome.error = why;
            Q_EMIT updateFinished(outcome);
        });
}

void SocketVmHost::sendCommit(UpdateOutcome outcome, const std::vector<dsu::SourceFile>& after,
                              const std::string& patch, const std::string& patchPath) {
    dsu::DiffError error;
    if (!dsu::diffSources(outcome.before, after, outcome.changes, error)) {
        updating_ = false;
        outcome.error = error.message;
        Q_EMIT updateFinished(outcome);
        return;
    }
    if (outcome.after.empty() || outcome.after.size() < after.size()) outcome.after = after;
    Request r;
    r.op = Op::Commit;
    for (const dsu::SourceFile& f : after)
        r.files.push_back({f.path, f.text});
    r.patch = patch;
    if (!patch.empty()) r.patchPath = patchPath;
    r.safePointTimeoutMs = safePointTimeoutMs_;
    uint64_t request = outcome.request;
    send(r, [this, outcome](const Reply& reply) mutable {
        updating_ = false;
        if (!reply.ok) {
            // bad_input and busy change nothing: the update never started.
            outcome.error = reply.error;
            Q_EMIT updateFinished(outcome);
            return;
        }
        outcome.started = true;
        outcome.script = reply.result.value("script", std::string());
        if (auto rep = reply.result.find("report"); rep != reply.result.end() && rep->is_object())
            outcome.report = reportFromJson(*rep);
        Q_EMIT updateFinished(outcome);
    });
    if (updating_) Q_EMIT updateWaiting(request);
}

void SocketVmHost::cancelUpdate() {
    Q_EMIT transcript(tr("attached: an update cannot be cancelled from here; it rolls back by "
                         "itself after the safe-point timeout (%1 ms).\n")
                          .arg(safePointTimeoutMs_),
                      true);
}

void SocketVmHost::setSafePointTimeout(double ms) {
    safePointTimeoutMs_ = ms;
}

// ---------------------------------------------------------------- snapshots

void SocketVmHost::requestClasses() {
    Request r;
    r.op = Op::Classes;
    send(r, [this](const Reply& reply) {
        Q_EMIT classesReady(reply.ok ? inspect::classesFromJson(reply.result)
                                     : std::vector<ClassInfo>{});
    });
}

void SocketVmHost::requestInstances(const InstanceQuery& query) {
    Request r;
    r.op = Op::Instances;
    r.module = query.module;
    r.className = query.className;
    r.page = std::max(query.page, 0);
    r.pageSize = std::clamp(query.pageSize, 1, 10000);
    r.where = query.whereField;
    r.whereValue = query.whereValue;
    r.contains = query.contains;
    r.sort = query.sortField;
    r.descending = query.descending;
    send(r, [this, query](const Reply& reply) {
        InstancePage p = reply.ok ? inspect::instancesFromJson(reply.result) : InstancePage{};
        // The answer is to this question (an older process does not echo the query).
        p.query = query;
        p.module = query.module;
        p.className = query.className;
        p.page = query.page;
        if (!reply.ok) {
            p.pageSize = query.pageSize;
            p.error = reply.error;
        }
        Q_EMIT instancesReady(p);
    });
}

void SocketVmHost::requestReferrers(uint32_t identity) {
    Request r;
    r.op = Op::Referrers;
    r.identity = identity;
    send(r, [this, identity](const Reply& reply) {
        ReferrerList list = reply.ok ? inspect::referrersFromJson(reply.result) : ReferrerList{};
        list.identity = identity;
        Q_EMIT referrersReady(list);
    });
}

void SocketVmHost::requestObject(uint32_t identity) {
    Request r;
    r.op = Op::Object;
    r.identity = identity;
    if (identity == 0) {
        ObjectFields gone;
        Q_EMIT objectReady(gone);
        return;
    }
    send(r, [this, identity](const Reply& reply) {
        ObjectFields o = reply.ok ? inspect::objectFromJson(reply.result) : ObjectFields{};
        o.identity = identity;
        Q_EMIT objectReady(o);
    });
}

// An attached process runs as `molt run` does: an uncaught exception ends it, so it never
// reports a suspended thread for these to act on.
void SocketVmHost::terminateThread(uint32_t threadId) {
    Q_EMIT threadActionDone(threadId, tr("an attached process does not suspend threads"));
}

void SocketVmHost::restartFrame(uint32_t threadId, int) {
    Q_EMIT threadActionDone(threadId, tr("an attached process does not suspend threads"));
}

void SocketVmHost::requestFrame(uint32_t threadId, int depth) {
    Q_EMIT frameReady(threadId, depth, 0, QString());
}

// Nor does it hold an unhandled rejection: it ends, as under `molt run`.
void SocketVmHost::releaseRejection(uint32_t id) {
    Q_EMIT rejectionActionDone(id, tr("an attached process does not hold rejections"));
}

void SocketVmHost::endProgramForRejection(uint32_t id) {
    Q_EMIT rejectionActionDone(id, tr("an attached process does not hold rejections"));
}

// The control protocol's eval runs in the main module's namespace and cannot bind `this`
// to an object or see a frame's locals: the Inspector's evaluator says so instead.
void SocketVmHost::evaluate(uint64_t request, uint32_t, const std::string&) {
    refuseEvaluation(request, {});
}

void SocketVmHost::writeField(uint64_t request, uint32_t, const std::string& field,
                              const std::string&) {
    refuseEvaluation(request, field);
}

// Nothing runs to cancel: an attached process refuses every evaluation (refuseEvaluation).
void SocketVmHost::cancelEvaluation(uint64_t) {}

void SocketVmHost::refuseEvaluation(uint64_t request, const std::string& field) {
    EvalResult r;
    r.request = request;
    r.field = field;
    r.error = kNoEvaluator;
    QMetaObject::invokeMethod(
        this, [this, r] { Q_EMIT evaluated(r); }, Qt::QueuedConnection);
}

QString SocketVmHost::evaluatorUnavailable() const {
    return QString::fromUtf8(kNoEvaluator);
}

void SocketVmHost::requestThreads() {
    Request r;
    r.op = Op::Threads;
    send(r, [this](const Reply& reply) {
        Q_EMIT threadsReady(reply.ok ? inspect::threadsFromJson(reply.result)
                                     : std::vector<ThreadInfo>{});
    });
}

} // namespace molt::ide
