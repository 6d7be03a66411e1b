// fetch and what a server may answer: a 404 is a Response (ok false), not a rejection; a
// chunked body written in pieces over several turns arrives whole through text(); a
// redirect is followed (303 turns the POST into a GET); an empty 204 reads as "".
const http = require("http");
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    if (req.url === "/chunked") {
      res.setHeader("Content-Type", "text/plain");
      res.write("one,");
      setTimeout(() => {
        res.write("two,");
        setTimeout(() => res.end("three"), 5);
      }, 5);
    } else if (req.url === "/moved") {
      res.writeHead(303, { Location: "/target?from=" + req.method });
      res.end();
    } else if (req.url.startsWith("/target")) {
      res.end("target " + req.method + " " + req.url + " [" + body + "]");
    } else if (req.url === "/empty") {
      res.statusCode = 204;
      res.end();
    } else {
      res.statusCode = 404;
      res.end("no " + req.url);
    }
  });
});
server.listen(0, "127.0.0.1", async () => {
  const base = "http://127.0.0.1:" + server.address().port;
  const missing = await fetch(base + "/missing");
  console.log(missing.status, missing.statusText, missing.ok, await missing.text());
  const chunked = await fetch(base + "/chunked");
  console.log(chunked.headers.get("transfer-encoding"), chunked.headers.has("content-length"));
  console.log(await chunked.text());
  const moved = await fetch(base + "/moved", { method: "POST", body: "payload" });
  console.log(moved.status, moved.redirected, moved.url === base + "/target?from=POST");
  console.log(await moved.text());
  const manual = await fetch(base + "/moved", { redirect: "manual" });
  console.log(manual.status, manual.redirected, manual.headers.get("location"));
  const empty = await fetch(base + "/empty");
  console.log(empty.status, empty.ok, JSON.stringify(await empty.text()));
  try {
    await fetch(base + "/missing", { method: "GET", body: "x" });
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
  const bad = await fetch(base + "/missing");
  try {
    await bad.json();
  } catch (e) {
    console.log(e.name);
  }
  server.close(() => console.log("closed"));
});
// expect: 404 Not Found false no /missing
// expect: chunked false
// expect: one,two,three
// expect: 200 true true
// expect: target GET /target?from=POST []
// expect: 303 false /target?from=GET
// expect: 204 true ""
// expect: TypeError: Request with GET/HEAD method cannot have body.
// expect: SyntaxError
// expect: closed
