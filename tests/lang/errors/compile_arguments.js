// `arguments` belongs to non-arrow functions; a module's top level has none in Molt.
const count = () => arguments.length;
console.log(count(1, 2));
// expect compile error: 2:21: arguments is only supported inside a non-arrow function's body
