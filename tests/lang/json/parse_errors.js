// Invalid JSON throws SyntaxError.
const bad = ["{a:1}", "[1,]", "'single'", "", "{\"a\":1", "tru", "01", "[1 2]", "NaN", "{\"a\" 1}"];
let failures = 0;
for (const text of bad) {
  try {
    JSON.parse(text);
    console.log("parsed:", text);
  } catch (e) {
    if (e instanceof SyntaxError && e.name === "SyntaxError") failures++;
  }
}
console.log(failures, bad.length); // expect: 10 10
function safeParse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
console.log(safeParse("[1,2]"), safeParse("[1,2")); // expect: { ok: true, value: [ 1, 2 ] } { ok: false }
