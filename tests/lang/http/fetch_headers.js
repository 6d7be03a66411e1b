// Headers as node's: case-insensitive get/has/set/delete, repeated names joined with ", ",
// set-cookie kept apart, iteration sorted by lower-cased name; and a response's headers,
// including repeated ones, as fetch hands them over.
const http = require("http");
const h = new Headers({ "X-B": "2", "x-a": " 1 " });
h.append("X-A", "again");
h.append("Set-Cookie", "a=1");
h.append("set-cookie", "b=2");
console.log(h.get("x-a"), h.get("X-A"), h.has("x-b"), h.has("nope"), h.get("nope"));
for (const [name, value] of h) console.log("pair", name, value);
h.forEach((value, name, self) => console.log("each", name, value, self === h));
console.log(Array.from(h.keys()).join(" "), "|", Array.from(h.values()).join(" | "));
console.log(h.getSetCookie(), h.get("set-cookie"));
h.set("x-a", "reset");
h.delete("X-B");
console.log(Array.from(h.entries()));
const copy = new Headers(h);
copy.set("x-new", "n");
console.log(h.has("x-new"), copy.get("x-new"), new Headers([["K", "v"]]).get("k"));
try {
  h.append("bad name", "x");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
const server = http.createServer((req, res) => {
  // writeHead sends the head at once (node), so the body that follows goes chunked
  res.writeHead(202, { "X-Multi": ["one", "two"], "Content-Type": "text/plain", "Set-Cookie": ["s=1", "t=2"] });
  res.end("accepted " + req.headers["x-ask"]);
});
server.listen(0, "127.0.0.1", async () => {
  const r = await fetch("http://127.0.0.1:" + server.address().port + "/",
    { headers: new Headers({ "X-Ask": "please" }) });
  console.log(r.status, r.statusText, r.ok);
  const shown = [];
  // connection and keep-alive depend on the client's agent, date on the clock
  for (const [name, value] of r.headers)
    if (name !== "date" && name !== "connection" && name !== "keep-alive") shown.push(name + "=" + value);
  console.log(shown.join("; "));
  console.log(r.headers.get("X-MULTI"), r.headers.getSetCookie(), typeof r.headers.get("date"));
  console.log(await r.text());
  server.close();
});
// expect: 1, again 1, again true false null
// expect: pair set-cookie a=1
// expect: pair set-cookie b=2
// expect: pair x-a 1, again
// expect: pair x-b 2
// expect: each set-cookie a=1 true
// expect: each set-cookie b=2 true
// expect: each x-a 1, again true
// expect: each x-b 2 true
// expect: set-cookie set-cookie x-a x-b | a=1 | b=2 | 1, again | 2
// expect: [ 'a=1', 'b=2' ] a=1, b=2
// expect: [
// expect:   [ 'set-cookie', 'a=1' ],
// expect:   [ 'set-cookie', 'b=2' ],
// expect:   [ 'x-a', 'reset' ]
// expect: ]
// expect: false n v
// expect: TypeError: Headers.append: "bad name" is an invalid header name.
// expect: 202 Accepted true
// expect: content-type=text/plain; set-cookie=s=1; set-cookie=t=2; transfer-encoding=chunked; x-multi=one, two
// expect: one, two [ 's=1', 't=2' ] string
// expect: accepted please
