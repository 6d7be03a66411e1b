#include "control/control_socket.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <uv.h>

namespace molt::control {

namespace {

Result<sockaddr_un> address(const std::string& path) {
    sockaddr_un addr;
    std::memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof addr.sun_path)
        return Error("the socket path '" + path + "' must be 1 to " +
                     std::to_string(sizeof addr.sun_path - 1) + " bytes long");
    std::memcpy(addr.sun_path, path.data(), path.size());
    return addr;
}

// True when a process accepts connections on the socket at `path`.
bool someoneListens(const std::string& path) {
    Result<sockaddr_un> addr = address(path);
    if (!addr) return false;
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    bool listening =
        ::connect(fd, reinterpret_cast<sockaddr*>(&addr.value()), sizeof(sockaddr_un)) == 0;
    ::close(fd);
    return listening;
}

} // namespace

// The libuv side. Each handle's `data` is its ControlSocket; connections are found again by
// their id, so a callback for a connection already closed does nothing.
struct SocketCallbacks {
    struct Write {
        uv_write_t req;
        std::string bytes;
        ControlSocket* socket;
        uint64_t connection;
        std::shared_ptr<bool> alive;
    };

    static void freeHandle(uv_handle_t* h) { delete reinterpret_cast<uv_pipe_t*>(h); }

    static void onConnection(uv_stream_t* server, int status) {
        if (status < 0 || !server->data) return;
        static_cast<ControlSocket*>(server->data)->accept();
    }

    static void alloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
        buf->base = new char[suggested];
        buf->len = suggested;
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* socket = static_cast<ControlSocket*>(stream->data);
        if (!socket) {
            delete[] buf->base;
            return;
        }
        for (auto& [cid, c] : socket->connections_)
            if (reinterpret_cast<uv_stream_t*>(c.pipe) == stream) {
                socket->received(c, buf->base, long(nread));
                break;
            }
        delete[] buf->base;
    }

    static void onWritten(uv_write_t* req, int status) {
        auto* w = reinterpret_cast<Write*>(req);
        if (!*w->alive) {
            delete w;
            return;
        }
        auto it = w->socket->connections_.find(w->connection);
        if (it != w->socket->connections_.end()) {
            --it->second.writesInFlight;
            if (status < 0) it->second.readClosed = true; // the peer is gone
            w->socket->closeIfDone(it->second);
        }
        delete w;
    }
};

ControlSocket::~ControlSocket() {
    *alive_ = false;
    while (!connections_.empty())
        close(connections_.begin()->first);
    if (!server_) return;
    server_->data = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(server_), SocketCallbacks::freeHandle);
    struct stat st {};
    if (::lstat(path_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode) && st.st_ino == inode_)
        ::unlink(path_.c_str());
}

Result<void> ControlSocket::listen(uv_loop_t* loop, const std::string& path) {
    TRY(address(path));
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return Error("'" + path + "' exists and is not a socket; choose another path");
        if (someoneListens(path))
            return Error("'" + path +
                         "' is the control socket of a running process; choose another path");
        // Stale: left behind by a process that was killed.
        if (::unlink(path.c_str()) != 0)
            return Error("cannot replace the stale socket '" + path + "': " + std::strerror(errno));
    }
    auto* pipe = new uv_pipe_t;
    uv_pipe_init(loop, pipe, 0);
    pipe->data = this;
    mode_t old = ::umask(0177);
    int r = uv_pipe_bind(pipe, path.c_str());
    ::umask(old);
    if (r == 0 && ::chmod(path.c_str(), 0600) != 0) r = uv_translate_sys_error(errno);
    if (r == 0)
        r = uv_listen(reinterpret_cast<uv_stream_t*>(pipe), 16, SocketCallbacks::onConnection);
    if (r != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(pipe), SocketCallbacks::freeHandle);
        return Error("cannot listen on '" + path + "': " + uv_strerror(r));
    }
    // The socket serves the program; it never keeps an ended program alive.
    uv_unref(reinterpret_cast<uv_handle_t*>(pipe));
    ::lstat(path.c_str(), &st);
    inode_ = st.st_ino;
    server_ = pipe;
    path_ = path;
    return {};
}

std::vector<ControlSocket::Incoming> ControlSocket::take() {
    std::vector<Incoming> out;
    out.swap(incoming_);
    return out;
}

