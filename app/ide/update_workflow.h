// update_workflow.h — the IDE's update lifecycle as one state machine: from Apply (Ctrl+S),
// Revert or a refactoring's Commit to an update that committed, rolled back or was
// cancelled.
//
//   from                       event                                  to
//   Idle, Diffing, Reviewing   apply, revert                          Diffing
//   Diffing                    the preview (one that failed: Idle)    Reviewing
//   Reviewing                  commit (at once if nothing to review)  Committing
//   Diffing, Reviewing         discard                                Idle
//   Idle, Diffing, Reviewing   refactor (its review is its dialog)    Committing
//   Committing                 the host waits for a safe point        WaitingForSafePoint
//   Committing, Waiting…       committed, a refactoring ended,        Idle
//                              the program stopped
//   Committing, Waiting…       an apply rolled back or did not start  Reviewing
// Cancel moves nothing by itself: the host's answer (rolled back) does.
//
// Who moves it: only the user's requests (apply, revert, commit, discard, refactor, cancel)
// and the host's answers (preview, waiting, finished). Every move goes through
// transition(), which holds this table; an event the table does not allow from the
// current state is logged under molt.ide.workflow and ignored, so a stray click never
// leaves the IDE in a state no view expects. An answer for another request is stale and
// dropped before it becomes an event.
//
// Why these rules:
// - At most one update is in flight. The host holds one update at a time, so while the
//   host has it (Committing, WaitingForSafePoint) apply, revert and refactor are refused
//   here rather than by an error from the program.
// - A newer apply supersedes the one in Diffing or Reviewing. Answers carry the request
//   number; an answer for another request is stale and dropped, so a slow diff of an old
//   edit can never replace the review of a newer one.
// - A rollback, or a user patch that did not compile, returns to Reviewing with the same
//   preview: the user fixes the script and commits again. A refactoring ends in Idle
//   whatever happened: its dialog owns the retry.
// - Stopping the program drops an update the host held; a review stays (Commit then
//   reports that nothing runs).
// - Save and see: with commitWithoutReview on, an Apply whose changes need no decision
//   (needsNoDecision) is committed as soon as its preview arrives, as one without changes
//   always is; it passes through Reviewing without a stop, so the table above holds. A
//   rollback of such an update returns to Reviewing like any other: the panel opens then.
#pragma once

#include "app/ide/host/vmhost.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <functional>

namespace molt::ide {

Q_DECLARE_LOGGING_CATEGORY(lcUpdateWorkflow)

enum class UpdateKind {
    Apply,       // the editors' text (Ctrl+S)
    Revert,      // the source before an earlier update; the editors follow when it commits
    Refactoring, // a refactoring (or its inverse) computed and committed by the host
};

// The update the workflow carries from its request to its outcome.
struct LiveUpdate {
    UpdateKind kind = UpdateKind::Apply;
    uint64_t request = 0;    // 0: none
    QString title;           // "Apply catalog.js", "Revert update #2", "Refactor: rename-field …"
    bool autoCommit = false; // committed without review: nothing to decide (save and see)
    PatchPreview preview;    // Apply, Revert: the patch under review
    dsu::RefactorRequest inverse; // Refactoring: what undoes it
    int undoOf = -1; // Refactoring: the caller's index of the refactoring this one undoes
};

class UpdateWorkflow : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Diffing, Reviewing, Committing, WaitingForSafePoint };
    Q_ENUM(State)

    // Listens to `host`'s previews and update answers; does not own it.
    explicit UpdateWorkflow(VmHost* host, QObject* parent = nullptr);

    State state() const { return state_; }
    const LiveUpdate& current() const { return update_; } // request 0 when Idle
    // The host holds the update (Committing, WaitingForSafePoint): nothing else may start.
    bool isCommitting() const;

    // ---- requests; each returns false, and changes nothing, where its state forbids it.
    // Diffs `files` against the live program (Idle, Diffing, Reviewing -> Diffing).
    bool apply(const QString& title, const std::vector<dsu::SourceFile>& files);
    // Diffs the live program back to `before` (an earlier update's source), like apply.
    bool revert(const QString& title, const std::vector<dsu::SourceFile>& before);
    // Commits the reviewed patch, then `userPatch` if not empty (Reviewing -> Committing).
    bool commit(const std::string& userPatch);
    // Drops the patch under review (Diffing, Reviewing -> Idle); the program is unchanged.
    bool discard();
    // Refactors the running program, dropping any review (Idle, Diffing, Reviewing ->
    // Committing). `sources` must be what the program runs; `inverse` and `undoOf` come
    // back in finished().
    bool refactor(const QString& title, const dsu::RefactorRequest& request,
                  const std::vector<dsu::SourceFile>& sources, const dsu::RefactorRequest& inverse,
                  int undoOf = -1);
    // Gives up the update waiting for its safe point; it finishes as rolled back.
    bool cancel();
    // The program ended: an update the host held is gone (Committing, Waiting -> Idle).
    void programStopped();

    // Save and see (off by default): an Apply that needs no decision commits at once.
    void setCommitWithoutReview(bool on) { commitWithoutReview_ = on; }
    bool commitWithoutReview() const { return commitWithoutReview_; }
    // True when every change is one a user does not decide on: code (methods, functions),
    // added classes, fields with a declared initializer, added bindings, and no REVIEW row.
    // A removal of live state, a rename, a superclass change or top-level code that an
    // update does not re-run all go to the Patch panel.
    static bool needsNoDecision(const dsu::ChangeSet& changes);

    static const char* stateName(State state);

    // What moves the state: the requests above and the host's answers (the table above).
    enum class Event {
        Apply,
        Revert,
        Preview,       // the host's diff of the update in flight
        PreviewFailed, // ... that did not compile, or found no program
        Commit,
        Discard,
        Refactor,
        Cancel,
        HostWaiting, // the host waits for a safe point
        Finished,    // committed, or a refactoring that ended either way
        RolledBack,  // an apply or revert that did not commit, or did not start
        Stopped,
    };

Q_SIGNALS:
    void stateChanged(molt::ide::UpdateWorkflow::State state,
                      molt::ide::UpdateWorkflow::State previous);
    // Reviewing began: show `preview`. With autoCommit set, Committing follows at once.
    void previewReady(const molt::ide::PatchPreview& preview, const QString& title);
    // The edit did not diff (a compile error, or no program): back in Idle.
    void previewFailed(const molt::ide::PatchPreview& preview);
    // A review ended without a commit (discarded, or superseded by a refactoring).
    void reviewDropped();
    // The host answered the commit. `update` is the update as it was in flight; the state
    // has already moved (Idle, or Reviewing for an apply to fix and commit again).
    void finished(const molt::ide::UpdateOutcome& outcome, const molt::ide::LiveUpdate& update);

private:
    // The one place the state changes. When the table allows `event` from the current
    // state, runs `effect` (which sets up the update the new state is about), moves and
    // signals; otherwise logs and changes nothing.
    bool transition(Event event, const std::function<void()>& effect = {});
    bool startDiff(Event event, UpdateKind kind, const QString& title,
                   const std::vector<dsu::SourceFile>& files);
    void onPreview(const PatchPreview& preview);
    void onWaiting(uint64_t request);
    void onFinished(const UpdateOutcome& outcome);

    VmHost* host_;
    State state_ = State::Idle;
    LiveUpdate update_;
    uint64_t nextRequest_ = 1;
    bool commitWithoutReview_ = false;
};

} // namespace molt::ide

Q_DECLARE_METATYPE(molt::ide::LiveUpdate)
