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
#pragma once

#include "control/control_socket.h"
#include "control/journal.h"

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
    std::string evaluate(const std::string& expr, bool& ok, std::string& code);

    VM& vm_;
    ControlSocket& socket_;
    Journal& journal_;
    std::string mainPath_;
    double startedMs_ = 0;
    size_t applied_ = 0, rolledBack_ = 0;
    Json lastReport_; // null until the first update
    std::unique_ptr<PendingUpdate> pending_;
};

} // namespace molt::control
