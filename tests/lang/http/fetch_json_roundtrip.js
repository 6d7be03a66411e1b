// The global fetch against a server of the same program on 127.0.0.1, port 0: a JSON POST
// body goes out with its headers and method, the JSON answer comes back through json(),
// and the Response's status, statusText, ok and url are node's.
const http = require("http");
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    console.log("server", req.method, req.url, req.headers["content-type"], req.headers["x-client"],
      req.headers["content-length"], req.headers.accept);
    const got = JSON.parse(body);
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ echo: got, total: got.items.reduce((a, b) => a + b, 0), text: "héllo" }));
  });
});
server.listen(0, "127.0.0.1", async () => {
  const url = "http://127.0.0.1:" + server.address().port + "/sum?x=1#frag";
  const r = await fetch(url, {
    method: "post",
    headers: { "Content-Type": "application/json", "X-Client": "molt-test" },
    body: JSON.stringify({ items: [1, 2, 3.5], name: "ü" }),
  });
  console.log(r.status, r.statusText, r.ok, r.url === url.slice(0, url.indexOf("#")), r.redirected, r.type);
  console.log("bodyUsed", r.bodyUsed);
  const data = await r.json();
  console.log("bodyUsed", r.bodyUsed);
  console.log(data);
  try {
    await r.text();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
  const plain = await fetch("http://127.0.0.1:" + server.address().port + "/again", {
    method: "PUT", body: "{\"items\":[]}" });
  console.log(plain.status, await plain.text());
  server.close(() => console.log("closed"));
});
// expect: server POST /sum?x=1 application/json molt-test 31 */*
// expect: 200 OK true true false basic
// expect: bodyUsed false
// expect: bodyUsed true
// expect: {
// expect:   echo: { items: [ 1, 2, 3.5 ], name: 'ü' },
// expect:   total: 6.5,
// expect:   text: 'héllo'
// expect: }
// expect: TypeError: Body is unusable: Body has already been read
// expect: server PUT /again text/plain;charset=UTF-8 undefined 12 */*
// expect: 200 {"echo":{"items":[]},"total":0,"text":"héllo"}
// expect: closed
