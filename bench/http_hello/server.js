// The hello-world server bench/http_hello/run.py loads with wrk (same file for every engine).
const http = require("http");
const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  res.setHeader("Content-Type", "text/plain");
  res.end("Hello, world!\n");
});
server.listen(port, "127.0.0.1", () => console.log("listening " + server.address().port));
