// new Error(message, { cause }): `cause` is an own, non-enumerable property, present only
// when the options have one; Error subclasses pass it through super(message, options).
const e = new Error("outer", { cause: "why" });
console.log(e.cause, Object.keys(e).length, "cause" in e, JSON.stringify(e)); // expect: why 0 true {}
console.log(new Error("x").cause, "cause" in new Error("x")); // expect: undefined false
console.log("cause" in new Error("x", {}), "cause" in new Error("x", { cause: undefined })); // expect: false true
console.log("cause" in new Error("x", "not options"), "cause" in new Error("x", null)); // expect: false false

class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "AppError";
  }
}
const wrapped = new AppError("failed to load", { cause: e });
console.log(wrapped.cause === e, wrapped.cause.cause, wrapped instanceof AppError); // expect: true why true
console.log(new TypeError("t", { cause: 42 }).cause, new RangeError("r", { cause: [1, 2] }).cause); // expect: 42 [ 1, 2 ]
try {
  null.x;
} catch (err) {
  console.log("cause" in err); // expect: false
}
let reads = 0;
const viaGetter = new Error("g", { get cause() { reads++; return "computed"; } });
console.log(viaGetter.cause, reads); // expect: computed 1

// Written and deleted like any property; spread and Object.keys leave it out.
e.cause = "changed";
console.log(e.cause, Object.keys({ ...e }).length); // expect: changed 0
delete e.cause;
console.log("cause" in e, e.cause); // expect: false undefined

// console.log shows it last, in brackets, also nested and with other properties.
// (A fixed stack keeps the output the same under node.)
const inner = new TypeError("inner", { cause: 1 });
inner.stack = "TypeError: inner";
const outer = new Error("outer", { cause: inner });
outer.stack = "Error: outer";
outer.code = "E_OUTER";
console.log(outer);
// expect: [Error: outer] {
// expect:   code: 'E_OUTER',
// expect:   [cause]: [TypeError: inner] { [cause]: 1 }
// expect: }
console.log([new Error("plain", { cause: null })].map((x) => { x.stack = "Error: plain"; return x; }));
// expect: [ [Error: plain] { [cause]: null } ]

// Frames the error shares with its cause (the calls both were made under) print once.
const frames = ["    at load (app.js:3:9)", "    at step (app.js:7:3)", "    at run (app.js:11:3)",
                "    at main (app.js:15:1)", "    at start (app.js:19:1)"];
const low = new Error("low");
low.stack = "Error: low\n    at read (app.js:1:1)\n" + frames.join("\n");
const high = new Error("high", { cause: low });
high.stack = "Error: high\n" + frames.join("\n");
console.log(high);
// expect: Error: high
// expect:     at load (app.js:3:9)
// expect:     ... 3 lines matching cause stack trace ...
// expect:     at start (app.js:19:1) {
// expect:   [cause]: Error: low
// expect:       at read (app.js:1:1)
// expect:       at load (app.js:3:9)
// expect:       at step (app.js:7:3)
// expect:       at run (app.js:11:3)
// expect:       at main (app.js:15:1)
// expect:       at start (app.js:19:1)
// expect: }
