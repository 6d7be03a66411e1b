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
//   * Nothing here blocks: sockets are non-blocking, and poll() is the only wait, so the
//     program's threads and timers run between requests. Requests come out as lines; the
//     caller decides when (at a safe point) to act on them.
#pragma once

#include "control/protocol.h"

#include <functional>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

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

    // Creates and listens on `path`. False with `error` (naming the path) when it exists and
    // is not a stale socket, or cannot be created.
    bool listen(const std::string& path, std::string& error);
    const std::string& path() const { return path_; }

    struct Incoming {
        Peer peer;
        LineBuffer::Line line;
    };
    // Waits at most `timeoutMs` (0: only looks) for connections and bytes; returns the
    // complete lines that arrived, in order. Flushes pending answers.
    std::vector<Incoming> poll(double timeoutMs);
    // Queues an answer (a line, newline included) for a connection; dropped when it closed.
    void send(uint64_t connection, const std::string& line);
    bool connected(uint64_t connection) const { return connections_.count(connection) > 0; }

    // Refused peers and I/O failures, one line each (the CLI writes them to stderr).
    std::function<void(const std::string&)> log;

private:
    struct Connection {
        int fd = -1;
        Peer peer;
        LineBuffer in;
        std::string out;
        bool readClosed = false;
    };
    void accept();
    void read(Connection& c);
    void flush(Connection& c);
    void close(uint64_t connection);

    std::string path_;
    int fd_ = -1;
    ino_t inode_ = 0; // the socket we created: removed at exit only if it is still ours
    uint64_t nextConnection_ = 1;
    std::map<uint64_t, Connection> connections_;
    std::vector<Incoming> incoming_;
};

// The client's side: connects to the socket at `path`. Returns the file descriptor, or -1
// with `error` saying why (no such socket, nobody listening, permission denied).
int connectTo(const std::string& path, std::string& error);

// Sends one request and reads its answer, waiting at most `timeoutMs` (< 0: no limit).
// False with `error` when the process cannot be reached or closes the connection.
bool roundTrip(int fd, const std::string& request, std::string& answer, double timeoutMs,
               std::string& error);

} // namespace molt::control
