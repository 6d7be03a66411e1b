// internal/fetch — the globals fetch, Headers and Response: node 20's (undici's) subset for
// plain http:// URLs, over require("http")'s client. Loaded the first time a program names one
// of them (microtasks.cpp's lazy globals), so a program that never fetches pays nothing.
//
// Invariants:
//   * fetch() settles once the response head has arrived, as undici does; the body is read
//     from then on into the Response, so text()/json() never miss a chunk, and a body nobody
//     reads is no unhandled rejection.
//   * Every failure before the head (a refused connection, a bad URL, https:) rejects with
//     node's `TypeError: fetch failed` (or `Failed to parse URL from …`) whose `cause` is
//     the underlying error; the system errors are http's own (`code`, `errno`, `syscall`…).
//   * Headers keep lower-cased names; iteration is sorted by name, repeated names are joined
//     with ", " except set-cookie, which iterates once per value, as the Fetch standard says.
const http = require("http");

const REDIRECTS = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 20;

function headerName(name) {
  const n = String(name);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(n))
    throw new TypeError(`Headers.append: "${n}" is an invalid header name.`);
  return n.toLowerCase();
}

function headerValue(value) {
  return String(value).trim();
}

class Headers {
  #values = new Map(); // lower-cased name -> array of values, in arrival order

  constructor(init) {
    if (init === undefined || init === null) return;
    if (init instanceof Headers) {
      init.forEach((value, name) => this.append(name, value));
    } else if (Array.isArray(init)) {
      for (const pair of init) {
        if (!Array.isArray(pair) || pair.length !== 2)
          throw new TypeError("Headers constructor: expected name/value pair to be length 2, found " +
            (Array.isArray(pair) ? pair.length : 0) + ".");
        this.append(pair[0], pair[1]);
      }
    } else if (typeof init === "object") {
      for (const name of Object.keys(init)) this.append(name, init[name]);
    } else {
      throw new TypeError("Headers constructor: Expected init to be an object or an array of pairs.");
    }
  }

  append(name, value) {
    const key = headerName(name);
    const list = this.#values.get(key);
    if (list) list.push(headerValue(value));
    else this.#values.set(key, [headerValue(value)]);
  }

  set(name, value) {
    this.#values.set(headerName(name), [headerValue(value)]);
  }

  delete(name) {
    this.#values.delete(headerName(name));
  }

  get(name) {
    const list = this.#values.get(headerName(name));
    return list === undefined ? null : list.join(", ");
  }

  has(name) {
    return this.#values.has(headerName(name));
  }

  getSetCookie() {
    const list = this.#values.get("set-cookie");
    return list === undefined ? [] : list.slice();
  }

  // [name, value] pairs in the standard's order: sorted names, set-cookie once per value.
  #pairs() {
    const names = Array.from(this.#values.keys()).sort();
    const pairs = [];
    for (const name of names) {
      const list = this.#values.get(name);
      if (name === "set-cookie") for (const v of list) pairs.push([name, v]);
      else pairs.push([name, list.join(", ")]);
    }
    return pairs;
  }

