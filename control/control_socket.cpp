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

namespace molt::control {

namespace {

bool fillAddress(const std::string& path, sockaddr_un& addr, std::string& error) {
    std::memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof addr.sun_path) {
        error = "the socket path '" + path + "' must be 1 to " +
                std::to_string(sizeof addr.sun_path - 1) + " bytes long";
        return false;
    }
    std::memcpy(addr.sun_path, path.data(), path.size());
    return true;
}

// True when a process accepts connections on the socket at `path`.
bool someoneListens(const std::string& path) {
    sockaddr_un addr;
    std::string ignored;
    if (!fillAddress(path, addr, ignored)) return false;
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    bool listening = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return listening;
}

void setNonBlocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

} // namespace

ControlSocket::~ControlSocket() {
    while (!connections_.empty())
        close(connections_.begin()->first);
    if (fd_ < 0) return;
    ::close(fd_);
    struct stat st {};
    if (::lstat(path_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode) && st.st_ino == inode_)
        ::unlink(path_.c_str());
}

bool ControlSocket::listen(const std::string& path, std::string& error) {
    sockaddr_un addr;
    if (!fillAddress(path, addr, error)) return false;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            error = "'" + path + "' exists and is not a socket; choose another path";
            return false;
        }
        if (someoneListens(path)) {
            error = "'" + path +
                    "' is the control socket of a running process; choose another "
                    "path";
            return false;
        }
        // Stale: left behind by a process that was killed.
        if (::unlink(path.c_str()) != 0) {
            error = "cannot replace the stale socket '" + path + "': " + std::strerror(errno);
            return false;
        }
    }
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = std::string("cannot create a socket: ") + std::strerror(errno);
        return false;
    }
    mode_t old = ::umask(0177);
    int bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    int bindErrno = errno;
    ::umask(old);
    if (bound != 0 || ::chmod(path.c_str(), 0600) != 0 || ::listen(fd, 16) != 0) {
        error = "cannot listen on '" + path + "': " + std::strerror(bound != 0 ? bindErrno : errno);
        ::close(fd);
        return false;
    }
    setNonBlocking(fd);
    ::lstat(path.c_str(), &st);
    inode_ = st.st_ino;
    fd_ = fd;
    path_ = path;
    return true;
}

std::vector<ControlSocket::Incoming> ControlSocket::poll(double timeoutMs) {
    std::vector<pollfd> fds;
    std::vector<uint64_t> ids;
    fds.push_back({fd_, POLLIN, 0});
    for (auto& [id, c] : connections_) {
        short events = c.readClosed ? 0 : POLLIN;
        if (!c.out.empty()) events |= POLLOUT;
        fds.push_back({c.fd, events, 0});
        ids.push_back(id);
    }
    int timeout = timeoutMs <= 0 ? 0 : timeoutMs > 1e6 ? 1000000 : int(timeoutMs + 0.999);
    int n = ::poll(fds.data(), fds.size(), timeout);
    if (n > 0) {
        for (size_t i = 1; i < fds.size(); ++i) {
            auto it = connections_.find(ids[i - 1]);
            if (it == connections_.end()) continue;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) read(it->second);
            if (fds[i].revents & POLLOUT) flush(it->second);
        }
        if (fds[0].revents & POLLIN) accept();
    }
    // A peer that hung up is closed once its answers are out (or cannot be delivered).
    std::vector<uint64_t> done;
    for (auto& [id, c] : connections_)
        if (c.readClosed && c.out.empty()) done.push_back(id);
    for (uint64_t id : done)
        close(id);
    std::vector<Incoming> out;
    out.swap(incoming_);
    return out;
}

void ControlSocket::accept() {
    for (;;) {
        int fd = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) return;
        ucred cred{};
        socklen_t len = sizeof cred;
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
            if (log)
                log(std::string("control: refused a connection: no peer credentials (") +
                    std::strerror(errno) + ")");
            ::close(fd);
            continue;
        }
        if (cred.uid != ::geteuid() && cred.uid != 0) {
            if (log)
                log("control: refused a connection from uid " + std::to_string(cred.uid) +
                    " (pid " + std::to_string(cred.pid) + "): only uid " +
                    std::to_string(::geteuid()) + " and root may control this process");
            ProtocolError e{"refused",
                            "uid " + std::to_string(cred.uid) + " may not control this process",
                            std::nullopt};
            std::string line = encodeError(e);
            [[maybe_unused]] ssize_t ignored = ::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
            ::close(fd);
            continue;
        }
        Connection c;
        c.fd = fd;
        c.peer = {nextConnection_++, cred.uid, cred.pid};
        connections_.emplace(c.peer.connection, std::move(c));
    }
}

void ControlSocket::read(Connection& c) {
    char buf[65536];
    for (;;) {
        ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0) {
            c.in.feed(buf, size_t(n));
            while (auto line = c.in.next())
                incoming_.push_back({c.peer, std::move(*line)});
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        c.readClosed = true; // end of stream, or an error
        return;
    }
}

void ControlSocket::flush(Connection& c) {
    while (!c.out.empty()) {
        ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n > 0) {
            c.out.erase(0, size_t(n));
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        c.out.clear(); // the peer is gone: its answers cannot be delivered
        c.readClosed = true;
        return;
    }
}

void ControlSocket::send(uint64_t connection, const std::string& line) {
    auto it = connections_.find(connection);
    if (it == connections_.end()) return;
    it->second.out += line;
    flush(it->second);
}

void ControlSocket::close(uint64_t connection) {
    auto it = connections_.find(connection);
    if (it == connections_.end()) return;
    ::close(it->second.fd);
    connections_.erase(it);
}

int connectTo(const std::string& path, std::string& error) {
    sockaddr_un addr;
    if (!fillAddress(path, addr, error)) return -1;
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = std::string("cannot create a socket: ") + std::strerror(errno);
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        int e = errno;
        ::close(fd);
        error = "cannot reach the process at '" + path + "': " +
                (e == ENOENT         ? std::string("no such socket")
                 : e == ECONNREFUSED ? std::string("nobody is listening (a stale socket)")
                                     : std::string(std::strerror(e)));
        return -1;
    }
    return fd;
}

bool roundTrip(int fd, const std::string& request, std::string& answer, double timeoutMs,
               std::string& error) {
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
            if (line->tooLong) {
                error = "the process's answer is too long";
                return false;
            }
            answer = std::move(line->text);
            return true;
        }
        int wait = -1;
        if (timeoutMs >= 0) {
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                error = "no answer within " + std::to_string(long(timeoutMs)) + " ms";
                return false;
            }
            wait = int(left.count());
        }
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, wait);
        if (r < 0 && errno == EINTR) continue;
        if (r == 0) continue;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "the process closed the connection before answering";
            return false;
        }
        in.feed(buf, size_t(n));
    }
}

} // namespace molt::control
