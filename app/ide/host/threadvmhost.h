// threadvmhost.h — a VmHost whose VM runs on a thread of this process.
//
// Requests are queued to the worker on the VM thread; its answers come back as queued
// signals. Nothing here blocks the UI thread, except the destructor, which stops the
// program and joins the thread.
#pragma once

#include "app/ide/host/vmhost.h"

#include <QThread>

namespace molt::ide {

namespace Internal {
class VmWorker;
}

class ThreadVmHost : public VmHost {
    Q_OBJECT
public:
    explicit ThreadVmHost(QObject* parent = nullptr);
    ~ThreadVmHost() override;

    void run(const RunSpec& spec) override;
    void pause() override;
    void resume() override;
    void stop() override;
    void restart() override;
    void setCanvasSize(int width, int height) override;
    void apply(uint64_t request, const std::vector<dsu::SourceFile>& files) override;
    void commit(uint64_t request, const std::vector<dsu::SourceFile>& files,
                const std::string& userPatch) override;
    void refactor(uint64_t request, const dsu::RefactorRequest& refactoring,
                  const std::vector<dsu::SourceFile>& sources) override;
    void cancelUpdate() override;
    void setSafePointTimeout(double ms) override;
    void requestClasses() override;
    void requestInstances(const InstanceQuery& query) override;
    void requestObject(uint32_t identity) override;
    void requestReferrers(uint32_t identity) override;
    void requestThreads() override;
    void terminateThread(uint32_t threadId) override;
    void restartFrame(uint32_t threadId, int depth) override;
    void requestFrame(uint32_t threadId, int depth) override;
    void releaseRejection(uint32_t id) override;
    void endProgramForRejection(uint32_t id) override;
    void evaluate(uint64_t request, uint32_t thisIdentity, const std::string& expression) override;
    void writeField(uint64_t request, uint32_t identity, const std::string& field,
                    const std::string& expression) override;
    void cancelEvaluation(uint64_t request) override;

private:
    template<typename F> void post(F&& f);

    QThread thread_;
    Internal::VmWorker* worker_;
};

// Registers the message types for queued connections (idempotent).
void registerVmMessageTypes();

} // namespace molt::ide
