// A running HTTP service: it answers one request, is updated while it listens (between
// callbacks), then answers the next with the new code and the hit count it kept.
const http = require("http");

class Counter {
  constructor() {
    this.hits = 0;
  }
  answer(url) {
    this.hits++;
    return "v2 " + url + " hits=" + this.hits;
  }
}

const counter = new Counter();
const server = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => res.end(counter.answer(req.url)));
});

function ask(port, path, then) {
  http.get({ host: "127.0.0.1", port: port, path: path }, (res) => {
    let text = "";
    res.on("data", (chunk) => { text += chunk; });
    res.on("end", () => { console.log(text); then(); });
  });
}

let port = 0;
let firstDone = false;
server.listen(0, "127.0.0.1", () => {
  port = server.address().port;
  ask(port, "/one", () => { firstDone = true; });
});
// The top level ends (and the update runs) once the first answer has arrived.
while (!firstDone) Thread.sleep(5);
setTimeout(() => ask(port, "/two", () => server.close(() => console.log("closed"))), 50);
