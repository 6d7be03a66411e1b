#include "app/cli/control_client.h"

#include "control/control_socket.h"

#include <cstdio>
#include <unistd.h>

namespace molt::cli {

std::optional<int> askProcess(const std::string& socket, const control::Request& request,
                              control::Reply& reply) {
    Result<int> fd = control::connectTo(socket);
    if (!fd) {
        std::fprintf(stderr, "molt: %s\n", fd.error().message().c_str());
        return Unreachable;
    }
    Result<std::string> answer =
        control::roundTrip(fd.value(), control::encodeRequest(request), -1);
    ::close(fd.value());
    if (!answer) {
        std::fprintf(stderr, "molt: %s: %s\n", socket.c_str(), answer.error().message().c_str());
        return Unreachable;
    }
    std::string problem;
    std::optional<control::Reply> decoded = control::decodeReply(answer.value(), problem);
    if (!decoded) {
        std::fprintf(stderr, "molt: %s: %s\n", socket.c_str(), problem.c_str());
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
