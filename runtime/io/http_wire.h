// http_wire.h — the native half of require("http"): TCP over the VM's libuv loop and HTTP/1.1
// parsing with libhttp-parser (node's former parser). The hosted half (http.js) builds node's
// objects (Server, IncomingMessage, ServerResponse, ClientRequest) on top of it.
//
// Invariants:
//   * Each connection delivers its events (request or response head, body chunk, message
//     end, close, error) to hosted handlers one at a time, in wire order: the next event's
//     callback starts only when the previous one's green thread has ended. So a request
//     handler runs to its end (it may sleep or be preempted) before its body arrives, as in
//     node's run-to-completion callbacks, and two events of one socket never race.
//   * Everything an event carries (method, url, headers, body text) is made a hosted string
//     when it arrives, so the heap (and --max-heap) counts it; the native side only keeps
//     what libuv and the parser hold for the bytes in flight.
//   * A connection id stays valid until its `close` event has run; calls with an id that is
//     closed (the peer went away) do nothing, so a disconnect never crashes a handler.
//   * Malformed input on a server connection is answered with a 400 and the connection is
//     closed without reaching hosted code, as node's default clientError handler does.
#pragma once

#include "runtime/core/value.h"

namespace molt {

class VM;

// The record of natives http.js receives (listen, connect, write, end, destroy, address,
// closeServer, byteLength). Allocates.
Value newHttpWire(VM& vm);

// require("http"): the module's exports, loaded once per VM.
Value requireHttp(VM& vm);

} // namespace molt
