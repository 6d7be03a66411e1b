// fetch, Headers and Response are globals that load on first use (typeof too), and a
// Response can be made by hand: a string body gets node's text/plain content type, status
// outside 200-599 is node's RangeError, text() and json() read the body.
console.log(typeof fetch, typeof Headers, typeof Response, typeof globalThis.fetch);
const r = new Response("hi", { status: 201, statusText: "Made", headers: { "X-A": "1" } });
console.log(r.status, r.statusText, r.ok, r.headers.get("content-type"), r.headers.get("x-a"),
  r.url === "", r.redirected, r.bodyUsed);
const empty = new Response();
console.log(empty.status, empty.ok, empty.headers.has("content-type"));
console.log(new Response(null, { status: 404 }).ok);
// one read at a time: how many ticks a body read takes is not node's (undici streams it)
(async () => {
  console.log("text", await r.text(), r.bodyUsed);
  console.log("json", await new Response('{"a":[1,2]}').json());
  console.log("empty", JSON.stringify(await empty.text()));
})();
try {
  new Response("x", { status: 99 });
} catch (e) {
  console.log(e.name + ": " + e.message);
}
// expect: function function function function
// expect: 201 Made true text/plain;charset=UTF-8 1 true false false
// expect: 200 true false
// expect: false
// expect: RangeError: init["status"] must be in the range of 200 to 599, inclusive.
// expect: text hi true
// expect: json { a: [ 1, 2 ] }
// expect: empty ""
