// A request handler that throws is an uncaught exception: the program ends with exit code 1.
const http = require("http");
const server = http.createServer((req, res) => {
  console.log("handling", req.url);
  throw new Error("handler failed");
});
server.listen(0, "127.0.0.1", () => {
  http.get({ host: "127.0.0.1", port: server.address().port, path: "/x" }, () => {}).on("error", () => {});
});
// expect: handling /x
// expect runtime error: Error: handler failed
