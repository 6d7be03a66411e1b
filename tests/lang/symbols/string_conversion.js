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
"" + s; // expect runtime error: TypeError: Cannot convert a Symbol value to a string
