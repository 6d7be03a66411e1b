// Errors raised by the runtime can be caught and inspected.
const cases = [
  () => null.x,
  () => undefined.foo,
  () => notDefinedAnywhere + 1,
  () => {
    const o = {};
    return o.missing.deeper;
  },
  () => (5).toFixed(200),
  () => "abc".repeat(-1),
  () => new Array(-1),
  () => JSON.parse("{oops"),
];
for (const f of cases) {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.name, e instanceof Error);
  }
}
// expect: TypeError true
// expect: TypeError true
// expect: ReferenceError true
// expect: TypeError true
// expect: RangeError true
// expect: RangeError true
// expect: RangeError true
// expect: SyntaxError true

try {
  const o = { inner: undefined };
  o.inner.x;
} catch (e) {
  console.log(e.message); // expect: Cannot read properties of undefined (reading 'x')
}
try {
  const n = null;
  n.length;
} catch (e) {
  console.log(e.message); // expect: Cannot read properties of null (reading 'length')
}
try {
  missingVariable;
} catch (e) {
  console.log(e.message); // expect: missingVariable is not defined
}
