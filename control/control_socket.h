// control_socket.h — the Unix domain socket a process listens on with `--control SOCKET`.
//
// Invariants:
//   * Opt-in and local: nothing listens without --control, and only on a Unix socket
//     (remote use goes through SSH's socket forwarding). The socket is created mode 0600
//     (umask 0177 around bind, so there is no window in which it is wider) and removed when
//     the listener goes away.
//   * An existing path is never clobbered: a socket nobody answers on (left behind by a
//     killed process) is replaced; anything else — a live socket, a file, a directory — is
//     refused before the program starts.
//   * Every connection's peer is checked with SO_PEERCRED when it is accepted: the
//     process's own uid or root. Others are closed at once, and logged.
//   * Nothing here blocks and nothing here runs hosted code: the socket is a uv_pipe_t on
//     the VM's libuv loop (decision 0008), whose callbacks run where the scheduler would
//     otherwise wait or between thread turns. They only collect lines; the caller decides
//     when (at a safe point) to act on them.
#pragma once

#include "control/protocol.h"
#include "runtime/core/result.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

struct uv_loop_s;
struct uv_pipe_s;

namespace molt::control {

struct Peer {
    uint64_t connection = 0;
    uid_t uid = 0;
    pid_t pid = 0;
};

class ControlSocket {
public:
    ControlSocket() = default;
    ~ControlSocket(); // closes every connection and removes the socket
    ControlSocket(const ControlSocket&) = delete;
    ControlSocket& operator=(const ControlSocket&) = delete;

    // Creates `path` and listens on it as a uv_pipe_t on `loop` (the VM's event loop,
    // Scheduler::loop()). Its handles are unreferenced: the socket never keeps a program
    // alive that would otherwise end. An error (naming the path) when the path exists and is
    // not a stale socket, or cannot be created.
    Result<void> listen(uv_loop_s* loop, const std::string& path);
    const std::string& path() const { return path_; }

    struct Incoming {
        Peer peer;
        LineBuffer::Line line;
    };
    // True when complete lines have arrived (the loop's callbacks put them here).
    bool hasIncoming() const { return !incoming_.empty(); }
    // The lines that arrived, in order, and forgets them.
    std::vector<Incoming> take();
    // Queues an answer (a line, newline included) for a connection; dropped when it closed.
    void send(uint64_t connection, const std::string& line);
    bool connected(uint64_t connection) const { return connections_.count(connection) > 0; }

    // Refused peers and I/O failures, one line each (the CLI writes them to stderr).
    std::function<void(const std::string&)> log;

private:
    struct Connection {
        uv_pipe_s* pipe = nullptr;
        Peer peer;
        LineBuffer in;
        size_t writesInFlight = 0;
        bool readClosed = false;
    };
    friend struct SocketCallbacks; // the libuv callbacks (control_socket.cpp)
    void accept();
    void received(Connection& c, const char* data, long nread);
    void closeIfDone(Connection& c);
    void close(uint64_t connection);

    std::string path_;
    uv_pipe_s* server_ = nullptr;
    ino_t inode_ = 0; // the socket we created: removed at exit only if it is still ours
    uint64_t nextConnection_ = 1;
    std::map<uint64_t, Connection> connections_;
    std::vector<Incoming> incoming_;
    // Write callbacks can come after the socket is gone (cancelled when the VM closes the
    // loop): they look here first.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// The client's side: connects to the socket at `path`. Returns the file descriptor, or an
// error saying why (no such socket, nobody listening, permission denied).
Result<int> connectTo(const std::string& path);

// Sends one request and returns its answer, waiting at most `timeoutMs` (< 0: no limit).
// An error when the process cannot be reached or closes the connection.
Result<std::string> roundTrip(int fd, const std::string& request, double timeoutMs);

} // namespace molt::control
