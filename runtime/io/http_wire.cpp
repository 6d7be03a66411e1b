#include "runtime/io/http_wire.h"

#include "runtime/core/vm.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <deque>
#include <http_parser.h>
#include <memory>
#include <string>
#include <unordered_map>
#include <uv.h>
#include <vector>

namespace molt {

namespace {

struct Wire;

// One hosted callback waiting to run: the handler's name and a pinned Array of arguments.
struct Event {
    const char* handler;
    uint32_t argsPin;
};

struct Listener {
    uv_tcp_t tcp;
    Wire* wire;
    uint32_t id;
    uint32_t handlersPin;
    uint32_t connections = 0;
    bool closing = false, handleClosed = false;
};

struct Conn {
    uv_tcp_t tcp;
    http_parser parser;
    uv_connect_t connectReq;
    Wire* wire;
    uint32_t id;
    uint32_t handlersPin;
    uint32_t listenerId = 0; // 0: a client connection (it owns handlersPin)
    std::deque<Event> events;
    bool busy = false;    // an event's callback is running
    bool closing = false; // uv_close or uv_shutdown started: nothing more is written
    bool handleClosed = false;
    bool inMessage = false;  // the parser is inside a message
    bool peerEnded = false;  // server: the client half-closed; close once answered
    uint32_t unanswered = 0; // server: requests delivered whose response has not ended
    bool drainWanted = false; // a write found the queue past kHighWaterMark: post "drain"
    uint64_t idleSince = 0;   // server: loop time its last response ended with nothing pending
    // The message being parsed.
    std::string url, status, field, value;
    std::vector<std::string> headers; // name, value, name, value ...
    bool valueSeen = false;
    std::string peer; // a client's "host:port", for error messages
};

struct WriteReq {
    uv_write_t req;
    std::string data;
};

// Bytes queued in libuv (not yet taken by the kernel) past which write() answers false, so a
// hosted writer waits for "drain" instead of buffering without bound: node's default
// writableHighWaterMark for sockets (16 KiB).
constexpr size_t kHighWaterMark = 16 * 1024;

// A keep-alive connection that stays idle this long after its last response is closed, as
// node's server.keepAliveTimeout (5 s) does; the "Keep-Alive: timeout=5" header says so.
// One unreferenced timer sweeps every server connection each kIdleSweepMs.
constexpr uint64_t kKeepAliveTimeoutMs = 5000;
constexpr uint64_t kIdleSweepMs = 500;

const char kBadRequest[] = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";

struct Wire {
    explicit Wire(VM& vm) : vm(vm), sched(vm.scheduler()) {
        http_parser_settings_init(&settings);
        settings.on_message_begin = onMessageBegin;
        settings.on_url = onUrl;
        settings.on_status = onStatus;
        settings.on_header_field = onHeaderField;
        settings.on_header_value = onHeaderValue;
        settings.on_headers_complete = onHeadersComplete;
        settings.on_body = onBody;
        settings.on_message_complete = onMessageComplete;
        sched.addShutdownHook([this] {
            // No hosted code runs any more: close every handle, free in the close callbacks.
            shuttingDown = true;
            for (auto& [id, c] : conns)
                if (!c->handleClosed && !uv_is_closing(handle(c)))
                    uv_close(handle(c), onConnClosed);
            for (auto& [id, l] : listeners)
                if (!l->handleClosed && !uv_is_closing(handle(l)))
                    uv_close(handle(l), onListenerClosed);
            if (idleSweep) {
                uv_close(reinterpret_cast<uv_handle_t*>(idleSweep),
                         [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); });
                idleSweep = nullptr;
            }
        });
    }

    // Starts the idle sweep with the first listener; it never keeps the process alive.
    void startIdleSweep() {
        if (idleSweep || shuttingDown) return;
        idleSweep = new uv_timer_t;
        uv_timer_init(sched.loop(), idleSweep);
        idleSweep->data = this;
        uv_timer_start(idleSweep, [](uv_timer_t* t) { static_cast<Wire*>(t->data)->sweepIdle(); },
                       kIdleSweepMs, kIdleSweepMs);
        uv_unref(reinterpret_cast<uv_handle_t*>(idleSweep));
    }

    void sweepIdle() {
        uint64_t now = uv_now(sched.loop());
        std::vector<Conn*> expired;
        for (auto& [id, c] : conns)
            if (c->listenerId && c->idleSince && !c->closing && c->unanswered == 0 &&
                !c->inMessage && now - c->idleSince >= kKeepAliveTimeoutMs)
                expired.push_back(c);
        for (Conn* c : expired)
            closeGracefully(c);
    }

