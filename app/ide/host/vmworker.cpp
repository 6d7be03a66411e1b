#include "app/ide/host/vmworker.h"

#include "control/snapshot.h"
#include "dsu/commit/version.h"
#include "dsu/refactor/refactor.h"
#include "runtime/core/vm.h"
#include "runtime/exec/mop.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/canvas.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace molt::ide::Internal {

namespace {

constexpr double kSliceMs = 8;               // hosted code between two looks at the message queue
constexpr int kTranscriptFlushMs = 30;       // transcript batches
constexpr int kFrameFlushMs = 16;            // at most one canvas frame per display refresh
constexpr size_t kTranscriptLimit = 1 << 20; // bytes kept per batch when a program floods

// "shapes.js:12:5: message" -> file, line, column of the first such line.
void locateError(const std::string& text, PatchPreview& p) {
    static const QRegularExpression re(QStringLiteral("^([^\\n:]+\\.js):(\\d+):(\\d+):"),
                                       QRegularExpression::MultilineOption);
    auto m = re.match(QString::fromStdString(text));
    if (!m.hasMatch()) return;
    p.errorFile = m.captured(1).toStdString();
    p.errorLine = m.captured(2).toUInt();
    p.errorColumn = m.captured(3).toUInt();
}

void appendCapped(std::string& buffer, std::string_view text) {
    buffer.append(text);
    if (buffer.size() > kTranscriptLimit) {
        static const std::string note = "… (output dropped: the program writes faster than "
                                        "the transcript shows)\n";
        buffer.erase(0, buffer.size() - kTranscriptLimit);
        buffer.insert(0, note);
    }
}

// The new version: the given files, and the live source of every other module (unchanged).
std::vector<dsu::SourceFile> completeVersion(VM& vm, const std::vector<dsu::SourceFile>& files) {
    std::vector<dsu::SourceFile> out = files;
    for (dsu::SourceFile& live : dsu::liveSources(vm)) {
        bool given = std::any_of(files.begin(), files.end(),
                                 [&](const dsu::SourceFile& f) { return f.path == live.path; });
        if (!given) out.push_back(std::move(live));
    }
    return out;
}

} // namespace

VmWorker::VmWorker(QObject* parent)
    : QObject(parent), sliceTimer_(this), transcriptTimer_(this), frameTimer_(this) {
    // The timers are children, so moveToThread takes them along to the VM thread.
    sliceTimer_.setSingleShot(true);
    connect(&sliceTimer_, &QTimer::timeout, this, &VmWorker::runSlice);
    transcriptTimer_.setInterval(kTranscriptFlushMs);
    connect(&transcriptTimer_, &QTimer::timeout, this, &VmWorker::flushTranscript);
    frameTimer_.setInterval(kFrameFlushMs);
    connect(&frameTimer_, &QTimer::timeout, this, &VmWorker::flushFrame);
}

VmWorker::~VmWorker() {
    shutdown();
}

void VmWorker::shutdown() {
    sliceTimer_.stop();
    transcriptTimer_.stop();
    frameTimer_.stop();
    update_.reset(); // its safe-point hook refers to the VM: it goes first
    committing_ = false;
    suspended_.clear();
    rejections_.clear();
    framePin_ = UINT32_MAX; // pinned in the VM that goes now
    evaluating_ = 0;
    evaluationThreads_.clear();
    cancelled_.clear();
    resultPins_.clear();
    canvas_.reset();
    vm_.reset();
}

void VmWorker::setState(ProgramState state, int exitCode, std::string detail) {
    status_.state = state;
    status_.exitCode = exitCode;
    status_.detail = std::move(detail);
    Q_EMIT statusChanged(status_);
}

