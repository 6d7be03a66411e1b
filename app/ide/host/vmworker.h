// vmworker.h — the object that owns a molt::VM on the VM's own thread (Internal to
// ThreadVmHost).
//
// The program runs in slices (Scheduler::runFor) driven by this thread's event loop, so
// every request from the UI — a snapshot, an apply, a commit — is handled between two
// slices, where no hosted code is running: that is the inspector's safe point. The worker
// never sleeps while messages may be pending: when the program waits for a timer, the
// next slice is a QTimer, and the event loop services messages meanwhile.
#pragma once

#include "app/ide/host/vmmessages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace molt {
class VM;
class Value;
class Canvas;
namespace dsu {
class VersionUpdate;
struct NewVersion;
struct RefactorRequest;
struct UserPatch;
} // namespace dsu
} // namespace molt

namespace molt::ide::Internal {

class VmWorker : public QObject {
    Q_OBJECT
public:
    explicit VmWorker(QObject* parent = nullptr);
    ~VmWorker() override;

    // Requests (called through queued invocations from the UI thread).
    void run(const RunSpec& spec);
    void pause();
    void resume();
    void stop();
    void restart();
    void setCanvasSize(int width, int height);
    void apply(uint64_t request, const std::vector<dsu::SourceFile>& files);
    void commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                const std::string& userPatch);
    void refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                  const std::vector<dsu::SourceFile>& sources);
    void cancelUpdate();
    void setSafePointTimeout(double ms) { safePointTimeoutMs_ = ms; }
    void requestClasses();
    void requestInstances(const InstanceQuery& query);
    void requestObject(uint32_t identity);
    void requestReferrers(uint32_t identity);
    void requestThreads();
    void terminateThread(uint32_t threadId);
    void restartFrame(uint32_t threadId, int depth);
    void requestFrame(uint32_t threadId, int depth);
    void releaseRejection(uint32_t id);
    void endProgramForRejection(uint32_t id);
    void evaluate(uint64_t request, uint32_t thisIdentity, const std::string& expression);
    void writeField(uint64_t request, uint32_t identity, const std::string& field,
                    const std::string& expression);
    void cancelEvaluation(uint64_t request);
    // Ends the program; called on the worker's thread before it quits.
    void shutdown();

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
    void threadActionDone(uint32_t threadId, const QString& error);
    void rejectionHeld(const molt::ide::HeldRejection& rejection);
    void rejectionActionDone(uint32_t id, const QString& error);
    void frameReady(uint32_t threadId, int depth, uint32_t identity, const QString& label);
    void evaluated(const molt::ide::EvalResult& result);

private:
    // Starts `expression` on a green thread (this: `thisIdentity`); with `field`, writes the
    // value to that field of the instance when it is done.
    void startEvaluation(EvalResult out, uint32_t thisIdentity, const std::string& expression);
    void finishEvaluation(EvalResult out, Value outcome, uint32_t target);
    void reportSuspended();
    void runSlice();
    void scheduleSlice(double delayMs);
    void setState(ProgramState state, int exitCode = 0, std::string detail = {});
    void flushTranscript();
    void flushFrame();
    // Prepares the update and commits it at the next safe point (one at a time).
    void startUpdate(UpdateOutcome outcome, const dsu::NewVersion& next,
                     const dsu::UserPatch& patch);
    void finishCommit(const dsu::UpdateReport& report);
    bool sliceWanted() const;

    std::unique_ptr<VM> vm_;
    std::unique_ptr<Canvas> canvas_;
    RunSpec spec_;
    ProgramStatus status_;
    QTimer sliceTimer_, transcriptTimer_, frameTimer_;
    std::string out_, err_;
    FramePtr latestFrame_;
    bool frameDirty_ = false;
    int canvasWidth_ = 640, canvasHeight_ = 400;
    double safePointTimeoutMs_ = 2000;

    // The update waiting for its safe point (at most one at a time).
    std::unique_ptr<dsu::VersionUpdate> update_;
    UpdateOutcome pendingOutcome_;
    bool committing_ = false;
    bool cancelRequested_ = false;
    std::vector<uint32_t> suspended_;  // threads suspended in the last slice, to report
    std::vector<uint32_t> rejections_; // rejections held in the last slice, to report
    uint32_t framePin_ = UINT32_MAX;   // the inspected frame's object (requestFrame)
    int evaluating_ = 0;               // evaluations whose green thread has not ended
    std::map<uint64_t, uint32_t> evaluationThreads_; // request -> its thread, while it runs
    std::set<uint64_t> cancelled_;                   // requests whose thread was ended
    std::vector<uint32_t> resultPins_; // recent results, kept alive while they are inspected
};

} // namespace molt::ide::Internal
