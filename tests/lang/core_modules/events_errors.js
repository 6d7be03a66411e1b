// An 'error' event with no listener throws: the Error itself, or node's
// ERR_UNHANDLED_ERROR for any other value. A listener that is not a function is refused.
const EventEmitter = require("events");
const e = new EventEmitter();

try {
  e.emit("error", new TypeError("bad input"));
} catch (err) {
  console.log(err instanceof TypeError, err.message); // expect: true bad input
}
for (const value of ["boom", 42, undefined, { a: 1 }, [1, 2]]) {
  try {
    e.emit("error", value);
  } catch (err) {
    console.log(err instanceof Error, err.name, err.code, err.message, err.context === value);
  }
}
// expect: true Error ERR_UNHANDLED_ERROR Unhandled error. ('boom') true
// expect: true Error ERR_UNHANDLED_ERROR Unhandled error. (42) true
// expect: true Error ERR_UNHANDLED_ERROR Unhandled error. (undefined) true
// expect: true Error ERR_UNHANDLED_ERROR Unhandled error. ({ a: 1 }) true
// expect: true Error ERR_UNHANDLED_ERROR Unhandled error. ([ 1, 2 ]) true
try {
  e.emit("error");
} catch (err) {
  console.log(String(err)); // expect: Error [ERR_UNHANDLED_ERROR]: Unhandled error. (undefined)
}
for (const bad of ["nope", 5, undefined, null, {}, new Map(), true]) {
  try {
    e.on("data", bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received type string ('nope')
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received type number (5)
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received null
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received an instance of Object
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received an instance of Map
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received type boolean (true)
// A listener that throws stops the emit; the exception reaches the emitter's caller.
e.on("tick", () => {
  throw new Error("listener failed");
});
e.on("tick", () => console.log("not reached"));
try {
  e.emit("tick");
} catch (err) {
  console.log(err.message); // expect: listener failed
}
e.emit("error", "unhandled");
// expect runtime error: Error [ERR_UNHANDLED_ERROR]: Unhandled error. ('unhandled')
