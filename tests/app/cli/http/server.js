// A counting server for http_wire_test.py: prints its port, answers "/n" with the number of
// requests answered so far and the body's length, and closes on "/quit". A request whose
// client vanished before its body ended prints its 'aborted' and 'close' events.
const http = require("http");
let answered = 0;
const server = http.createServer((req, res) => {
  req.on("aborted", () => console.log("aborted " + req.url));
  req.on("close", () => { if (req.aborted) console.log("request close " + req.url); });
  res.on("close", () => { if (req.aborted) console.log("response close " + req.url); });
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    answered++;
    if (req.url === "/quit") { res.end("bye"); server.close(() => console.log("closed after " + answered)); return; }
    res.setHeader("Content-Type", "text/plain");
    res.end(req.url + " " + answered + " " + body.length);
  });
});
server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));
