#include "app/ide/update_workflow.h"

#include <optional>

namespace molt::ide {

Q_LOGGING_CATEGORY(lcUpdateWorkflow, "molt.ide.workflow")

namespace {

using State = UpdateWorkflow::State;
using Event = UpdateWorkflow::Event;

// The header's table: where `event` leads from `from`, or nothing when it may not happen.
std::optional<State> nextState(State from, Event event) {
    bool idle = from == State::Idle, diffing = from == State::Diffing,
         reviewing = from == State::Reviewing;
    bool held = from == State::Committing || from == State::WaitingForSafePoint;
    switch (event) {
    case Event::Apply:
    case Event::Revert:
        if (idle || diffing || reviewing) return State::Diffing;
        break;
    case Event::Preview:
        if (diffing) return State::Reviewing;
        break;
    case Event::PreviewFailed:
        if (diffing) return State::Idle;
        break;
    case Event::Commit:
        if (reviewing) return State::Committing;
        break;
    case Event::Discard:
        if (diffing || reviewing) return State::Idle;
        break;
    case Event::Refactor:
        if (idle || diffing || reviewing) return State::Committing;
        break;
    case Event::Cancel:
        if (held) return from;
        break;
    case Event::HostWaiting:
        if (from == State::Committing) return State::WaitingForSafePoint;
        break;
    case Event::Finished:
    case Event::Stopped:
        if (held) return State::Idle;
        break;
    case Event::RolledBack:
        if (held) return State::Reviewing;
        break;
    }
    return std::nullopt;
}

const char* eventName(Event event) {
    switch (event) {
    case Event::Apply: return "apply";
    case Event::Revert: return "revert";
    case Event::Preview: return "preview";
    case Event::PreviewFailed: return "failed preview";
    case Event::Commit: return "commit";
    case Event::Discard: return "discard";
    case Event::Refactor: return "refactor";
    case Event::Cancel: return "cancel";
    case Event::HostWaiting: return "host waiting";
    case Event::Finished: return "finished";
    case Event::RolledBack: return "rolled back";
    case Event::Stopped: return "program stopped";
    }
    return "?";
}

} // namespace

UpdateWorkflow::UpdateWorkflow(VmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &VmHost::patchPreviewReady, this, &UpdateWorkflow::onPreview);
    connect(host_, &VmHost::updateWaiting, this, &UpdateWorkflow::onWaiting);
    connect(host_, &VmHost::updateFinished, this, &UpdateWorkflow::onFinished);
}

const char* UpdateWorkflow::stateName(State state) {
    switch (state) {
    case State::Idle: return "Idle";
    case State::Diffing: return "Diffing";
    case State::Reviewing: return "Reviewing";
    case State::Committing: return "Committing";
    case State::WaitingForSafePoint: return "WaitingForSafePoint";
    }
    return "?";
}

bool UpdateWorkflow::needsNoDecision(const dsu::ChangeSet& changes) {
    using K = dsu::ChangeKind;
    for (const dsu::Change& c : changes.changes) {
        if (!c.review.empty()) return false;
        switch (c.kind) {
        case K::MethodAdded:
        case K::MethodChanged:
        case K::MethodRemoved:
        case K::FunctionAdded:
        case K::FunctionChanged:
        case K::ClassAdded:
        case K::BindingAdded:
        case K::StaticFieldAdded: break;
        case K::FieldAdded:
            // A declared initializer is the value live instances get; an inferred field
            // (this.f = … in a method) would be undefined in them.
            if (c.newText.empty()) return false;
            break;
        default: return false;
        }
    }
    return true;
}

bool UpdateWorkflow::isCommitting() const {
    return state_ == State::Committing || state_ == State::WaitingForSafePoint;
}

bool UpdateWorkflow::transition(Event event, const std::function<void()>& effect) {
    std::optional<State> next = nextState(state_, event);
    if (!next) {
        qCWarning(lcUpdateWorkflow, "ignored %s in state %s", eventName(event), stateName(state_));
        return false;
    }
    if (effect) effect();
    State previous = state_;
    state_ = *next;
    if (previous != state_) Q_EMIT stateChanged(state_, previous);
    return true;
}

