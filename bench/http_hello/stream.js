// A server for bench/http_hello/run.py --server stream.js --path /big: each request gets a
// 4 MB body written in 64 KB pieces, waiting for 'drain' whenever write() answers false (the
// way node streams a large response), so memory stays bounded by the connections' queues.
const http = require("http");
const port = Number(process.argv[2]);
const PIECE = "y".repeat(64 * 1024);
const server = http.createServer((req, res) => {
  res.setHeader("Content-Type", "text/plain");
  let sent = 0;
  const more = () => {
    while (sent < 64) {
      sent++;
      if (!res.write(PIECE)) return;
    }
    res.end();
  };
  res.on("drain", more);
  more();
});
server.listen(port, "127.0.0.1", () => console.log("listening " + server.address().port));