    VM& vm;
    Scheduler& sched;
    http_parser_settings settings;
    std::unordered_map<uint32_t, Conn*> conns;
    std::unordered_map<uint32_t, Listener*> listeners;
    uint32_t nextId = 1;
    bool shuttingDown = false;
    uv_timer_t* idleSweep = nullptr;
    char readBuffer[64 * 1024];

    static uv_handle_t* handle(Conn* c) { return reinterpret_cast<uv_handle_t*>(&c->tcp); }
    static uv_handle_t* handle(Listener* l) { return reinterpret_cast<uv_handle_t*>(&l->tcp); }
    static uv_stream_t* stream(Conn* c) { return reinterpret_cast<uv_stream_t*>(&c->tcp); }

    Conn* find(uint32_t id) {
        auto it = conns.find(id);
        return it == conns.end() ? nullptr : it->second;
    }

    // ---- events, one at a time per connection
    // Queues `handler(args...)` for `c`; the values are made by `fill`, which appends to the
    // pinned Array (so each is rooted as soon as it exists).
    template<typename Fill> void post(Conn* c, const char* handler, Fill fill) {
        if (shuttingDown) return;
        uint32_t pin = sched.pin(Value::object(vm.newArray()));
        auto push = [&](Value v) { vm.arrayPush(as<Array>(sched.pinned(pin)), v); };
        push(Value::integer(int32_t(c->id)));
        fill(push);
        c->events.push_back({handler, pin});
        pump(c);
    }

    void pump(Conn* c) {
        while (!c->busy && !c->events.empty()) {
            Event e = c->events.front();
            c->events.pop_front();
            Value fn = vm.recordGet(as<Record>(sched.pinned(c->handlersPin)), vm.intern(e.handler));
            if (fn.isEmpty() || !vm.isCallable(fn)) {
                sched.unpin(e.argsPin);
                continue;
            }
            Array* a = as<Array>(sched.pinned(e.argsPin));
            std::vector<Value> args(a->elements, a->elements + a->length);
            c->busy = true;
            uint32_t id = c->id;
            // callback() pins the arguments before it allocates; the Array keeps them until then.
            sched.callback(fn, Value::undefined(), args.data(), int(args.size()),
                           [this, id](Value) {
                               if (Conn* c = find(id)) {
                                   c->busy = false;
                                   pump(c);
                               }
                           });
            sched.unpin(e.argsPin);
        }
        maybeFree(c);
    }

    void maybeFree(Conn* c) {
        if (!c->handleClosed || c->busy || !c->events.empty()) return;
        conns.erase(c->id);
        if (c->listenerId) {
            auto it = listeners.find(c->listenerId);
            if (it != listeners.end()) {
                it->second->connections--;
                maybeFinishListener(it->second);
            }
        } else {
            sched.unpin(c->handlersPin);
        }
        delete c;
    }

    void maybeFinishListener(Listener* l) {
        if (!l->handleClosed || l->connections > 0) return;
        listeners.erase(l->id);
        if (!shuttingDown) {
            Value fn =
                vm.recordGet(as<Record>(sched.pinned(l->handlersPin)), vm.intern("serverClose"));
            if (!fn.isEmpty() && vm.isCallable(fn))
                sched.callback(fn, Value::undefined(), nullptr, 0);
        }
        sched.unpin(l->handlersPin);
        delete l;
    }

    // ---- closing
    void close(Conn* c) {
        if (c->closing && uv_is_closing(handle(c))) return;
        c->closing = true;
        if (!uv_is_closing(handle(c))) uv_close(handle(c), onConnClosed);
    }

    // Closes after the writes already queued have gone out.
    void closeGracefully(Conn* c) {
        if (c->closing) return;
        c->closing = true;
        auto* req = new uv_shutdown_t;
        req->data = c;
        if (uv_shutdown(req, stream(c), [](uv_shutdown_t* req, int) {
                auto* c = static_cast<Conn*>(req->data);
                delete req;
                if (!uv_is_closing(handle(c))) uv_close(handle(c), onConnClosed);
            }) != 0) {
            delete req;
            uv_close(handle(c), onConnClosed);
        }
    }