void VmWorker::run(const RunSpec& spec) {
    if (vm_) stop();
    spec_ = spec;
    vm_ = std::make_unique<VM>();
    canvas_ = std::make_unique<Canvas>(*vm_, canvasWidth_, canvasHeight_);
    canvas_->sink = [this](CanvasFrame&& frame) {
        latestFrame_ = std::make_shared<const CanvasFrame>(std::move(frame));
        frameDirty_ = true;
    };
    vm_->writeOut = [this](std::string_view s) { appendCapped(out_, s); };
    vm_->writeErr = [this](std::string_view s) { appendCapped(err_, s); };
    transcriptTimer_.start();
    frameTimer_.start();
    std::string main = QFileInfo(QString::fromStdString(spec.root + "/" + spec.mainModule))
                           .absoluteFilePath()
                           .toStdString();
    // A crash is not the end: an uncaught exception suspends its thread (reported after
    // the slice), for the user to fix the code and restart a frame, or terminate it.
    vm_->scheduler().setSuspendOnUncaught(true);
    vm_->scheduler().onSuspended = [this](Thread* t) { suspended_.push_back(t->threadId); };
    // So is an unhandled promise rejection: it is held, for the user to go on or end.
    vm_->scheduler().onRejectionHeld = [this](uint32_t id) { rejections_.push_back(id); };
    framePin_ = UINT32_MAX;
    int code = vm_->runTopLevel(main, spec.args);
    if (code != 0) {
        // A compile error's text (file:line:col: message) goes along, for the editor.
        std::string detail = code == 2 ? err_ : "exit code " + std::to_string(code);
        flushTranscript();
        setState(ProgramState::Failed, code, detail);
        return;
    }
    setState(ProgramState::Running);
    scheduleSlice(0);
}

void VmWorker::pause() {
    if (status_.state != ProgramState::Running) return;
    setState(ProgramState::Paused);
}

void VmWorker::resume() {
    if (status_.state != ProgramState::Paused) return;
    setState(ProgramState::Running);
    scheduleSlice(0);
}

void VmWorker::stop() {
    if (!vm_) return;
    if (committing_) {
        // The program ends before its safe point: the update did not happen.
        dsu::UpdateReport r;
        r.outcome = dsu::UpdateReport::Outcome::RolledBack;
        r.rollbackReason = "the program was stopped before a safe point";
        finishCommit(r);
    }
    flushTranscript();
    shutdown();
    latestFrame_.reset();
    setState(ProgramState::NotStarted, 0, "stopped");
}

void VmWorker::restart() {
    if (spec_.mainModule.empty()) return;
    RunSpec spec = spec_;
    run(spec);
}

void VmWorker::setCanvasSize(int width, int height) {
    canvasWidth_ = std::max(1, width);
    canvasHeight_ = std::max(1, height);
    if (canvas_) canvas_->setSize(canvasWidth_, canvasHeight_);
}

bool VmWorker::sliceWanted() const {
    if (!vm_) return false;
    // An update waiting for its safe point needs slices even after the program finished
    // (its hook runs between them); a paused program waits for Resume.
    if (status_.state == ProgramState::Running) return true;
    return (committing_ || evaluating_ > 0) && status_.state != ProgramState::Paused;
}

void VmWorker::scheduleSlice(double delayMs) {
    if (!sliceWanted()) return;
    int ms = delayMs <= 0 ? 0 : int(std::ceil(delayMs));
    if (sliceTimer_.isActive() && sliceTimer_.remainingTime() <= ms) return;
    sliceTimer_.start(ms);
}

void VmWorker::runSlice() {
    if (!sliceWanted()) return;
    using Outcome = Scheduler::Slice::Outcome;
    Scheduler::Slice slice = vm_->scheduler().runFor(kSliceMs);
    reportSuspended();
    switch (slice.outcome) {
    case Outcome::BudgetUsed: scheduleSlice(0); break;
    case Outcome::Waiting: scheduleSlice(slice.waitMs); break;
    case Outcome::Done:
        if (status_.state == ProgramState::Running) {
            flushTranscript();
            setState(ProgramState::Finished, 0, "finished");
        }
        if (committing_) scheduleSlice(1);
        if (evaluating_ > 0) scheduleSlice(0);
        break;
    case Outcome::Exited:
        flushTranscript();
        setState(ProgramState::Failed, slice.exitCode,
                 "exit code " + std::to_string(slice.exitCode));
        break;
    }
}

void VmWorker::flushTranscript() {
    if (!out_.empty()) {
        Q_EMIT transcript(QString::fromStdString(out_), false);
        out_.clear();
    }
    if (!err_.empty()) {
        Q_EMIT transcript(QString::fromStdString(err_), true);
        err_.clear();
    }
}

