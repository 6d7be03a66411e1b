// A request body sent in parts and a response written in parts (chunked, as it has no
// Content-Length); writeHead sets the status, a message and headers in one call.
const http = require("http");
const server = http.createServer((req, res) => {
  const parts = [];
  req.on("data", (chunk) => parts.push(String(chunk)));
  req.on("end", () => {
    console.log("server got", req.method, req.headers["content-type"], parts.join(""));
    res.writeHead(202, "Taken", { "X-Kind": "echo" });
    res.write("one,");
    res.write("two,");
    res.end("three");
  });
});
server.listen(0, "127.0.0.1", () => {
  const port = server.address().port;
  const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/echo", headers: { "Content-Type": "text/plain" } }, (res) => {
    console.log("status", res.statusCode, res.statusMessage, res.headers["x-kind"]);
    console.log("encoding", res.headers["transfer-encoding"], res.headers["content-length"]);
    let text = "";
    res.on("data", (chunk) => { text += chunk; });
    res.on("end", () => {
      console.log("body", text);
      server.close();
    });
  });
  req.write("alpha ");
  req.write("beta ");
  req.end("gamma");
});
// expect: server got POST text/plain alpha beta gamma
// expect: status 202 Taken echo
// expect: encoding chunked undefined
// expect: body one,two,three