    static void onConnClosed(uv_handle_t* h) {
        auto* c = static_cast<Conn*>(h->data);
        c->handleClosed = true;
        c->closing = true;
        Wire* w = c->wire;
        if (w->shuttingDown) {
            for (Event& e : c->events)
                w->sched.unpin(e.argsPin);
            c->events.clear();
            c->busy = false;
            w->maybeFree(c);
            return;
        }
        bool aborted = c->inMessage;
        w->post(c, "close", [&](auto push) { push(Value::boolean(aborted)); });
    }

    static void onListenerClosed(uv_handle_t* h) {
        auto* l = static_cast<Listener*>(h->data);
        l->handleClosed = true;
        l->wire->maybeFinishListener(l);
    }

    // ---- writing
    // Queues `data`; false when the connection is closing or its queue is now past
    // kHighWaterMark, in which case "drain" is posted once the queue has gone out.
    bool write(Conn* c, std::string data) {
        if (c->closing) return false;
        if (data.empty()) return !c->drainWanted;
        auto* req = new WriteReq;
        req->data = std::move(data);
        req->req.data = c;
        uv_buf_t buf = uv_buf_init(req->data.data(), unsigned(req->data.size()));
        int r = uv_write(&req->req, stream(c), &buf, 1, [](uv_write_t* req, int status) {
            auto* c = static_cast<Conn*>(req->data);
            delete reinterpret_cast<WriteReq*>(req);
            // The peer went away: its close event tells the hosted side.
            if (status < 0 && !uv_is_closing(handle(c))) c->wire->close(c);
            else if (status == 0 && c->drainWanted && !c->closing &&
                     uv_stream_get_write_queue_size(stream(c)) == 0) {
                c->drainWanted = false;
                c->wire->post(c, "drain", [](auto) {});
            }
        });
        if (r != 0) {
            delete req;
            close(c);
            return false;
        }
        if (uv_stream_get_write_queue_size(stream(c)) >= kHighWaterMark) c->drainWanted = true;
        return !c->drainWanted;
    }

    // ---- reading and parsing
    static void onAlloc(uv_handle_t* h, size_t, uv_buf_t* buf) {
        Wire* w = static_cast<Conn*>(h->data)->wire;
        *buf = uv_buf_init(w->readBuffer, sizeof w->readBuffer);
    }

    static void onRead(uv_stream_t* s, ssize_t n, const uv_buf_t* buf) {
        auto* c = static_cast<Conn*>(s->data);
        Wire* w = c->wire;
        if (n == 0) return;
        if (n < 0) {
            // End of stream: a response without a length ends here; then the socket closes.
            // A client that half-closes after its requests still gets their answers.
            if (n == UV_EOF && c->listenerId && c->unanswered > 0 && !c->inMessage) {
                c->peerEnded = true;
                uv_read_stop(s);
                return;
            }
            if (n == UV_EOF && !c->listenerId)
                http_parser_execute(&c->parser, &w->settings, nullptr, 0);
            w->close(c);
            return;
        }
        if (c->closing) return;
        c->idleSince = 0;
        size_t used = http_parser_execute(&c->parser, &w->settings, buf->base, size_t(n));
        if (c->parser.upgrade || HTTP_PARSER_ERRNO(&c->parser) != HPE_OK || used != size_t(n)) {
            if (c->listenerId) {
                w->write(c, kBadRequest);
                w->closeGracefully(c);
            } else {
                auto name = http_errno_name(HTTP_PARSER_ERRNO(&c->parser));
                w->post(c, "error", [&](auto push) {
                    push(w->vm.str("HPE_INVALID"));
                    push(w->vm.str(std::string("Parse Error: ") + name));
                });
                w->close(c);
            }
        }
    }

    static Conn* of(http_parser* p) { return static_cast<Conn*>(p->data); }