void ControlSocket::accept() {
    auto* pipe = new uv_pipe_t;
    uv_pipe_init(server_->loop, pipe, 0);
    if (uv_accept(reinterpret_cast<uv_stream_t*>(server_), reinterpret_cast<uv_stream_t*>(pipe)) !=
        0) {
        uv_close(reinterpret_cast<uv_handle_t*>(pipe), SocketCallbacks::freeHandle);
        return;
    }
    uv_os_fd_t fd = -1;
    uv_fileno(reinterpret_cast<uv_handle_t*>(pipe), &fd);
    ucred cred{};
    socklen_t len = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
        if (log)
            log(std::string("control: refused a connection: no peer credentials (") +
                std::strerror(errno) + ")");
        uv_close(reinterpret_cast<uv_handle_t*>(pipe), SocketCallbacks::freeHandle);
        return;
    }
    if (cred.uid != ::geteuid() && cred.uid != 0) {
        if (log)
            log("control: refused a connection from uid " + std::to_string(cred.uid) + " (pid " +
                std::to_string(cred.pid) + "): only uid " + std::to_string(::geteuid()) +
                " and root may control this process");
        ProtocolError e{"refused",
                        "uid " + std::to_string(cred.uid) + " may not control this process",
                        std::nullopt};
        std::string line = encodeError(e);
        // A short line into an empty socket buffer: written at once, or not at all.
        [[maybe_unused]] ssize_t ignored = ::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
        uv_close(reinterpret_cast<uv_handle_t*>(pipe), SocketCallbacks::freeHandle);
        return;
    }
    pipe->data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(pipe));
    Connection c;
    c.pipe = pipe;
    c.peer = {nextConnection_++, cred.uid, cred.pid};
    uint64_t id = c.peer.connection;
    connections_.emplace(id, std::move(c));
    uv_read_start(reinterpret_cast<uv_stream_t*>(pipe), SocketCallbacks::alloc,
                  SocketCallbacks::onRead);
}

void ControlSocket::received(Connection& c, const char* data, long nread) {
    if (nread > 0) {
        c.in.feed(data, size_t(nread));
        while (auto line = c.in.next())
            incoming_.push_back({c.peer, std::move(*line)});
        return;
    }
    if (nread == 0) return; // nothing read this time (EAGAIN)
    // End of stream or an error: answers still queued go out first.
    c.readClosed = true;
    uv_read_stop(reinterpret_cast<uv_stream_t*>(c.pipe));
    closeIfDone(c);
}

void ControlSocket::closeIfDone(Connection& c) {
    if (c.readClosed && c.writesInFlight == 0) close(c.peer.connection);
}

void ControlSocket::send(uint64_t connection, const std::string& line) {
    auto it = connections_.find(connection);
    if (it == connections_.end()) return;
    auto* w = new SocketCallbacks::Write{{}, line, this, connection, alive_};
    uv_buf_t buf = uv_buf_init(w->bytes.data(), unsigned(w->bytes.size()));
    if (uv_write(&w->req, reinterpret_cast<uv_stream_t*>(it->second.pipe), &buf, 1,
                 SocketCallbacks::onWritten) != 0) {
        delete w;
        it->second.readClosed = true;
        closeIfDone(it->second);
        return;
    }
    ++it->second.writesInFlight;
}

void ControlSocket::close(uint64_t connection) {
    auto it = connections_.find(connection);
    if (it == connections_.end()) return;
    it->second.pipe->data = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(it->second.pipe), SocketCallbacks::freeHandle);
    connections_.erase(it);
}

Result<int> connectTo(const std::string& path) {
    sockaddr_un addr = TRY(address(path));
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return Error(std::string("cannot create a socket: ") + std::strerror(errno));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        int e = errno;
        ::close(fd);
        return Error("cannot reach the process at '" + path + "': " +
                     (e == ENOENT         ? std::string("no such socket")
                      : e == ECONNREFUSED ? std::string("nobody is listening (a stale socket)")
                                          : std::string(std::strerror(e))));
    }
    return fd;
}

Result<std::string> roundTrip(int fd, const std::string& request, double timeoutMs) {
    size_t sent = 0;
    while (sent < request.size()) {
        ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            // A process that refuses us says why before it closes: read that answer.
            timeoutMs = 1000;
            break;
        }
        sent += size_t(n);
    }
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now() + std::chrono::milliseconds(long(timeoutMs < 0 ? 0 : timeoutMs));
    LineBuffer in(kMaxMessageBytes * 4);
    char buf[65536];
    for (;;) {
        if (auto line = in.next()) {
            if (line->tooLong) return Error("the process's answer is too long");
            return std::move(line->text);
        }
        int wait = -1;
        if (timeoutMs >= 0) {
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0)
                return Error("no answer within " + std::to_string(long(timeoutMs)) + " ms");
            wait = int(left.count());
        }
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, wait);
        if (r < 0 && errno == EINTR) continue;
        if (r == 0) continue;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error("the process closed the connection before answering");
        in.feed(buf, size_t(n));
    }
}

} // namespace molt::control