void VmWorker::flushFrame() {
    if (!frameDirty_) return;
    frameDirty_ = false;
    Q_EMIT canvasFrame(latestFrame_);
}

// ---------------------------------------------------------------- updates

void VmWorker::apply(uint64_t request, const std::vector<dsu::SourceFile>& files) {
    PatchPreview preview;
    preview.request = request;
    preview.files = files;
    if (!vm_) {
        preview.error = "The program is not running: run it first, then apply edits to it.";
        Q_EMIT patchPreviewReady(preview);
        return;
    }
    if (committing_) {
        preview.error = "An update is waiting for a safe point: wait for it or cancel it.";
        Q_EMIT patchPreviewReady(preview);
        return;
    }
    for (dsu::SourceFile& live : dsu::liveSources(*vm_))
        if (std::any_of(files.begin(), files.end(),
                        [&](const dsu::SourceFile& f) { return f.path == live.path; }))
            preview.before.push_back(std::move(live));
    dsu::VersionUpdate update(*vm_);
    dsu::NewVersion next;
    next.files = completeVersion(*vm_, files);
    next.label = "editor";
    next.oldLabel = "running";
    Result<void> prepared = update.prepare(next, {});
    preview.ok = prepared.ok();
    preview.changes = update.changes();
    preview.script = update.generatedScript();
    if (!preview.ok) {
        preview.error = prepared.error().message();
        locateError(preview.error, preview);
    }
    Q_EMIT patchPreviewReady(preview);
}

void VmWorker::commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                      const std::string& userPatch) {
    UpdateOutcome outcome;
    outcome.request = request;
    outcome.userPatch = userPatch;
    outcome.after = files;
    if (!vm_ || committing_) {
        outcome.error = !vm_ ? "The program is not running." : "An update is already waiting.";
        Q_EMIT updateFinished(outcome);
        return;
    }
    outcome.before = dsu::liveSources(*vm_);
    // Prepared again against the program as it is now: it kept running during the review.
    dsu::NewVersion next;
    next.files = completeVersion(*vm_, files);
    outcome.after = next.files;
    next.label = "editor";
    next.oldLabel = "running";
    dsu::UserPatch patch;
    if (!userPatch.empty()) {
        patch.path = "patch.js";
        patch.text = userPatch;
    }
    startUpdate(std::move(outcome), next, patch);
}

void VmWorker::refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                        const std::vector<dsu::SourceFile>& sources) {
    UpdateOutcome outcome;
    outcome.request = request;
    if (!vm_ || committing_) {
        outcome.error = !vm_ ? "The program is not running." : "An update is already waiting.";
        Q_EMIT updateFinished(outcome);
        return;
    }
    // The IDE previewed the refactoring of `sources`: it must be the program's source, or
    // the update would also carry whatever differs.
    outcome.before = dsu::liveSources(*vm_);
    for (const dsu::SourceFile& live : outcome.before) {
        auto given = std::find_if(sources.begin(), sources.end(),
                                  [&](const dsu::SourceFile& f) { return f.path == live.path; });
        if (given == sources.end() || given->text != live.text) {
            outcome.error = live.path + ": the running program has another version of this "
                                        "module. Apply or revert the edit, then refactor.";
            Q_EMIT updateFinished(outcome);
            return;
        }
    }
    dsu::RefactorResult result = dsu::refactor(sources, refactoring);
    if (!result.ok()) {
        outcome.error = result.error;
        for (const dsu::SourceSite& use : result.uses)
            outcome.error += use.format() + "\n";
        Q_EMIT updateFinished(outcome);
        return;
    }
    outcome.after = result.files;
    outcome.userPatch = result.patch;
    // Modules the program never loaded are rewritten on disk only.
    dsu::NewVersion next;
    for (const dsu::SourceFile& f : result.files)
        if (std::any_of(outcome.before.begin(), outcome.before.end(),
                        [&](const dsu::SourceFile& live) { return live.path == f.path; }))
            next.files.push_back(f);
    next.label = "refactor " + refactoring.kind;
    next.oldLabel = "running";
    startUpdate(std::move(outcome), next, {"refactor-" + refactoring.kind + ".js", result.patch});
}

