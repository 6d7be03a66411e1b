// Records are reference values: aliases share, copies do not.
const original = { a: 1, inner: { b: 2 } };
const alias = original;
const shallow = { ...original };
const viaAssign = Object.assign({}, original);
const deep = JSON.parse(JSON.stringify(original));
alias.a = 100;
original.inner.b = 200;
console.log(original.a, shallow.a, viaAssign.a, deep.a); // expect: 100 1 1 1
console.log(shallow.inner.b, viaAssign.inner.b, deep.inner.b); // expect: 200 200 2
console.log(alias === original, shallow === original, shallow.inner === original.inner); // expect: true false true

function mutate(obj) {
  obj.touched = true;
  obj = { replaced: true };
  return obj;
}
const r = { touched: false };
const result = mutate(r);
console.log(r, result); // expect: { touched: true } { replaced: true }
