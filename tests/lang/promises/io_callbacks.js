// Inside an I/O callback (a request handler) node defines the order: microtasks first,
// then immediates (the check phase), then timers. The async handler answers 50 ms later,
// so the client's callbacks come after all of them.
const http = require("http");
const server = http.createServer(async (req, res) => {
  setTimeout(() => console.log("handler timeout"), 0);
  setImmediate(() => {
    console.log("handler immediate");
    Promise.resolve().then(() => console.log("microtask after the immediate"));
  });
  Promise.resolve().then(() => console.log("handler microtask"));
  await new Promise((resolve) => setTimeout(resolve, 50));
  res.end("ok " + req.url);
});
server.listen(0, "127.0.0.1", () => {
  queueMicrotask(() => console.log("listen microtask"));
  http.get(`http://127.0.0.1:${server.address().port}/x`, (res) => {
    let body = "";
    res.on("data", (chunk) => { body += chunk; });
    res.on("end", () => {
      console.log("client got", body);
      server.close();
    });
  });
});

// expect: listen microtask
// expect: handler microtask
// expect: handler immediate
// expect: microtask after the immediate
// expect: handler timeout
// expect: client got ok /x