void VmWorker::startUpdate(UpdateOutcome outcome, const dsu::NewVersion& next,
                           const dsu::UserPatch& patch) {
    update_ = std::make_unique<dsu::VersionUpdate>(*vm_);
    update_->safePointTimeoutMs = safePointTimeoutMs_;
    Result<void> prepared = update_->prepare(next, patch);
    outcome.script = update_->generatedScript();
    outcome.changes = update_->changes();
    if (!prepared) {
        update_.reset();
        outcome.error = prepared.error().message();
        Q_EMIT updateFinished(outcome);
        return;
    }
    outcome.started = true;
    uint64_t request = outcome.request;
    pendingOutcome_ = std::move(outcome);
    committing_ = true;
    cancelRequested_ = false;
    Q_EMIT updateWaiting(request);
    // The callback runs inside commitAsync (safe now) or inside a slice (at the safe point);
    // either way the update object must outlive it, so finishing is posted.
    update_->commitAsync([this](const dsu::UpdateReport& report) {
        QMetaObject::invokeMethod(
            this, [this, report] { finishCommit(report); }, Qt::QueuedConnection);
    });
    scheduleSlice(0);
}

void VmWorker::finishCommit(const dsu::UpdateReport& report) {
    if (!committing_) return;
    committing_ = false;
    update_.reset();
    UpdateOutcome outcome = std::move(pendingOutcome_);
    outcome.report = report;
    if (cancelRequested_)
        outcome.report.rollbackReason = "cancelled while waiting for a safe point";
    // Replaced objects keep their identity numbers until collected: collect now, so the
    // inspector finds exactly the migrated ones.
    if (vm_) vm_->heap.collect();
    flushTranscript();
    Q_EMIT updateFinished(outcome);
    if (vm_ && status_.state == ProgramState::Running) scheduleSlice(0);
}

void VmWorker::cancelUpdate() {
    if (!committing_ || !update_ || !vm_) return;
    // Between slices the update only waits for a safe point: the DSU core gives it up and
    // reports the rollback through the commit callback (nothing was changed).
    cancelRequested_ = true;
    update_->cancel();
}

// ---------------------------------------------------------------- snapshots

void VmWorker::requestClasses() {
    Q_EMIT classesReady(vm_ ? inspect::snapshotClasses(*vm_, spec_.root)
                            : std::vector<ClassInfo>{});
}

void VmWorker::requestInstances(const InstanceQuery& query) {
    if (!vm_) {
        InstancePage empty;
        empty.query = query;
        empty.module = query.module;
        empty.className = query.className;
        empty.page = query.page;
        Q_EMIT instancesReady(empty);
        return;
    }
    Q_EMIT instancesReady(inspect::snapshotInstances(*vm_, spec_.root, query));
}

void VmWorker::requestReferrers(uint32_t identity) {
    if (!vm_) {
        ReferrerList gone;
        gone.identity = identity;
        Q_EMIT referrersReady(gone);
        return;
    }
    Q_EMIT referrersReady(inspect::snapshotReferrers(*vm_, identity, inspect::kReferrersShown));
}

void VmWorker::requestObject(uint32_t identity) {
    if (!vm_) {
        ObjectFields gone;
        gone.identity = identity;
        Q_EMIT objectReady(gone);
        return;
    }
    Q_EMIT objectReady(inspect::snapshotObject(*vm_, identity));
}

namespace {

Thread* findThread(VM& vm, uint32_t id) {
    for (Thread* t : vm.scheduler().threads())
        if (t->threadId == id) return t;
    return nullptr;
}

std::string relativeTo(const std::string& root, const std::string& file) {
    std::string prefix = root.empty() || root.back() == '/' ? root : root + "/";
    return !prefix.empty() && file.rfind(prefix, 0) == 0 ? file.substr(prefix.size()) : file;
}

// The locals in scope at `pc` (the compiler's ranges), the innermost of a shadowed name.
std::vector<const LocalName*> localsAt(const FunctionProto* p, uint32_t pc) {
    std::vector<const LocalName*> out;
    for (const LocalName& l : p->localNames) {
        if (pc < l.start || pc >= l.end || l.name.rfind('%', 0) == 0) continue;
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const LocalName* o) { return o->name == l.name; });
        if (same == out.end())
            out.push_back(&l);
        else if (l.start >= (*same)->start)
            *same = &l; // declared later: the inner one
    }
    return out;
}

} // namespace