    static int onMessageBegin(http_parser* p) {
        Conn* c = of(p);
        c->inMessage = true;
        c->url.clear();
        c->status.clear();
        c->field.clear();
        c->value.clear();
        c->headers.clear();
        c->valueSeen = false;
        return 0;
    }
    static int onUrl(http_parser* p, const char* at, size_t n) {
        of(p)->url.append(at, n);
        return 0;
    }
    static int onStatus(http_parser* p, const char* at, size_t n) {
        of(p)->status.append(at, n);
        return 0;
    }
    static void flushHeader(Conn* c) {
        if (!c->valueSeen) return;
        c->headers.push_back(std::move(c->field));
        c->headers.push_back(std::move(c->value));
        c->field.clear();
        c->value.clear();
        c->valueSeen = false;
    }
    static int onHeaderField(http_parser* p, const char* at, size_t n) {
        Conn* c = of(p);
        flushHeader(c);
        c->field.append(at, n);
        return 0;
    }
    static int onHeaderValue(http_parser* p, const char* at, size_t n) {
        Conn* c = of(p);
        c->value.append(at, n);
        c->valueSeen = true;
        return 0;
    }
    static int onHeadersComplete(http_parser* p) {
        Conn* c = of(p);
        Wire* w = c->wire;
        flushHeader(c);
        std::string version = std::to_string(p->http_major) + "." + std::to_string(p->http_minor);
        if (c->listenerId) {
            c->unanswered++;
            bool keepAlive = http_should_keep_alive(p) != 0;
            w->post(c, "request", [&](auto push) {
                push(w->vm.str(http_method_str(http_method(p->method))));
                push(w->vm.str(c->url));
                push(w->headerArray(c));
                push(Value::boolean(keepAlive));
                push(w->vm.str(version));
            });
        } else {
            w->post(c, "response", [&](auto push) {
                push(Value::integer(int32_t(p->status_code)));
                push(w->vm.str(c->status));
                push(w->headerArray(c));
                push(w->vm.str(version));
            });
        }
        return 0;
    }
    static int onBody(http_parser* p, const char* at, size_t n) {
        Conn* c = of(p);
        c->wire->post(c, "data",
                      [&](auto push) { push(c->wire->vm.str(std::string_view(at, n))); });
        return 0;
    }
    static int onMessageComplete(http_parser* p) {
        Conn* c = of(p);
        c->inMessage = false;
        c->wire->post(c, "end", [](auto) {});
        return 0;
    }

    // The flat list of header names and values as a hosted Array (rooted by the caller's
    // push as soon as it is returned: it is allocated last, filled without allocating).
    Value headerArray(Conn* c) {
        uint32_t pin = sched.pin(Value::object(vm.newArray(uint32_t(c->headers.size()))));
        for (const std::string& h : c->headers) {
            Value s = vm.str(h);
            vm.arrayPush(as<Array>(sched.pinned(pin)), s);
        }
        Value a = sched.pinned(pin);
        sched.unpin(pin);
        return a;
    }

    Conn* newConn(uint32_t handlersPin, uint32_t listenerId, http_parser_type type) {
        auto* c = new Conn;
        c->wire = this;
        c->id = nextId++;
        c->handlersPin = handlersPin;
        c->listenerId = listenerId;
        uv_tcp_init(sched.loop(), &c->tcp);
        c->tcp.data = c;
        http_parser_init(&c->parser, type);
        c->parser.data = c;
        conns[c->id] = c;
        return c;
    }

