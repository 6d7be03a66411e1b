// A port in use gives node's EADDRINUSE error event; a closed port refuses connections.
const http = require("http");
const first = http.createServer(() => {});
first.listen(0, "127.0.0.1", () => {
  const port = first.address().port;
  const second = http.createServer(() => {});
  second.on("error", (err) => {
    console.log(err.code, err.syscall, err.message.replace(String(port), "PORT"));
    first.close(() => {
      const req = http.get({ host: "127.0.0.1", port, path: "/" }, () => console.log("unexpected response"));
      req.on("error", (e) => console.log(e.code, e.message.replace(String(port), "PORT")));
    });
  });
  second.listen(port, "127.0.0.1", () => console.log("unexpected listening"));
});
// expect: EADDRINUSE listen listen EADDRINUSE: address already in use 127.0.0.1:PORT
// expect: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:PORT