void VmWorker::reportSuspended() {
    if (!vm_) return;
    for (uint32_t id : std::exchange(rejections_, {})) {
        std::optional<Scheduler::HeldRejection> r = vm_->scheduler().heldRejection(id);
        if (!r) continue;
        // The trace as `molt run` prints it before it exits.
        appendCapped(err_, vm_->describeUncaught(r->error));
        flushTranscript();
        HeldRejection out;
        out.id = id;
        out.message = r->message;
        for (const StackFrameInfo& f : r->stack)
            out.frames.push_back({f.function, relativeTo(spec_.root, f.file), f.line, f.column});
        if (r->error.isObject()) out.reason = vm_->heap.identityOf(r->error.asObject());
        Q_EMIT rejectionHeld(out);
    }
    if (suspended_.empty()) return;
    std::vector<uint32_t> ids = std::exchange(suspended_, {});
    for (uint32_t id : ids) {
        Thread* t = findThread(*vm_, id);
        if (!t || t->state != ThreadState::Suspended) continue;
        Scheduler::Suspension s = vm_->scheduler().suspension(t);
        // The trace as `molt run` prints it, after what the program printed before it threw.
        appendCapped(err_, vm_->describeUncaught(s.exception));
        flushTranscript();
        SuspendedThread out;
        out.threadId = id;
        out.message = s.message;
        for (const StackFrameInfo& f : s.stack)
            out.frames.push_back({f.function, relativeTo(spec_.root, f.file), f.line, f.column});
        Q_EMIT threadSuspended(out);
    }
}

void VmWorker::terminateThread(uint32_t threadId) {
    Thread* t = vm_ ? findThread(*vm_, threadId) : nullptr;
    Result<void> done = t ? vm_->scheduler().terminate(t) : Result<void>(Error("no such thread"));
    flushTranscript();
    Q_EMIT threadActionDone(threadId,
                            done ? QString() : QString::fromStdString(done.error().message()));
    scheduleSlice(0);
}

void VmWorker::restartFrame(uint32_t threadId, int depth) {
    Thread* t = vm_ ? findThread(*vm_, threadId) : nullptr;
    Result<void> done = t && depth >= 0 ? vm_->scheduler().restartFrame(t, size_t(depth))
                                        : Result<void>(Error("no such thread or frame"));
    Q_EMIT threadActionDone(threadId,
                            done ? QString() : QString::fromStdString(done.error().message()));
    scheduleSlice(0);
}

void VmWorker::releaseRejection(uint32_t id) {
    Result<void> done =
        vm_ ? vm_->scheduler().releaseRejection(id) : Result<void>(Error("the program has ended"));
    Q_EMIT rejectionActionDone(id,
                               done ? QString() : QString::fromStdString(done.error().message()));
    scheduleSlice(0);
}

void VmWorker::endProgramForRejection(uint32_t id) {
    if (!vm_ || !vm_->scheduler().heldRejection(id)) {
        Q_EMIT rejectionActionDone(id, QStringLiteral("no such rejection is held"));
        return;
    }
    // As `molt run` ends on it: exit code 1; nothing of the program runs again.
    vm_->requestExit(1);
    flushTranscript();
    sliceTimer_.stop();
    Q_EMIT rejectionActionDone(id, QString());
    setState(ProgramState::Failed, 1, "exit code 1");
}

