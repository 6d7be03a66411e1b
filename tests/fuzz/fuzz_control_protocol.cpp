// Feeds arbitrary bytes to the control channel's decoder as a peer would send them: split
// into lines (with a small limit, so the too-long path is reached), each line decoded.
// Every line must give exactly one of a Request or a ProtocolError with a code, and its
// answer must encode; crashes and sanitizer reports are bugs.
#include "control/protocol.h"

#include <cstdint>
#include <cstdlib>

using namespace molt::control;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    LineBuffer lines(4096);
    // Fed in two pieces, as bytes arrive from a socket.
    size_t half = size / 2;
    lines.feed(reinterpret_cast<const char*>(data), half);
    lines.feed(reinterpret_cast<const char*>(data) + half, size - half);
    while (auto line = lines.next()) {
        if (line->tooLong) continue;
        ProtocolError error;
        std::optional<Request> request = decodeRequest(line->text, error);
        if (request) {
            if (!error.code.empty()) std::abort();
            std::string again = encodeRequest(*request);
            ProtocolError second;
            if (!decodeRequest(again.substr(0, again.size() - 1), second)) std::abort();
        } else {
            if (error.code.empty()) std::abort();
            if (encodeError(error).empty()) std::abort();
        }
    }
    return 0;
}
