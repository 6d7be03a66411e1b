#include "app/cli/control_client.h"

#include "control/control_socket.h"

#include <cstdio>
#include <unistd.h>

namespace molt::cli {

std::optional<int> askProcess(const std::string& socket, const control::Request& request,
                              control::Reply& reply) {
    std::string error;
    int fd = control::connectTo(socket, error);
    if (fd < 0) {
        std::fprintf(stderr, "molt: %s\n", error.c_str());
        return Unreachable;
    }
    std::string answer;
    bool ok = control::roundTrip(fd, control::encodeRequest(request), answer, -1, error);
    ::close(fd);
    if (!ok) {
        std::fprintf(stderr, "molt: %s: %s\n", socket.c_str(), error.c_str());
        return Unreachable;
    }
    std::optional<control::Reply> decoded = control::decodeReply(answer, error);
    if (!decoded) {
        std::fprintf(stderr, "molt: %s: %s\n", socket.c_str(), error.c_str());
        return Unreachable;
    }
    reply = std::move(*decoded);
    return std::nullopt;
}

int printRefusal(const control::Reply& reply) {
    std::string message = reply.error;
    if (message.empty() || message.back() != '\n') message += "\n";
    if (reply.code == "refused") {
        std::fprintf(stderr, "molt: the process refused the connection: %s", message.c_str());
        return Unreachable;
    }
    // A compile error arrives formatted (file:line:col, the source line, a caret).
    if (message.rfind("molt: ", 0) == 0 || reply.code == "bad_input")
        std::fputs(message.c_str(), stderr);
    else
        std::fprintf(stderr, "molt: %s", message.c_str());
    return UsageError;
}

} // namespace molt::cli