void VmWorker::requestFrame(uint32_t threadId, int depth) {
    Thread* t = vm_ ? findThread(*vm_, threadId) : nullptr;
    if (!t || depth < 0 || size_t(depth) >= t->frames.size()) {
        Q_EMIT frameReady(threadId, depth, 0, QString());
        return;
    }
    Scheduler& s = vm_->scheduler();
    if (framePin_ != UINT32_MAX) s.unpin(framePin_);
    // One record holds `this` and the locals, so the inspector's object tree shows and
    // expands them like any object's fields; it stays pinned while it is inspected.
    Record* r = vm_->newRecord();
    framePin_ = s.pin(Value::object(r));
    const CallFrame& f = t->frames[t->frames.size() - 1 - size_t(depth)];
    const FunctionProto* p = f.closure->proto;
    vm_->recordSet(r, "this", f.base[0]);
    const uint8_t* ip = vm_->resumeIp(t, t->frames.size() - 1 - size_t(depth));
    bool inCode = ip >= p->code.data() && ip <= p->code.data() + p->code.size();
    if (inCode) {
        // The frame's pc is past the instruction it stopped in: that instruction's scope.
        uint32_t pc = uint32_t(ip - p->code.data());
        for (const LocalName* l : localsAt(p, pc > 0 ? pc - 1 : 0))
            if (l->slot < p->maxLocals)
                vm_->recordSet(r, l->name,
                               f.base[l->slot].isEmpty() ? Value::undefined() : f.base[l->slot]);
    } else {
        for (uint16_t i = 1; i <= p->numParams && i < p->maxLocals; ++i)
            vm_->recordSet(r, "argument " + std::to_string(i), f.base[i]);
    }
    std::vector<StackFrameInfo> stack = vm_->captureStack(t);
    QString label = QString::fromStdString(stack[size_t(depth)].function);
    Q_EMIT frameReady(threadId, depth, vm_->heap.identityOf(r), label);
}

void VmWorker::requestThreads() {
    Q_EMIT threadsReady(vm_ ? inspect::snapshotThreads(*vm_, spec_.root)
                            : std::vector<ThreadInfo>{});
}

// ---------------------------------------------------------------- evaluation

namespace {

constexpr size_t kResultPins = 32; // evaluation results kept inspectable

bool isIdentifier(std::string_view name) {
    auto start = [](char c) { return std::isalpha((unsigned char)c) || c == '_' || c == '$'; };
    if (name.empty() || !start(name[0]) || name == "this") return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return start(c) || std::isdigit((unsigned char)c); });
}

} // namespace

void VmWorker::evaluate(uint64_t request, uint32_t thisIdentity, const std::string& expression) {
    EvalResult out;
    out.request = request;
    startEvaluation(std::move(out), thisIdentity, expression);
}

void VmWorker::writeField(uint64_t request, uint32_t identity, const std::string& field,
                          const std::string& expression) {
    EvalResult out;
    out.request = request;
    out.field = field;
    startEvaluation(std::move(out), identity, expression);
}

void VmWorker::startEvaluation(EvalResult out, uint32_t thisIdentity,
                               const std::string& expression) {
    auto refuse = [&](std::string why) {
        out.error = std::move(why);
        Q_EMIT evaluated(out);
    };
    if (!vm_) return refuse("The program is not running: run it first.");
    // Evaluating runs a green thread, and a slice runs the program's threads with it.
    if (status_.state == ProgramState::Paused)
        return refuse("The program is paused: resume it to evaluate (the expression runs "
                      "between the program's slices).");
    Module* module = vm_->mainModule();
    // Compiled alone first, so a syntax error's line and column are the user's.
    if (Result<Value> alone = vm_->compileExpression(module, expression); !alone)
        return refuse(alone.error().format());

    Root self(vm_->heap, module->exports);
    std::vector<std::string> names;
    std::vector<Value> values;
    if (thisIdentity) {
        Obj* o = inspect::findObject(*vm_, thisIdentity);
        if (!o) return refuse("The object is gone (collected): inspect another one.");
        self.value = Value::object(o);
        // The inspected frame's record stands for the frame: its `this`, its locals in scope.
        bool frame = framePin_ != UINT32_MAX && vm_->scheduler().pinned(framePin_).asObject() == o;
        if (frame && out.field.empty()) {
            auto* r = static_cast<Record*>(o);
            for (size_t i = 0; i < r->keys.size(); ++i) {
                if (!r->isLive(i)) continue;
                std::string_view key = r->keys[i]->view();
                if (key == "this")
                    self.value = r->values[i];
                else if (isIdentifier(key) &&
                         std::find(names.begin(), names.end(), key) == names.end()) {
                    names.emplace_back(key);
                    values.push_back(r->values[i]);
                }
            }
        }
    }
    if (!out.field.empty()) {
        Obj* o = self.value.asObject();
        if (!isKind(self.value, ObjKind::Instance) ||
            static_cast<Instance*>(o)->klass->findSlot(vm_->intern(out.field)) < 0)
            return refuse("'" + out.field +
                          "' is not a field of an instance: only an "
                          "instance's fields can be edited.");
    }

    // A function of the locals, called with the bound `this`; a throw is caught inside, so
    // it is the evaluator's answer and not an uncaught exception of the program.
    Result<Value> made = vm_->compileGuardedExpression(module, expression, names);
    if (!made) return refuse(made.error().format());
    Root fn(vm_->heap, made.value());
    uint32_t target = out.field.empty() ? UINT32_MAX : vm_->scheduler().pin(self.value);
    ++evaluating_;
    Scheduler& scheduler = vm_->scheduler();
    Thread* thread = scheduler.callback(
        fn.value, self.value, values.data(), int(values.size()),
        [this, out, target](Value outcome) { finishEvaluation(out, outcome, target); });
    evaluationThreads_[out.request] = thread->threadId;
    scheduleSlice(0);
}

