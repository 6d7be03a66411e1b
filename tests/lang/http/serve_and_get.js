// A server and a client in one program on 127.0.0.1, port 0: request line, lower-cased
// headers, status, response headers and a UTF-8 body; close runs its callback at the end.
const http = require("http");
let hits = 0;
const server = http.createServer((req, res) => {
  hits++;
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    console.log("server got", req.method, req.url, req.headers["x-test"], JSON.stringify(body));
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.setHeader("X-Hits", String(hits));
    console.log("getHeader", res.getHeader("content-type"), res.getHeader("x-none"));
    res.statusCode = 201;
    res.end("héllo " + req.url);
  });
});
server.on("listening", () => console.log("listening event"));
server.listen(0, "127.0.0.1", () => {
  const a = server.address();
  console.log("listening", a.address, a.family, typeof a.port, a.port > 0);
  http.get({ host: "127.0.0.1", port: a.port, path: "/a?b=1", headers: { "X-Test": "yes" } }, (res) => {
    console.log("status", res.statusCode, res.statusMessage);
    console.log("type", res.headers["content-type"], "hits", res.headers["x-hits"]);
    console.log("length", res.headers["content-length"]);
    let text = "";
    res.on("data", (chunk) => { text += chunk; });
    res.on("end", () => {
      console.log("body", text);
      server.close(() => console.log("closed"));
    });
  });
});
// expect: listening event
// expect: listening 127.0.0.1 IPv4 number true
// expect: server got GET /a?b=1 yes ""
// expect: getHeader text/plain; charset=utf-8 undefined
// expect: status 201 Created
// expect: type text/plain; charset=utf-8 hits 1
// expect: length 13
// expect: body héllo /a?b=1
// expect: closed
