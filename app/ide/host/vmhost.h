// vmhost.h — the one message interface between the IDE and a running program.
//
// Every request returns at once; answers arrive later as signals, on the UI thread. The
// UI never waits for the program. ThreadVmHost runs the VM on a thread of this process;
// a socket-backed implementation can provide the same interface for a headless host,
// since every message is plain data (vmmessages.h).
#pragma once

#include "app/ide/host/vmmessages.h"
#include "dsu/refactor/refactor.h"

#include <QObject>
#include <QString>

namespace molt::ide {

class VmHost : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~VmHost() override = default;

    // ---- the program
    virtual void run(const RunSpec& spec) = 0; // stops a running program first
    virtual void pause() = 0;
    virtual void resume() = 0;
    virtual void stop() = 0;    // ends the program and drops its state
    virtual void restart() = 0; // stop, then run the last RunSpec again (from disk)
    virtual void setCanvasSize(int width, int height) = 0;

    // ---- live updates
    // Diffs the live program against `files` (relative paths) and answers with
    // patchPreview. Nothing changes in the program.
    virtual void apply(uint64_t request, const std::vector<dsu::SourceFile>& files) = 0;
    // Updates the program to `files`: the generated patch, then `userPatch` (may be empty).
    // Answers with updateWaiting (while waiting for a safe point) and updateFinished.
    virtual void commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                        const std::string& userPatch) = 0;
    // Refactors the running program (dsu/refactor.h) in one update: computes `refactoring`
    // on `sources` (the whole program as the IDE previewed it, main module first), which
    // must be the source the program runs, and updates the program to the new sources with
    // the refactoring's patch as the user patch. Answers like commit; the outcome's `after`
    // holds every file of the refactored program, `userPatch` the refactoring's patch, and
    // `error` the engine's message when the refactoring did not apply (nothing ran).
    virtual void refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                          const std::vector<dsu::SourceFile>& sources) = 0;
    // Gives up an update that waits for a safe point; it finishes as rolled back.
    virtual void cancelUpdate() = 0;
    virtual void setSafePointTimeout(double ms) = 0;

    // ---- snapshots, taken between slices (no hosted code running)
    virtual void requestClasses() = 0;
    // A page of a class's instances, filtered and sorted as asked (inspect::InstanceQuery).
    virtual void requestInstances(const InstanceQuery& query) = 0;
    virtual void requestObject(uint32_t identity) = 0;
    // The heap objects that reference the object: answers with referrersReady.
    virtual void requestReferrers(uint32_t identity) = 0;
    virtual void requestThreads() = 0;

    // ---- suspended threads (threadSuspended), between slices
    // Ends the thread; answers with threadActionDone.
    virtual void terminateThread(uint32_t threadId) = 0;
    // Runs frame `depth` (0: innermost) again with the function's current code; answers with
    // threadActionDone (its error says why a frame cannot be restarted).
    virtual void restartFrame(uint32_t threadId, int depth) = 0;
    // The frame's `this` and locals as one inspectable object: answers with frameReady.
    virtual void requestFrame(uint32_t threadId, int depth) = 0;

    // ---- unhandled rejections the program holds (rejectionHeld), between slices
    // Lets the program go on without the rejection, as if a handler had taken it; answers
    // with rejectionActionDone.
    virtual void releaseRejection(uint32_t id) = 0;
    // Ends the program as the rejection would have under `molt run` (exit code 1, the
    // trace already in the transcript); answers with rejectionActionDone and statusChanged.
    virtual void endProgramForRejection(uint32_t id) = 0;

    // ---- evaluation, on a green thread of its own between the program's slices (as a
    // timer callback runs), so the program is never caught mid-slice
    // Evaluates `expression` with `this` = the object `thisIdentity` (0: the main module's
    // exports). When it names a frame's object (frameReady), `this` is the frame's and its
    // locals are in scope, as copies: assigning one does not change the frame. Answers with
    // evaluated; a syntax error or a throw is its error, and the program runs on.
    virtual void evaluate(uint64_t request, uint32_t thisIdentity,
                          const std::string& expression) = 0;
    // Sets the field `field` (named as objectReady names it, private ones included) of the
    // instance `identity` to the value of `expression`, evaluated as evaluate does with the
    // instance as `this`. Answers with evaluated; on an error nothing is written.
    virtual void writeField(uint64_t request, uint32_t identity, const std::string& field,
                            const std::string& expression) = 0;
    // Ends the evaluation `request` if it still runs (an endless loop, a long sleep): its
    // thread is ended between slices, the program runs on, and evaluated answers that it was
    // cancelled (or, interim, why it cannot be).
    virtual void cancelEvaluation(uint64_t request) = 0;
    // Why this host cannot evaluate (the Inspector disables its evaluator); empty: it can.
    virtual QString evaluatorUnavailable() const { return {}; }

Q_SIGNALS:
    void transcript(const QString& text, bool isError);
    void statusChanged(const molt::ide::ProgramStatus& status);
    void classesReady(const std::vector<molt::ide::ClassInfo>& classes);
    void instancesReady(const molt::ide::InstancePage& page);
    void objectReady(const molt::ide::ObjectFields& object);
    void referrersReady(const molt::ide::ReferrerList& referrers);
    void threadsReady(const std::vector<molt::ide::ThreadInfo>& threads);
    void patchPreviewReady(const molt::ide::PatchPreview& preview);
    void updateWaiting(uint64_t request);
    void updateFinished(const molt::ide::UpdateOutcome& outcome);
    void canvasFrame(const molt::ide::FramePtr& frame);
    void threadSuspended(const molt::ide::SuspendedThread& thread);
    void threadActionDone(uint32_t threadId, const QString& error); // error empty: done
    void rejectionHeld(const molt::ide::HeldRejection& rejection);
    void rejectionActionDone(uint32_t id, const QString& error); // error empty: done
    // `identity` names an object whose fields are the frame's `this` and locals (0: none).
    void frameReady(uint32_t threadId, int depth, uint32_t identity, const QString& label);
    void evaluated(const molt::ide::EvalResult& result);
};

} // namespace molt::ide
