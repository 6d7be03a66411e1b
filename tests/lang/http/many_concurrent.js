// Fifty requests in flight at once, each answered after a delay that reverses their order;
// every client gets its own answer.
const http = require("http");
const N = 50;
let served = 0;
const server = http.createServer((req, res) => {
  const n = Number(req.url.slice(1));
  req.on("data", () => {});
  req.on("end", () => {
    setTimeout(() => { served++; res.end("answer " + n); }, (N - n) % 7);
  });
});
server.listen(0, "127.0.0.1", () => {
  const port = server.address().port;
  let done = 0, right = 0;
  for (let i = 0; i < N; i++) {
    http.get("http://127.0.0.1:" + port + "/" + i, (res) => {
      let text = "";
      res.on("data", (chunk) => { text += chunk; });
      res.on("end", () => {
        if (text === "answer " + i) right++;
        if (++done === N) {
          console.log("done", done, "right", right, "served", served);
          server.close(() => console.log("closed"));
        }
      });
    });
  }
});
// expect: done 50 right 50 served 50
// expect: closed
