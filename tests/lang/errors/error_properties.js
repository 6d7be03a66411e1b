// Errors accept properties beyond their class's layout, as node's do; message and stack
// are own but not enumerable.
const e = new Error("x");
console.log(Object.keys(e), JSON.stringify(e), Object.entries(e)); // expect: [] {} []
e.code = "E1";
e.status = 404;
console.log(e.code, e.status, Object.keys(e)); // expect: E1 404 [ 'code', 'status' ]
console.log(JSON.stringify(e), { ...e }); // expect: {"code":"E1","status":404} { code: 'E1', status: 404 }
for (const k in e) console.log("key", k);
// expect: key code
// expect: key status
console.log("code" in e, Object.hasOwn(e, "status"), Object.hasOwn(e, "message")); // expect: true true true
e.stack = "Error: x\n    at somewhere (file.js:1:1)";
console.log(e);
// expect: Error: x
// expect:     at somewhere (file.js:1:1) {
// expect:   code: 'E1',
// expect:   status: 404
// expect: }

class HttpError extends Error {
  status = 500;
}
const h = new HttpError("down");
h.stack = "HttpError: down";
h.retry = true;
h.status = 503;
console.log(h); // expect: [HttpError: down] { status: 503, retry: true }
console.log(Object.keys(h), h instanceof HttpError); // expect: [ 'status', 'retry' ] true

const t = new TypeError("bad type");
t.details = [1, 2];
console.log(t.details, t.name, String(t)); // expect: [ 1, 2 ] TypeError TypeError: bad type
console.log(structuredClone(t) === t); // expect: false

// Thrown and caught, the fields travel with the error.
function fail() {
  const err = new RangeError("out of range");
  err.code = "ERR_RANGE";
  throw err;
}
try { fail(); } catch (caught) { console.log(caught.code, caught.message); } // expect: ERR_RANGE out of range
delete e.status;
console.log(Object.keys(e), e.status); // expect: [ 'code' ] undefined
