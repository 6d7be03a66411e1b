// control_host.h — a program run with a control socket (`molt run APP.js --control SOCKET`).
//
// Invariants:
//   * Requests are acted on only between scheduler slices, where every green thread is
//     suspended at a preemption point and no hosted code runs: an update from outside is
//     the same atomic DSU commit as `molt run --then` and the IDE's, and an eval sees a
//     consistent program. The socket is on the VM's libuv loop, polled between thread
//     turns and waited on when the program is idle, so an idle service costs nothing and
//     still answers at once.
//   * At most one update is in flight; a second one is refused ("busy") rather than queued,
//     so the operator always knows which version an answer is about.
//   * Every update that ran (committed, rolled back, or a dry run) is journaled before its
//     answer is sent: when the operator reads the answer, "what is live" is on disk.
//   * A failed request changes nothing and says why; the program keeps running.
//   * An eval runs on a green thread of its own (as `molt run --eval`): it may sleep, yield
//     or wait while the program's threads run on and other requests are answered; its
//     answer goes out from the run loop when that thread ends. A throw is the eval's answer
//     (`exception`), never an uncaught exception of the program.
#pragma once

#include "control/control_socket.h"
#include "control/journal.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace molt {
class VM;
}

namespace molt::control {

class ControlHost {
public:
    // `socket` listens and `journal` is open; `mainPath` is the main module as given.
    ControlHost(VM& vm, ControlSocket& socket, Journal& journal, std::string mainPath);
    ~ControlHost();
    ControlHost(const ControlHost&) = delete;
    ControlHost& operator=(const ControlHost&) = delete;

    // Runs the program: its top level, then its threads and timers with requests serviced
    // between slices, until everything is done or it exits. Returns the process exit code
    // as `molt run` does.
    int run(const std::vector<std::string>& argv);

private:
    struct PendingUpdate;
    void service();
    void handle(const Peer& peer, const Request& request);
    void startUpdate(const Peer& peer, const Request& request);
    void finishUpdate();                              // once the pending update's report is in
    void endPendingUpdate(const std::string& reason); // the program ended first
    Json status();
    Json threads();
    std::string root() const;
    void reply(const Peer& peer, uint64_t id, const Json& result);
    void fail(const Peer& peer, std::optional<uint64_t> id, const std::string& code,
              const std::string& message);
    // How an eval ends: ok with the value as console.log prints it, or the error code and
    // message.
    using EvalDone = std::function<void(bool ok, const std::string& code, const std::string& text)>;
    struct PendingEval;
    // Starts `expr` on a green thread; `done` runs from the run loop once it has ended (or
    // at once, when it cannot start).
    void startEval(const std::string& expr, EvalDone done);
    bool evalFinished() const;
    void finishEvals(); // answers the evals whose thread has ended
    void endPendingEvals(const std::string& reason); // the program ended first

    VM& vm_;
    ControlSocket& socket_;
    Journal& journal_;
    std::string mainPath_;
    double startedMs_ = 0;
    size_t applied_ = 0, rolledBack_ = 0;
    Json lastReport_; // null until the first update
    std::unique_ptr<PendingUpdate> pending_;
    std::vector<std::shared_ptr<PendingEval>> evals_; // shared with their threads' callbacks
};

} // namespace molt::control
