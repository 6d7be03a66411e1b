// socketvmhost.h — a VmHost for a process started elsewhere (`molt run APP --control SOCK`).
//
// Speaks the control channel's JSON lines (control/protocol.h) over a QLocalSocket. Every
// request returns at once; each answer, matched by id, becomes the VmHost signal the views
// expect, so the attached window is the same IDE as the one that runs its own program.
//
// Decisions (docs/decisions/0015-ide-attaches.md):
//   * The process is not the IDE's to end: stop() detaches, and the process keeps running.
//     run/restart/pause/resume are refused with a note: its lifecycle belongs to whoever
//     started it.
//   * Apply and Commit fetch the live sources first and diff against them locally with the
//     dsu library (the ChangeSet for the Patch panel is not serialized); the process then
//     prepares the same new version itself, so its generated script and its report are the
//     ones that count. A diff on stale sources can therefore never reach the program.
//   * The program's output goes to the process's own stdout; the transcript says so.
#pragma once

#include "app/ide/host/vmhost.h"
#include "control/protocol.h"

#include <QLocalSocket>
#include <QTimer>
#include <functional>
#include <map>

namespace molt::ide {

// What the process said about itself when the IDE attached.
struct AttachedProcess {
    long pid = 0;
    std::string main;                   // the main module, absolute (on the process's side)
    std::vector<dsu::SourceFile> files; // the live sources, main module first
};

class SocketVmHost : public VmHost {
    Q_OBJECT
public:
    explicit SocketVmHost(QString socketPath, QObject* parent = nullptr);
    ~SocketVmHost() override;

    // Connects, then answers with attached (status and live sources) or attachFailed.
    void attach();
    // Closes the connection; the process keeps running.
    void detach();
    bool isAttached() const;
    const QString& socketPath() const { return path_; }
    // The journal (`history` op), answered with journalReady.
    void requestHistory();
    // The status poll's period (the status bar's program state); 0 stops polling.
    void setStatusInterval(int ms);

    void run(const RunSpec& spec) override;
    void pause() override;
    void resume() override;
    void stop() override; // detaches
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
    QString evaluatorUnavailable() const override;

Q_SIGNALS:
    void attached(const molt::ide::AttachedProcess& process);
    void attachFailed(const QString& reason);
    void detached(const QString& reason);
    // The `history` result: one outcome per journaled update, oldest first, with a title
    // ("journal: committed, uid 1000, 2026-12-02T14:03:11Z").
    void journalReady(const std::vector<std::pair<QString, molt::ide::UpdateOutcome>>& entries);

private:
    // Answers an evaluation or a field edit with why this host cannot run it.
    void refuseEvaluation(uint64_t request, const std::string& field);
    using Answer = std::function<void(const control::Reply&)>;
    void send(control::Request request, Answer answer);
    void onReadyRead();
    void onDisconnected();
    void pollStatus();
    void withLiveSources(std::function<void(std::vector<dsu::SourceFile>)> next,
                         std::function<void(const std::string&)> failed);
    void sendCommit(UpdateOutcome outcome, const std::vector<dsu::SourceFile>& after,
                    const std::string& patch, const std::string& patchPath);

    QString path_;
    QLocalSocket socket_;
    QTimer statusTimer_;
    control::LineBuffer lines_;
    uint64_t nextId_ = 1;
    std::map<uint64_t, Answer> waiting_;
    double safePointTimeoutMs_ = 2000;
    bool attached_ = false, updating_ = false;
    std::string liveMain_; // the process's main module, as its status names it
};

} // namespace molt::ide

Q_DECLARE_METATYPE(molt::ide::AttachedProcess)