  forEach(callback, thisArg) {
    if (typeof callback !== "function")
      throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    for (const [name, value] of this.#pairs()) callback.call(thisArg, value, name, this);
  }

  *entries() {
    yield* this.#pairs();
  }

  *keys() {
    for (const pair of this.#pairs()) yield pair[0];
  }

  *values() {
    for (const pair of this.#pairs()) yield pair[1];
  }

  [Symbol.iterator]() {
    return this.entries();
  }
}

// The body of a Response: its text once complete, or the error that ended it, and the
// readers waiting for either.
class Body {
  text = "";
  done = false;
  error = undefined;
  waiters = [];

  static of(text) {
    const body = new Body();
    body.text = text;
    body.done = true;
    return body;
  }

  finish(error) {
    this.done = true;
    this.error = error;
    for (const [resolve, reject] of this.waiters) {
      if (error === undefined) resolve(this.text);
      else reject(error);
    }
    this.waiters = [];
  }

  read() {
    return new Promise((resolve, reject) => {
      if (!this.done) this.waiters.push([resolve, reject]);
      else if (this.error === undefined) resolve(this.text);
      else reject(this.error);
    });
  }
}

class Response {
  #status;
  #statusText;
  #headers;
  #url;
  #redirected;
  #body;
  #used = false;

  constructor(body, init) {
    const options = init || {};
    this.#status = options.status === undefined ? 200 : Number(options.status);
    if (!(this.#status >= 200 && this.#status <= 599) || !Number.isInteger(this.#status))
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    this.#statusText = options.statusText === undefined ? "" : String(options.statusText);
    this.#headers = new Headers(options.headers);
    this.#url = "";
    this.#redirected = false;
    if (body === undefined || body === null) {
      this.#body = Body.of("");
    } else {
      this.#body = Body.of(String(body));
      if (!this.#headers.has("content-type")) this.#headers.set("content-type", "text/plain;charset=UTF-8");
    }
  }

  // What fetch makes from a response head; the body arrives later.
  static fromWire(status, statusText, headers, url, redirected, body) {
    const r = new Response(undefined, { status: status < 200 ? 200 : status });
    r.#status = status;
    r.#statusText = statusText;
    r.#headers = headers;
    r.#url = url;
    r.#redirected = redirected;
    r.#body = body;
    return r;
  }

  get status() { return this.#status; }
  get statusText() { return this.#statusText; }
  get ok() { return this.#status >= 200 && this.#status <= 299; }
  get headers() { return this.#headers; }
  get url() { return this.#url; }
  get redirected() { return this.#redirected; }
  get type() { return "basic"; }
  get bodyUsed() { return this.#used; }

  text() {
    if (this.#used) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#used = true;
    return this.#body.read();
  }

  async json() {
    return JSON.parse(await this.text());
  }
}

function fetchFailed(cause) {
  return new TypeError("fetch failed", { cause: cause });
}

function causeError(message, code) {
  const e = new Error(message);
  if (code !== undefined) e.code = code;
  return e;
}

// "http://Host:80/p?q#f" -> { scheme, hostname, port, path, href } with node's normalisation
// of what this subset can meet (lower-cased scheme and host, default port and fragment
// dropped, "/" for an empty path); null when it is no absolute URL.
function parseUrl(text) {
  const m = /^([A-Za-z][A-Za-z0-9+.\-]*):(\/\/)?([^\/?#]*)([^#]*)/.exec(text);
  if (m === null || (m[2] === undefined && /^https?$/i.test(m[1]))) return null;
  const scheme = m[1].toLowerCase();
  let authority = m[3];
  const at = authority.lastIndexOf("@");
  if (at >= 0) authority = authority.slice(at + 1);
  let hostname = authority;
  let port = "";
  const ipv6 = /^\[([0-9A-Fa-f:.]+)\](?::(\d*))?$/.exec(authority);
  if (ipv6 !== null) {
    hostname = ipv6[1];
    port = ipv6[2] === undefined ? "" : ipv6[2];
  } else {
    const colon = authority.lastIndexOf(":");
    if (colon >= 0) {
      hostname = authority.slice(0, colon);
      port = authority.slice(colon + 1);
    }
    if (/[\s\[\]]/.test(hostname)) return null;
  }
  if (!/^\d*$/.test(port) || (port !== "" && Number(port) > 65535)) return null;
  if ((scheme === "http" || scheme === "https") && hostname === "") return null;
  hostname = hostname.toLowerCase();
  const defaultPort = scheme === "https" ? 443 : 80;
  const portNumber = port === "" ? defaultPort : Number(port);
  const path = m[4] === "" ? "/" : m[4];
  const shownHost = ipv6 !== null ? "[" + hostname + "]" : hostname;
  const shownPort = portNumber === defaultPort ? "" : ":" + portNumber;
  return {
    scheme: scheme,
    hostname: hostname,
    port: portNumber,
    path: path,
    href: scheme + "://" + shownHost + shownPort + path,
  };
}

// The target of a Location header, relative to the URL that answered.
function resolveLocation(location, base) {
  if (/^[A-Za-z][A-Za-z0-9+.\-]*:/.test(location)) return location;
  const origin = base.href.slice(0, base.href.length - base.path.length);
  if (location.startsWith("//")) return base.scheme + ":" + location;
  if (location.startsWith("/")) return origin + location;
  const dir = base.path.split("?")[0];
  return origin + dir.slice(0, dir.lastIndexOf("/") + 1) + location;
}

const TOKEN_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

function normalizeMethod(method) {
  const m = String(method);
  const upper = m.toUpperCase();
  return TOKEN_METHODS.includes(upper) ? upper : m;
}

// One request and its response head: resolves [res, url] or rejects with fetch's error.
function exchange(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const sent = {};
    headers.forEach((value, name) => { sent[name] = value; });
    if (!headers.has("accept")) sent["accept"] = "*/*";
    if (body !== undefined && !headers.has("content-type")) sent["content-type"] = "text/plain;charset=UTF-8";
    const req = http.request({
      hostname: url.hostname,
      port: url.port,
      path: url.path,
      method: method,
      headers: sent,
    });
    req.on("response", (res) => resolve(res));
    req.on("error", (e) => reject(fetchFailed(e)));
    req.end(body);
  });
}

function bodyOf(res) {
  const body = new Body();
  res.on("data", (chunk) => { body.text += chunk; });
  res.on("end", () => body.finish(undefined));
  res.on("aborted", () => {
    if (!body.done) body.finish(new TypeError("terminated", { cause: causeError("other side closed", "UND_ERR_SOCKET") }));
  });
  return body;
}

async function fetch(input, init) {
  const text = String(input);
  const options = init === undefined || init === null ? {} : init;
  const url = parseUrl(text);
  if (url === null) {
    const cause = new TypeError("Invalid URL");
    cause.code = "ERR_INVALID_URL";
    cause.input = text;
    throw new TypeError("Failed to parse URL from " + text, { cause: cause });
  }
  let method = options.method === undefined ? "GET" : normalizeMethod(options.method);
  let body = options.body === undefined || options.body === null ? undefined : String(options.body);
  if (body !== undefined && (method === "GET" || method === "HEAD"))
    throw new TypeError("Request with GET/HEAD method cannot have body.");
  const headers = new Headers(options.headers);
  const redirect = options.redirect === undefined ? "follow" : String(options.redirect);
  let current = url;
  for (let hops = 0; ; hops++) {
    if (current.scheme === "https")
      throw fetchFailed(causeError("https: is not supported: Molt's fetch speaks plain http:// only", "ERR_MOLT_HTTPS_UNSUPPORTED"));
    if (current.scheme !== "http") throw fetchFailed(causeError("unknown scheme"));
    const res = await exchange(current, method, headers, body);
    const responseHeaders = new Headers();
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
      responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    const location = responseHeaders.get("location");
    if (redirect !== "manual" && REDIRECTS.includes(res.statusCode) && location !== null) {
      if (redirect === "error") throw fetchFailed(causeError("unexpected redirect"));
      if (hops + 1 > MAX_REDIRECTS) throw fetchFailed(causeError("redirect count exceeded"));
      const next = parseUrl(resolveLocation(location, current));
      if (next === null) throw fetchFailed(new TypeError("Invalid URL"));
      res.on("data", () => {}); // let the connection finish
      if (res.statusCode === 303 ? method !== "HEAD" : (method === "POST" && res.statusCode <= 302)) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
        headers.delete("content-length");
      }
      current = next;
      continue;
    }
    return Response.fromWire(res.statusCode, res.statusMessage, responseHeaders, current.href,
      hops > 0, bodyOf(res));
  }
}

module.exports = { fetch, Headers, Response };
