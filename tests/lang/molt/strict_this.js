// Molt only (deliberate difference): every function runs in strict mode, so a plain
// function call gets `this === undefined` (a node CommonJS script would pass globalThis).
function whoIsThis() {
  return this === undefined ? "undefined" : typeof this;
}
console.log(whoIsThis()); // expect: undefined
const rec = { whoIsThis };
console.log(rec.whoIsThis()); // expect: object
const detached = rec.whoIsThis;
console.log(detached()); // expect: undefined
const fnExpr = function () {
  return this;
};
console.log(fnExpr()); // expect: undefined