// ---------------------------------------------------------------- requests

bool UpdateWorkflow::startDiff(Event event, UpdateKind kind, const QString& title,
                               const std::vector<dsu::SourceFile>& files) {
    return transition(event, [&] {
        update_ = {};
        update_.kind = kind;
        update_.request = nextRequest_++;
        update_.title = title;
        host_->apply(update_.request, files);
    });
}

bool UpdateWorkflow::apply(const QString& title, const std::vector<dsu::SourceFile>& files) {
    return startDiff(Event::Apply, UpdateKind::Apply, title, files);
}

bool UpdateWorkflow::revert(const QString& title, const std::vector<dsu::SourceFile>& before) {
    return startDiff(Event::Revert, UpdateKind::Revert, title, before);
}

bool UpdateWorkflow::commit(const std::string& userPatch) {
    return transition(Event::Commit,
                      [&] { host_->commit(update_.request, update_.preview.files, userPatch); });
}

bool UpdateWorkflow::discard() {
    if (!transition(Event::Discard, [this] { update_ = {}; })) return false;
    Q_EMIT reviewDropped();
    return true;
}

bool UpdateWorkflow::refactor(const QString& title, const dsu::RefactorRequest& request,
                              const std::vector<dsu::SourceFile>& sources,
                              const dsu::RefactorRequest& inverse, int undoOf) {
    bool dropsReview = state_ != State::Idle;
    if (!transition(Event::Refactor, [&] {
            update_ = {};
            update_.kind = UpdateKind::Refactoring;
            update_.request = nextRequest_++;
            update_.title = title;
            update_.inverse = inverse;
            update_.undoOf = undoOf;
            host_->refactor(update_.request, request, sources);
        }))
        return false;
    // A patch under review was computed from the source before the refactoring.
    if (dropsReview) Q_EMIT reviewDropped();
    return true;
}

bool UpdateWorkflow::cancel() {
    return transition(Event::Cancel, [this] { host_->cancelUpdate(); });
}

void UpdateWorkflow::programStopped() {
    if (isCommitting()) transition(Event::Stopped, [this] { update_ = {}; });
}

// ---------------------------------------------------------------- the host's answers

void UpdateWorkflow::onPreview(const PatchPreview& preview) {
    if (state_ != State::Diffing || preview.request != update_.request) {
        qCDebug(lcUpdateWorkflow, "dropped the stale preview of request %llu",
                static_cast<unsigned long long>(preview.request));
        return;
    }
    if (!preview.ok) {
        transition(Event::PreviewFailed, [this] { update_ = {}; });
        Q_EMIT previewFailed(preview);
        return;
    }
    // Nothing to review (comments, formatting), or nothing to decide (save and see):
    // committed at once, so the live source follows the editor.
    transition(Event::Preview, [&] {
        update_.preview = preview;
        update_.autoCommit =
            preview.changes.empty() || (commitWithoutReview_ && update_.kind == UpdateKind::Apply &&
                                        needsNoDecision(preview.changes));
    });
    Q_EMIT previewReady(preview, update_.title);
    if (update_.autoCommit && state_ == State::Reviewing) commit({});
}

void UpdateWorkflow::onWaiting(uint64_t request) {
    if (request != update_.request) return;
    transition(Event::HostWaiting);
}

void UpdateWorkflow::onFinished(const UpdateOutcome& outcome) {
    if (!isCommitting() || outcome.request != update_.request) {
        qCDebug(lcUpdateWorkflow, "dropped the stale outcome of request %llu",
                static_cast<unsigned long long>(outcome.request));
        return;
    }
    LiveUpdate done = update_;
    // An apply that did not commit goes back to its review; a refactoring's retry is its
    // dialog's.
    bool reviewAgain =
        done.kind != UpdateKind::Refactoring && (!outcome.started || !outcome.report.committed());
    if (reviewAgain)
        transition(Event::RolledBack, [this] { update_.autoCommit = false; });
    else
        transition(Event::Finished, [this] { update_ = {}; });
    Q_EMIT finished(outcome, done);
}

} // namespace molt::ide
