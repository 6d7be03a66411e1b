// require("http"), the hosted half: node's Server, IncomingMessage, ServerResponse and
// ClientRequest over the native wire (runtime/io/http_wire.cpp), which owns the sockets and
// parses HTTP with libhttp-parser. The wire delivers each connection's events one at a
// time, so the code here never sees two events of one socket at once.
//
// Invariants:
//   * Responses on one keep-alive connection go out in request order: only the oldest
//     unfinished response writes to the socket; later ones buffer until it has ended.
//   * Bodies are strings (UTF-8); Content-Length counts their bytes (wire.byteLength).
//   * A response without Content-Length is sent chunked (HTTP/1.1) or closes the connection.
//   * Backpressure as in node: write() answers false once the socket's queue (or, for a
//     response still waiting behind an older one, its own buffer) holds HIGH_WATER bytes,
//     and that response gets one 'drain' when it may write again.
module.exports = function (wire) {
  const STATUS = {
    100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
    204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found",
    303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
    411: "Length Required", 413: "Payload Too Large", 415: "Unsupported Media Type",
    418: "I'm a Teapot", 422: "Unprocessable Entity", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
  };
  const HIGH_WATER = 16384; // node's writableHighWaterMark for a response
  const METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

  class Emitter {
    _listeners = null;
    on(name, fn) {
      if (this._listeners === null) this._listeners = new Map();
      const list = this._listeners.get(name);
      if (list) list.push(fn);
      else this._listeners.set(name, [fn]);
      return this;
    }
    addListener(name, fn) { return this.on(name, fn); }
    once(name, fn) {
      const self = this;
      const wrapper = (...args) => { self.off(name, wrapper); fn(...args); };
      return this.on(name, wrapper);
    }
    off(name, fn) {
      const list = this._listeners === null ? undefined : this._listeners.get(name);
      if (list) {
        const i = list.indexOf(fn);
        if (i >= 0) list.splice(i, 1);
      }
      return this;
    }
    removeListener(name, fn) { return this.off(name, fn); }
    listenerCount(name) {
      const list = this._listeners === null ? undefined : this._listeners.get(name);
      return list ? list.length : 0;
    }
    emit(name, ...args) {
      const list = this._listeners === null ? undefined : this._listeners.get(name);
      if (!list || list.length === 0) {
        if (name === "error") throw args[0];
        return false;
      }
      for (const fn of list.slice()) fn(...args);
      return true;
    }
  }

  // node's errors from sockets: a plain Error with `code` and the fields that apply.
  function systemError(code, message, extra) {
    const e = new Error(message);
    e.code = code;
    if (extra) for (const k of Object.keys(extra)) e[k] = extra[k];
    return e;
  }

  // name, value, name, value ... -> { lower-cased name: value }, repeats joined as node does.
  function headerRecord(flat) {
    const headers = {};
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const name = flat[i].toLowerCase();
      const prev = headers[name];
      if (prev === undefined) headers[name] = flat[i + 1];
      else if (name === "set-cookie") headers[name] = [].concat(prev, flat[i + 1]);
      else if (name !== "content-length" && name !== "host") headers[name] = prev + ", " + flat[i + 1];
    }
    return headers;
  }

  class IncomingMessage extends Emitter {
    method = undefined;
    url = undefined;
    headers = {};
    rawHeaders = [];
    httpVersion = "1.1";
    statusCode = undefined;
    statusMessage = undefined;
    complete = false;
    aborted = false;
    setEncoding() { return this; }
    resume() { return this; }
  }

  // One server connection: its id on the wire and its responses not yet ended, oldest first.
  class Connection {
    constructor(id, server) {
      this.id = id;
      this.server = server;
      this.pending = [];
      this.request = null;
    }
  }

  class ServerResponse extends Emitter {
    statusCode = 200;
    statusMessage = undefined;
    headersSent = false;
    finished = false;
    writableEnded = false;
    writableNeedDrain = false;
    writableHighWaterMark = HIGH_WATER;
    constructor(conn, req, keepAlive) {
      super();
      this._conn = conn;
      this._req = req;
      this._keepAlive = keepAlive;
      this._headers = new Map();
      this._chunked = false;
      this._buffered = [];
      this._bufferedBytes = 0;
      this._head = req.method === "HEAD";
      this._headFixed = false; // writeHead was called: as in node, the body length is unknown
    }
    setHeader(name, value) {
      this._headers.set(String(name).toLowerCase(), [String(name), value]);
      return this;
    }
    getHeader(name) {
      const h = this._headers.get(String(name).toLowerCase());
      return h === undefined ? undefined : h[1];
    }
    hasHeader(name) { return this._headers.has(String(name).toLowerCase()); }
    removeHeader(name) { this._headers.delete(String(name).toLowerCase()); }
    getHeaderNames() { return Array.from(this._headers.keys()); }
    writeHead(statusCode, message, headers) {
      if (typeof message !== "string") { headers = message; message = undefined; }
      this.statusCode = statusCode;
      if (message !== undefined) this.statusMessage = message;
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
      } else if (headers) {
        for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
      }
      this._headFixed = true;
      return this;
    }
    _headText(bodyBytes) {
      const code = this.statusCode;
      const message = this.statusMessage !== undefined ? this.statusMessage : (STATUS[code] || "unknown");
      let text = "HTTP/1.1 " + code + " " + message + "\r\n";
      const connection = this.getHeader("connection");
      if (connection !== undefined && String(connection).toLowerCase() === "close") this._keepAlive = false;
      if (!this._headers.has("date")) text += "Date: " + wire.date() + "\r\n";
      if (connection === undefined) {
        text += this._keepAlive ? "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n" : "Connection: close\r\n";
      }
      const noBody = code === 204 || code === 304 || (code >= 100 && code < 200);
      if (!noBody && !this._headers.has("content-length") && !this._headers.has("transfer-encoding")) {
        if (bodyBytes >= 0) text += "Content-Length: " + bodyBytes + "\r\n";
        else if (this._req.httpVersion === "1.1") { text += "Transfer-Encoding: chunked\r\n"; this._chunked = true; }
        else this._keepAlive = false;
      }
      for (const [name, value] of this._headers.values()) {
        if (Array.isArray(value)) for (const v of value) text += name + ": " + v + "\r\n";
        else text += name + ": " + value + "\r\n";
      }
      this.headersSent = true;
      return text + "\r\n";
    }
    // Writes or buffers the head and framing `before`, the `body` and the framing `after`,
    // kept apart so that a big body is copied once, by the wire, not concatenated here;
    // false once the writer should wait for 'drain'.
    _send(before, body, after) {
      if (this._conn.pending[0] === this) return wire.write(this._conn.id, before, body, after);
      const text = before + body + after;
      this._buffered.push(text);
      this._bufferedBytes += text.length;
      return this._bufferedBytes < HIGH_WATER;
    }
    write(chunk) {
      if (this.writableEnded) throw systemError("ERR_STREAM_WRITE_AFTER_END", "write after end");
      const body = chunk === undefined || chunk === null ? "" : String(chunk);
      let before = this.headersSent ? "" : this._headText(-1);
      let payload = "", after = "";
      if (!this._head && body.length > 0) {
        payload = body;
        if (this._chunked) { before += wire.byteLength(body).toString(16) + "\r\n"; after = "\r\n"; }
      }
      const ok = this._send(before, payload, after);
      if (!ok) this.writableNeedDrain = true;
      return ok;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
      if (typeof encoding === "function") cb = encoding;
      if (this.writableEnded) return this;
      const body = chunk === undefined || chunk === null ? "" : String(chunk);
      let before = this.headersSent ? "" : this._headText(this._headFixed ? -1 : wire.byteLength(body));
      let payload = "", after = "";
      if (!this._head && body.length > 0) {
        payload = body;
        if (this._chunked) { before += wire.byteLength(body).toString(16) + "\r\n"; after = "\r\n"; }
      }
      if (this._chunked && !this._head) after += "0\r\n\r\n";
      this.writableEnded = true;
      this.finished = true;
      this._send(before, payload, after);
      const conn = this._conn;
      if (conn.pending[0] === this) advance(conn);
      this.emit("finish");
      if (cb) cb();
      return this;
    }
  }

  // The oldest response has ended: tell the wire, then let the next one write what it buffered.
  function advance(conn) {
    while (conn.pending.length > 0 && conn.pending[0].writableEnded) {
      const done = conn.pending.shift();
      wire.finish(conn.id, done._keepAlive);
      const next = conn.pending[0];
      if (next) {
        let ok = true;
        for (const text of next._buffered) ok = wire.write(conn.id, text) && ok;
        next._buffered = [];
        next._bufferedBytes = 0;
        // Waiting for 'drain' with the socket's queue short: no wire drain will come.
        if (ok && next.writableNeedDrain && !next.writableEnded) setImmediate(() => emitDrain(next));
      }
    }
  }

  function emitDrain(res) {
    if (!res.writableNeedDrain) return;
    res.writableNeedDrain = false;
    res.emit("drain");
  }

  class Server extends Emitter {
    listening = false;
    constructor(handler) {
      super();
      this._id = null;
      this._connections = new Map();
      this._closeCallbacks = [];
      if (handler) this.on("request", handler);
      const server = this;
      const connOf = (id) => {
        let conn = server._connections.get(id);
        if (!conn) { conn = new Connection(id, server); server._connections.set(id, conn); }
        return conn;
      };
      this._handlers = {
        request(id, method, url, flat, keepAlive, version) {
          const conn = connOf(id);
          const req = new IncomingMessage();
          req.method = method;
          req.url = url;
          req.rawHeaders = flat;
          req.headers = headerRecord(flat);
          req.httpVersion = version;
          const res = new ServerResponse(conn, req, keepAlive);
          conn.request = req;
          conn.pending.push(res);
          server.emit("request", req, res);
        },
        data(id, chunk) {
          const conn = server._connections.get(id);
          if (conn && conn.request) conn.request.emit("data", chunk);
        },
        drain(id) {
          const conn = server._connections.get(id);
          if (conn && conn.pending.length > 0) emitDrain(conn.pending[0]);
        },
        end(id) {
          const conn = server._connections.get(id);
          if (conn && conn.request) {
            const req = conn.request;
            conn.request = null;
            req.complete = true;
            req.emit("end");
          }
        },
        close(id, aborted) {
          const conn = server._connections.get(id);
          if (!conn) return;
          server._connections.delete(id);
          if (conn.request) {
            conn.request.aborted = true;
            conn.request.emit("aborted");
            conn.request.emit("close");
          }
          for (const res of conn.pending) res.emit("close");
        },
        serverClose() {
          server.emit("close");
        },
      };
    }
    listen(port, host, backlog, cb) {
      const args = [port, host, backlog, cb];
      cb = undefined;
      for (let i = args.length - 1; i >= 0; i--) if (typeof args[i] === "function") { cb = args[i]; args[i] = undefined; break; }
      if (port !== null && typeof port === "object") { host = port.host; port = port.port; }
      else host = typeof args[1] === "string" ? args[1] : undefined;
      port = port === undefined || port === null ? 0 : Number(port);
      if (cb) this.once("listening", cb);
      const result = wire.listen(host === undefined ? "::" : host, port, this._handlers);
      const server = this;
      if (result[0] === null) {
        const err = systemError(result[1], result[2], { errno: undefined, syscall: "listen", address: host === undefined ? "::" : host, port: port });
        setTimeout(() => server.emit("error", err), 0);
        return this;
      }
      this._id = result[0];
      this.listening = true;
      setTimeout(() => server.emit("listening"), 0);
      return this;
    }
    address() {
      return this._id === null ? null : wire.address(this._id);
    }
    close(cb) {
      const server = this;
      if (this._id === null || !this.listening) {
        const err = systemError("ERR_SERVER_NOT_RUNNING", "Server is not running.");
        if (cb) setTimeout(() => cb(err), 0);
        return this;
      }
      if (cb) this.once("close", cb);
      this.listening = false;
      wire.closeServer(this._id);
      return this;
    }
    closeAllConnections() {
      for (const id of Array.from(this._connections.keys())) wire.destroy(id);
    }
    setTimeout() { return this; }
  }

  class ClientRequest extends Emitter {
    method = "GET";
    path = "/";
    host = "localhost";
    port = 80;
    constructor(options, cb) {
      super();
      this._headers = new Map();
      this._body = [];
      this._ended = false;
      this._id = null;
      this._connected = false;
      this._res = null;
      this.method = (options.method || "GET").toUpperCase();
      this.path = options.path || "/";
      this.host = options.hostname || options.host || "localhost";
      this.port = options.port === undefined ? 80 : Number(options.port);
      if (options.headers) for (const k of Object.keys(options.headers)) this.setHeader(k, options.headers[k]);
      if (cb) this.once("response", cb);
      const req = this;
      this._id = wire.connect(this.host, this.port, {
        connect(id) { req._connected = true; req._flush(); },
        response(id, status, message, flat, version) {
          const res = new IncomingMessage();
          res.statusCode = status;
          res.statusMessage = message;
          res.rawHeaders = flat;
          res.headers = headerRecord(flat);
          res.httpVersion = version;
          req._res = res;
          req.emit("response", res);
        },
        data(id, chunk) { if (req._res) req._res.emit("data", chunk); },
        end(id) {
          const res = req._res;
          if (!res) return;
          res.complete = true;
          wire.end(id);
          res.emit("end");
        },
        error(id, code, message, errno) {
          // node's field order: errno, code, syscall, address, port
          const e = new Error(message);
          if (errno !== undefined) e.errno = errno;
          e.code = code;
          e.syscall = "connect";
          e.address = req.host;
          e.port = req.port;
          req.emit("error", e);
        },
        close(id, aborted) {
          const res = req._res;
          if (res && !res.complete) { res.aborted = true; res.emit("aborted"); res.emit("close"); }
          else if (res) res.emit("close");
          req.emit("close");
        },
      });
    }
    setHeader(name, value) { this._headers.set(String(name).toLowerCase(), [String(name), value]); return this; }
    getHeader(name) { const h = this._headers.get(String(name).toLowerCase()); return h === undefined ? undefined : h[1]; }
    removeHeader(name) { this._headers.delete(String(name).toLowerCase()); }
    write(chunk) { this._body.push(String(chunk)); return true; }
    end(chunk, cb) {
      if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) this._body.push(String(chunk));
      this._ended = true;
      if (cb) this.once("finish", cb);
      this._flush();
      return this;
    }
    _flush() {
      if (!this._connected || !this._ended) return;
      const body = this._body.join("");
      let text = this.method + " " + this.path + " HTTP/1.1\r\n";
      if (!this._headers.has("host")) text += "Host: " + this.host + ":" + this.port + "\r\n";
      if (!this._headers.has("connection")) text += "Connection: close\r\n";
      const bodyless = (this.method === "GET" || this.method === "HEAD") && body.length === 0;
      if (!bodyless && !this._headers.has("content-length")) text += "Content-Length: " + wire.byteLength(body) + "\r\n";
      for (const [name, value] of this._headers.values()) text += name + ": " + value + "\r\n";
      wire.write(this._id, text + "\r\n" + body);
      this.emit("finish");
    }
    destroy() { wire.destroy(this._id); return this; }
    abort() { this.destroy(); }
    setTimeout() { return this; }
  }

  // http.request(url | options [, options] [, cb])
  function requestOptions(input, options) {
    let opts = {};
    if (typeof input === "string") {
      if (!input.startsWith("http://")) throw systemError("ERR_INVALID_URL", "Invalid URL", { input: input });
      const rest = input.slice(7);
      const slash = rest.indexOf("/");
      const authority = slash < 0 ? rest : rest.slice(0, slash);
      const colon = authority.lastIndexOf(":");
      const hostname = colon < 0 ? authority : authority.slice(0, colon);
      const port = colon < 0 ? 80 : Number(authority.slice(colon + 1));
      if (hostname.length === 0 || !(port >= 0)) throw systemError("ERR_INVALID_URL", "Invalid URL", { input: input });
      opts = { hostname: hostname, port: port, path: slash < 0 ? "/" : rest.slice(slash) };
    } else if (input) {
      opts = input;
    }
    if (options && typeof options === "object") {
      const merged = {};
      for (const k of Object.keys(opts)) merged[k] = opts[k];
      for (const k of Object.keys(options)) merged[k] = options[k];
      opts = merged;
    }
    return opts;
  }

  function request(input, options, cb) {
    if (typeof options === "function") { cb = options; options = undefined; }
    return new ClientRequest(requestOptions(input, options), cb);
  }

  function get(input, options, cb) {
    const req = request(input, options, cb);
    req.end();
    return req;
  }

  function createServer(options, handler) {
    if (typeof options === "function") handler = options;
    return new Server(handler);
  }

  return {
    createServer: createServer,
    request: request,
    get: get,
    Server: Server,
    IncomingMessage: IncomingMessage,
    ServerResponse: ServerResponse,
    ClientRequest: ClientRequest,
    METHODS: METHODS,
    STATUS_CODES: STATUS,
  };
};
