#include "app/ide/host/threadvmhost.h"

#include "app/ide/host/vmworker.h"

namespace molt::ide {

void registerVmMessageTypes() {
    qRegisterMetaType<RunSpec>();
    qRegisterMetaType<ProgramStatus>();
    qRegisterMetaType<std::vector<ClassInfo>>();
    qRegisterMetaType<InstancePage>();
    qRegisterMetaType<ObjectFields>();
    qRegisterMetaType<ReferrerList>();
    qRegisterMetaType<std::vector<ThreadInfo>>();
    qRegisterMetaType<PatchPreview>();
    qRegisterMetaType<UpdateOutcome>();
    qRegisterMetaType<FramePtr>();
    qRegisterMetaType<SuspendedThread>();
    qRegisterMetaType<HeldRejection>();
    qRegisterMetaType<EvalResult>();
    qRegisterMetaType<uint32_t>("uint32_t");
    qRegisterMetaType<std::vector<dsu::SourceFile>>();
    qRegisterMetaType<uint64_t>("uint64_t");
}

ThreadVmHost::ThreadVmHost(QObject* parent) : VmHost(parent) {
    registerVmMessageTypes();
    worker_ = new Internal::VmWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    using W = Internal::VmWorker;
    connect(worker_, &W::transcript, this, &VmHost::transcript);
    connect(worker_, &W::statusChanged, this, &VmHost::statusChanged);
    connect(worker_, &W::classesReady, this, &VmHost::classesReady);
    connect(worker_, &W::instancesReady, this, &VmHost::instancesReady);
    connect(worker_, &W::objectReady, this, &VmHost::objectReady);
    connect(worker_, &W::referrersReady, this, &VmHost::referrersReady);
    connect(worker_, &W::threadsReady, this, &VmHost::threadsReady);
    connect(worker_, &W::patchPreviewReady, this, &VmHost::patchPreviewReady);
    connect(worker_, &W::updateWaiting, this, &VmHost::updateWaiting);
    connect(worker_, &W::updateFinished, this, &VmHost::updateFinished);
    connect(worker_, &W::canvasFrame, this, &VmHost::canvasFrame);
    connect(worker_, &W::threadSuspended, this, &VmHost::threadSuspended);
    connect(worker_, &W::threadActionDone, this, &VmHost::threadActionDone);
    connect(worker_, &W::rejectionHeld, this, &VmHost::rejectionHeld);
    connect(worker_, &W::rejectionActionDone, this, &VmHost::rejectionActionDone);
    connect(worker_, &W::frameReady, this, &VmHost::frameReady);
    connect(worker_, &W::evaluated, this, &VmHost::evaluated);
    thread_.setObjectName(QStringLiteral("molt-vm"));
    // The interpreter recurses on the C++ stack for nested calls (getters, callbacks).
    thread_.setStackSize(64u << 20);
    thread_.start();
}

ThreadVmHost::~ThreadVmHost() {
    Internal::VmWorker* w = worker_;
    QMetaObject::invokeMethod(
        w, [w] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

template<typename F> void ThreadVmHost::post(F&& f) {
    QMetaObject::invokeMethod(worker_, std::forward<F>(f), Qt::QueuedConnection);
}

void ThreadVmHost::run(const RunSpec& spec) {
    post([w = worker_, spec] { w->run(spec); });
}
void ThreadVmHost::pause() {
    post([w = worker_] { w->pause(); });
}
void ThreadVmHost::resume() {
    post([w = worker_] { w->resume(); });
}
void ThreadVmHost::stop() {
    post([w = worker_] { w->stop(); });
}
void ThreadVmHost::restart() {
    post([w = worker_] { w->restart(); });
}
void ThreadVmHost::setCanvasSize(int width, int height) {
    post([w = worker_, width, height] { w->setCanvasSize(width, height); });
}
void ThreadVmHost::apply(uint64_t request, const std::vector<dsu::SourceFile>& files) {
    post([w = worker_, request, files] { w->apply(request, files); });
}
void ThreadVmHost::commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                          const std::string& userPatch) {
    post([w = worker_, request, files, userPatch] { w->commit(request, files, userPatch); });
}
void ThreadVmHost::refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                            const std::vector<dsu::SourceFile>& sources) {
    post([w = worker_, request, refactoring, sources] {
        w->refactor(request, refactoring, sources);
    });
}
void ThreadVmHost::cancelUpdate() {
    post([w = worker_] { w->cancelUpdate(); });
}
void ThreadVmHost::setSafePointTimeout(double ms) {
    post([w = worker_, ms] { w->setSafePointTimeout(ms); });
}
void ThreadVmHost::requestClasses() {
    post([w = worker_] { w->requestClasses(); });
}
void ThreadVmHost::requestInstances(const InstanceQuery& query) {
    post([w = worker_, query] { w->requestInstances(query); });
}
void ThreadVmHost::requestObject(uint32_t identity) {
    post([w = worker_, identity] { w->requestObject(identity); });
}
void ThreadVmHost::requestReferrers(uint32_t identity) {
    post([w = worker_, identity] { w->requestReferrers(identity); });
}
void ThreadVmHost::requestThreads() {
    post([w = worker_] { w->requestThreads(); });
}

void ThreadVmHost::terminateThread(uint32_t threadId) {
    post([w = worker_, threadId] { w->terminateThread(threadId); });
}

void ThreadVmHost::restartFrame(uint32_t threadId, int depth) {
    post([w = worker_, threadId, depth] { w->restartFrame(threadId, depth); });
}

void ThreadVmHost::releaseRejection(uint32_t id) {
    post([w = worker_, id] { w->releaseRejection(id); });
}

void ThreadVmHost::endProgramForRejection(uint32_t id) {
    post([w = worker_, id] { w->endProgramForRejection(id); });
}

void ThreadVmHost::requestFrame(uint32_t threadId, int depth) {
    post([w = worker_, threadId, depth] { w->requestFrame(threadId, depth); });
}

void ThreadVmHost::evaluate(uint64_t request, uint32_t thisIdentity,
                            const std::string& expression) {
    post([w = worker_, request, thisIdentity, expression] {
        w->evaluate(request, thisIdentity, expression);
    });
}

void ThreadVmHost::writeField(uint64_t request, uint32_t identity, const std::string& field,
                              const std::string& expression) {
    post([w = worker_, request, identity, field, expression] {
        w->writeField(request, identity, field, expression);
    });
}

void ThreadVmHost::cancelEvaluation(uint64_t request) {
    post([w = worker_, request] { w->cancelEvaluation(request); });
}

} // namespace molt::ide
