// throw and catch built-in error types; name, message and instanceof.
function risky(kind) {
  switch (kind) {
    case "type":
      throw new TypeError("wrong type");
    case "range":
      throw new RangeError("too far");
    case "ref":
      throw new ReferenceError("no such thing");
    case "syntax":
      throw new SyntaxError("bad syntax");
    case "plain":
      throw new Error("plain error");
  }
  return "no error";
}

for (const k of ["type", "range", "ref", "syntax", "plain", "none"]) {
  try {
    console.log(risky(k));
  } catch (e) {
    console.log(`${e.name}: ${e.message} ${e instanceof Error} ${e instanceof TypeError}`);
  }
}
// expect: TypeError: wrong type true true
// expect: RangeError: too far true false
// expect: ReferenceError: no such thing true false
// expect: SyntaxError: bad syntax true false
// expect: Error: plain error true false
// expect: no error
const e = new Error();
console.log(JSON.stringify(e.message), e.name); // expect: "" Error
console.log(String(new RangeError("r"))); // expect: RangeError: r
console.log(`${new Error("in template")}`); // expect: Error: in template
