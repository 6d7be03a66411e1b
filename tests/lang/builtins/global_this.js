"use strict";
// globalThis: its properties are the globals; a module's own bindings are not on it.
console.log(typeof globalThis, globalThis.Math === Math, globalThis.console === console); // expect: object true true
console.log(globalThis.parseInt("42"), typeof globalThis.notThere); // expect: 42 undefined
const local = 1;
console.log(local, globalThis.local); // expect: 1 undefined
globalThis.answer = 42; // defines a global, visible to bare names in every module
console.log(answer, globalThis.answer); // expect: 42 42
globalThis.answer++;
console.log(answer); // expect: 43
try {
  undeclared = 1; // strict: assigning an undeclared name is still an error
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: ReferenceError undeclared is not defined
}
function twice() { return globalThis.answer * 2; }
console.log(twice()); // expect: 86
