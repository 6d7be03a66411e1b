// A response of 32 MB written in 64 KB pieces, as node's streams expect: write() answers false
// once the socket's queue passes the high-water mark, the writer stops, and 'drain' tells it
// to go on. Nothing is buffered without bound and nothing stalls: the client receives every
// byte, and each false is answered by exactly one 'drain'.
const http = require("http");
const PIECE = "x".repeat(64 * 1024);
const PIECES = 512;
let falses = 0, drains = 0;
const server = http.createServer((req, res) => {
  res.setHeader("Content-Type", "text/plain");
  console.log("high-water mark", res.writableHighWaterMark, res.writableNeedDrain);
  let sent = 0;
  res.on("drain", () => { drains++; more(); });
  function more() {
    while (sent < PIECES) {
      sent++;
      if (!res.write(PIECE)) {
        falses++;
        if (!res.writableNeedDrain) console.log("false without writableNeedDrain");
        return;
      }
    }
    res.end();
  }
  more();
});
server.listen(0, "127.0.0.1", () => {
  http.get("http://127.0.0.1:" + server.address().port + "/big", (res) => {
    let bytes = 0, chunks = 0;
    res.on("data", (chunk) => { bytes += chunk.length; chunks++; });
    res.on("end", () => {
      console.log("received", bytes, bytes === PIECE.length * PIECES, chunks > 1);
      console.log("paused at least once", falses > 0, "every false drained", falses === drains);
      server.close(() => console.log("closed"));
    });
  });
});
// expect: high-water mark 16384 false
// expect: received 33554432 true true
// expect: paused at least once true every false drained true
// expect: closed