    static void onConnection(uv_stream_t* server, int status) {
        auto* l = static_cast<Listener*>(server->data);
        Wire* w = l->wire;
        if (status < 0 || l->closing) return;
        Conn* c = w->newConn(l->handlersPin, l->id, HTTP_REQUEST);
        l->connections++;
        if (uv_accept(server, stream(c)) != 0) {
            w->close(c);
            return;
        }
        uv_tcp_nodelay(&c->tcp, 1);
        uv_read_start(stream(c), onAlloc, onRead);
    }
};

Wire& wireOf(VM& vm) {
    return vm.scheduler().extension<Wire>();
}

uint32_t idArg(Value* args, int argc) {
    Value v = arg(args, argc, 0);
    return v.isNumber() && v.asNumber() >= 0 ? uint32_t(v.asNumber()) : 0;
}

// A socket address from a host name and port: IP literals, and "localhost" as 127.0.0.1.
bool resolve(const std::string& host, int port, sockaddr_storage& addr) {
    std::string h = host == "localhost" ? "127.0.0.1" : host;
    if (uv_ip4_addr(h.c_str(), port, reinterpret_cast<sockaddr_in*>(&addr)) == 0) return true;
    return uv_ip6_addr(h.c_str(), port, reinterpret_cast<sockaddr_in6*>(&addr)) == 0;
}

Value errorTriple(VM& vm, Value id, const std::string& code, const std::string& message) {
    Root keepId(vm.heap, id);
    Array* a = vm.newArray(3);
    Root keep(vm.heap, Value::object(a));
    vm.arrayPush(a, keepId.value);
    Value c = vm.str(code);
    vm.arrayPush(a, c);
    Value m = vm.str(message);
    vm.arrayPush(a, m);
    return Value::object(a);
}

// listen(host, port, handlers) -> [id] or [null, code, message]
Value wireListen(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    std::string host = isString(arg(args, argc, 0)) ? std::string(asString(args[0])->view()) : "::";
    int port = int(VM::toNumber(arg(args, argc, 1)));
    Value handlers = arg(args, argc, 2);
    if (!isKind(handlers, ObjKind::Record)) return vm.throwTypeError("listen: handlers expected");
    sockaddr_storage addr{};
    std::string where = host + ":" + std::to_string(port);
    if (port < 0 || port > 65535)
        return vm.throwRangeError("options.port should be >= 0 and < 65536. Received " +
                                  std::to_string(port) + ".");
    if (!resolve(host, port, addr))
        return errorTriple(vm, Value::null(), "ENOTFOUND", "getaddrinfo ENOTFOUND " + host);
    auto* l = new Listener;
    l->wire = &w;
    l->id = w.nextId++;
    uv_tcp_init(w.sched.loop(), &l->tcp);
    l->tcp.data = l;
    int r = uv_tcp_bind(&l->tcp, reinterpret_cast<sockaddr*>(&addr), 0);
    if (r == 0) r = uv_listen(reinterpret_cast<uv_stream_t*>(&l->tcp), 511, Wire::onConnection);
    if (r != 0) {
        uv_close(Wire::handle(l), [](uv_handle_t* h) { delete static_cast<Listener*>(h->data); });
        return errorTriple(vm, Value::null(), uv_err_name(r),
                           std::string("listen ") + uv_err_name(r) + ": " + uv_strerror(r) + " " +
                               where);
    }
    l->handlersPin = w.sched.pin(handlers);
    w.listeners[l->id] = l;
    w.startIdleSweep();
    return errorTriple(vm, Value::integer(int32_t(l->id)), "", "");
}

Value wireAddress(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    uint32_t id = idArg(args, argc);
    auto it = w.listeners.find(id);
    if (it == w.listeners.end() || it->second->closing) return Value::null();
    sockaddr_storage addr{};
    int len = sizeof addr;
    if (uv_tcp_getsockname(&it->second->tcp, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        return Value::null();
    char name[64] = {0};
    int port;
    const char* family;
    if (addr.ss_family == AF_INET6) {
        auto* a6 = reinterpret_cast<sockaddr_in6*>(&addr);
        uv_ip6_name(a6, name, sizeof name);
        port = ntohs(a6->sin6_port);
        family = "IPv6";
    } else {
        auto* a4 = reinterpret_cast<sockaddr_in*>(&addr);
        uv_ip4_name(a4, name, sizeof name);
        port = ntohs(a4->sin_port);
        family = "IPv4";
    }
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    vm.recordSet(r, "address", vm.str(name));
    vm.recordSet(r, "family", vm.str(family));
    vm.recordSet(r, vm.intern("port"), Value::integer(port));
    return Value::object(r);
}

// closeServer(id): stops accepting; idle connections close now, busy ones after their
// response. The handlers' serverClose runs once every connection has closed.
Value wireCloseServer(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    auto it = w.listeners.find(idArg(args, argc));
    if (it == w.listeners.end() || it->second->closing) return Value::boolean(false);
    Listener* l = it->second;
    l->closing = true;
    uv_close(Wire::handle(l), Wire::onListenerClosed);
    for (auto& [cid, c] : w.conns)
        if (c->listenerId == l->id && c->unanswered == 0 && !c->inMessage) w.closeGracefully(c);
    return Value::boolean(true);
}

// connect(host, port, handlers) -> id; the handlers get connect, response, data, end,
// error (code, message and, for a system error, libuv's negative errno) and close events.
Value wireConnect(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    std::string host =
        isString(arg(args, argc, 0)) ? std::string(asString(args[0])->view()) : "localhost";
    int port = int(VM::toNumber(arg(args, argc, 1)));
    Value handlers = arg(args, argc, 2);
    if (!isKind(handlers, ObjKind::Record)) return vm.throwTypeError("connect: handlers expected");
    Conn* c = w.newConn(w.sched.pin(handlers), 0, HTTP_RESPONSE);
    sockaddr_storage addr{};
    if (!resolve(host, port, addr) || port <= 0 || port > 65535) {
        std::string message = "getaddrinfo ENOTFOUND " + host;
        w.post(c, "error", [&](auto push) {
            push(vm.str("ENOTFOUND"));
            push(vm.str(message));
        });
        w.close(c);
        return Value::integer(int32_t(c->id));
    }
    c->connectReq.data = c;
    c->peer = host + ":" + std::to_string(port);
    int r = uv_tcp_connect(
        &c->connectReq, &c->tcp, reinterpret_cast<sockaddr*>(&addr),
        [](uv_connect_t* req, int status) {
            auto* c = static_cast<Conn*>(req->data);
            Wire* w = c->wire;
            if (status == UV_ECANCELED) return;
            if (status < 0) {
                w->post(c, "error", [&](auto push) {
                    push(w->vm.str(uv_err_name(status)));
                    push(w->vm.str(std::string("connect ") + uv_err_name(status) + " " + c->peer));
                    push(Value::integer(status));
                });
                w->close(c);
                return;
            }
            uv_tcp_nodelay(&c->tcp, 1);
            uv_read_start(Wire::stream(c), Wire::onAlloc, Wire::onRead);
            w->post(c, "connect", [](auto) {});
        });
    if (r != 0) {
        w.post(c, "error", [&](auto push) {
            push(vm.str(uv_err_name(r)));
            push(vm.str(std::string("connect ") + uv_err_name(r) + " " + c->peer));
            push(Value::integer(r));
        });
        w.close(c);
    }
    return Value::integer(int32_t(c->id));
}

// write(id, text...): the strings, in order, as one write (copied once); false when the
// writer should wait for "drain" (or the connection is gone).
Value wireWrite(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    Conn* c = w.find(idArg(args, argc));
    if (!c) return Value::boolean(false);
    size_t total = 0;
    for (int i = 1; i < argc; ++i) {
        if (!isString(args[i])) return Value::boolean(false);
        total += asString(args[i])->length;
    }
    std::string data;
    data.reserve(total);
    for (int i = 1; i < argc; ++i)
        data.append(asString(args[i])->view());
    return Value::boolean(w.write(c, std::move(data)));
}

// finish(id, keepOpen): a response on a server connection has been written in full.
Value wireFinish(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    Conn* c = w.find(idArg(args, argc));
    if (!c) return Value::undefined();
    if (c->unanswered > 0) c->unanswered--;
    bool keepOpen = VM::truthy(arg(args, argc, 1));
    bool listenerClosing = false;
    auto it = w.listeners.find(c->listenerId);
    if (it == w.listeners.end() || it->second->closing) listenerClosing = true;
    if (c->peerEnded && c->unanswered == 0) keepOpen = false;
    if (!keepOpen || (listenerClosing && c->unanswered == 0 && !c->inMessage)) w.closeGracefully(c);
    else if (c->unanswered == 0 && !c->inMessage) c->idleSince = std::max<uint64_t>(1, uv_now(w.sched.loop()));
    return Value::undefined();
}

Value wireEnd(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    if (Conn* c = w.find(idArg(args, argc))) w.closeGracefully(c);
    return Value::undefined();
}

Value wireDestroy(VM& vm, Value, Value* args, int argc) {
    Wire& w = wireOf(vm);
    if (Conn* c = w.find(idArg(args, argc))) w.close(c);
    return Value::undefined();
}

Value wireByteLength(VM& vm, Value, Value* args, int argc) {
    Value s = arg(args, argc, 0);
    return Value::integer(isString(s) ? int32_t(asString(s)->view().size()) : 0);
}

// The current time as an HTTP date ("Tue, 01 Dec 2026 04:03:00 GMT"), at most once a second.
Value wireDate(VM& vm, Value, Value*, int) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[40];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return vm.str(text);
}

} // namespace

Value newHttpWire(VM& vm) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    auto add = [&](const char* name, NativeFn fn, int arity) {
        vm.recordSet(r, name, Value::object(vm.newNative(name, fn, arity)));
    };
    add("listen", wireListen, 3);
    add("address", wireAddress, 1);
    add("closeServer", wireCloseServer, 1);
    add("connect", wireConnect, 3);
    add("write", wireWrite, 2);
    add("finish", wireFinish, 2);
    add("end", wireEnd, 1);
    add("destroy", wireDestroy, 1);
    add("byteLength", wireByteLength, 1);
    add("date", wireDate, 0);
    return Value::object(r);
}

} // namespace molt
