// Molt's fetch speaks plain http:// only: an https: URL rejects, before any connection, with
// "fetch failed" whose cause says so (node would speak TLS here). Also through a redirect.
const http = require("http");
const server = http.createServer((req, res) => {
  res.writeHead(302, { Location: "https://127.0.0.1:1/secure" });
  res.end();
});
server.listen(0, "127.0.0.1", async () => {
  try {
    await fetch("https://127.0.0.1:1/");
  } catch (e) {
    console.log(e.name + ": " + e.message);
    console.log(e.cause.code + ": " + e.cause.message);
  }
  try {
    await fetch("http://127.0.0.1:" + server.address().port + "/");
  } catch (e) {
    console.log(e.message, e.cause.code);
  }
  server.close();
});
// expect: TypeError: fetch failed
// expect: ERR_MOLT_HTTPS_UNSUPPORTED: https: is not supported: Molt's fetch speaks plain http:// only
// expect: fetch failed ERR_MOLT_HTTPS_UNSUPPORTED
