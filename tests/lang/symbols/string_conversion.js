// Implicit conversion of a symbol to a string throws node's TypeError; String(s) and
// s.toString() are the explicit ones.
const s = Symbol("x");
function attempt(label, f) {
  try {
    f();
    console.log(label, "no error");
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
attempt("concat", () => "" + s); // expect: concat TypeError Cannot convert a Symbol value to a string
attempt("template", () => `${s}`); // expect: template TypeError Cannot convert a Symbol value to a string
attempt("join-free", () => String(s)); // expect: join-free no error
attempt("number", () => s * 2); // expect: number TypeError Cannot convert a Symbol value to a number
attempt("new", () => new Symbol()); // expect: new TypeError Symbol is not a constructor
console.log(`${s.description}`); // expect: x
// Every numeric and string coercion refuses a symbol; `==` compares it by identity.
let t = Symbol("t");
const coercions = [() => t + 1, () => t < 1, () => -t, () => t++, () => Number(t),
  () => [t].join(), () => Math.abs(t), () => parseInt(t), () => isNaN(t)];
for (const f of coercions) attempt("coerce", f);
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a string
// expect: coerce TypeError Cannot convert a Symbol value to a number
// expect: coerce TypeError Cannot convert a Symbol value to a string
// expect: coerce TypeError Cannot convert a Symbol value to a number
const boxed = { valueOf() { return t; } };
console.log(t == "t", t == t, t == boxed, t != 1, t == Symbol("t"), null == t); // expect: false true true true false false
"" + s; // expect runtime error: TypeError: Cannot convert a Symbol value to a string
