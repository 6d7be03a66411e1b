// A fetch that never gets a response rejects with node's TypeError "fetch failed" whose
// cause is the system error (a port that was just closed: ECONNREFUSED with errno, syscall,
// address and port); a string that is no URL rejects with "Failed to parse URL from …";
// an unknown scheme is "fetch failed" too. http.request's error event is the same error.
const http = require("http");
const probe = http.createServer();
probe.listen(0, "127.0.0.1", () => {
  const port = probe.address().port;
  probe.close(async () => {
    try {
      await fetch("http://127.0.0.1:" + port + "/x");
      console.log("fetched?");
    } catch (e) {
      console.log(e instanceof TypeError, e.name, e.message, Object.keys(e));
      const c = e.cause;
      console.log(c.constructor === Error, Object.keys(c));
      console.log(c.code, c.errno, c.syscall, c.address, c.port === port);
      console.log(c.message.replace(String(port), "PORT"));
    }
    try {
      await fetch("not a url");
    } catch (e) {
      console.log(e.name, e.message, e.cause.name, e.cause.code);
    }
    try {
      await fetch("ftp://127.0.0.1/file");
    } catch (e) {
      console.log(e.name, e.message, e.cause.message);
    }
    const req = http.get("http://127.0.0.1:" + port + "/");
    req.on("error", (e) => console.log("request error", e.code, e.errno, e.message.replace(String(port), "PORT")));
  });
});
// expect: true TypeError fetch failed []
// expect: true [ 'errno', 'code', 'syscall', 'address', 'port' ]
// expect: ECONNREFUSED -111 connect 127.0.0.1 true
// expect: connect ECONNREFUSED 127.0.0.1:PORT
// expect: TypeError Failed to parse URL from not a url TypeError ERR_INVALID_URL
// expect: TypeError fetch failed unknown scheme
// expect: request error ECONNREFUSED -111 connect ECONNREFUSED 127.0.0.1:PORT