void VmWorker::cancelEvaluation(uint64_t request) {
    auto running = evaluationThreads_.find(request);
    if (!vm_ || running == evaluationThreads_.end()) return; // it has answered already
    Thread* t = findThread(*vm_, running->second);
    cancelled_.insert(request);
    // Between slices no hosted code runs: the thread is preempted, asleep or waiting.
    Result<void> ended = t ? vm_->scheduler().cancel(t) : Result<void>(Error("no thread"));
    if (ended) return; // finishEvaluation has answered
    cancelled_.erase(request);
    EvalResult notice;
    notice.request = request;
    notice.interim = true;
    notice.error = "Not cancelled: " + ended.error().message() + ".";
    Q_EMIT evaluated(notice);
}

void VmWorker::finishEvaluation(EvalResult out, Value outcome, uint32_t target) {
    --evaluating_;
    evaluationThreads_.erase(out.request);
    Scheduler& scheduler = vm_->scheduler();
    Value self = target == UINT32_MAX ? Value::undefined() : scheduler.pinned(target);
    if (target != UINT32_MAX) scheduler.unpin(target);
    auto* pair =
        isKind(outcome, ObjKind::Array) ? static_cast<Array*>(outcome.asObject()) : nullptr;
    if (cancelled_.erase(out.request)) {
        out.error = "Cancelled: the evaluation's thread was ended; the program runs on.";
        Q_EMIT evaluated(out);
        return;
    }
    if (!pair || pair->length != 2) {
        out.error = "The evaluation ended without a value (its thread was terminated).";
        Q_EMIT evaluated(out);
        return;
    }
    bool returned = pair->elements[0].isTrue();
    Value v = pair->elements[1];
    if (!returned) {
        out.error = "Uncaught " + vm_->inspect(v);
        Q_EMIT evaluated(out);
        return;
    }
    if (!out.field.empty()) {
        // An update may have changed the layout while the expression ran.
        if (!isKind(self, ObjKind::Instance) ||
            static_cast<Instance*>(self.asObject())->klass->findSlot(vm_->intern(out.field)) < 0) {
            out.error = "'" + out.field + "' is no longer a field of the object: nothing written.";
            Q_EMIT evaluated(out);
            return;
        }
        writeInstanceVariable(*vm_, self, out.field, v);
    }
    out.ok = true;
    out.text = isString(v) ? std::string(asString(v)->view()) : vm_->inspect(v);
    if (v.isObject() && !isString(v)) {
        resultPins_.push_back(scheduler.pin(v));
        if (resultPins_.size() > kResultPins) {
            scheduler.unpin(resultPins_.front());
            resultPins_.erase(resultPins_.begin());
        }
        out.identity = vm_->heap.identityOf(v.asObject());
    }
    Q_EMIT evaluated(out);
}

} // namespace molt::ide::Internal
