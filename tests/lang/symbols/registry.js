// Symbol.for returns one symbol per key, and Symbol.keyFor gives that key back.
const app = Symbol.for("app.id");
console.log(app === Symbol.for("app.id")); // expect: true
console.log(app === Symbol("app.id")); // expect: false
console.log(Symbol.keyFor(app), app.description); // expect: app.id app.id
console.log(Symbol.keyFor(Symbol("local"))); // expect: undefined
console.log(Symbol.keyFor(Symbol.iterator)); // expect: undefined
console.log(Symbol.for(1) === Symbol.for("1")); // expect: true
console.log(Symbol.for().description); // expect: undefined
// The registry is shared by every function and module of the program.
function lookup() { return Symbol.for("app.id"); }
console.log(lookup() === app); // expect: true
try {
  Symbol.keyFor("app.id");
} catch (e) {
  console.log(e instanceof TypeError, e.message); // expect: true app.id is not a symbol
}
