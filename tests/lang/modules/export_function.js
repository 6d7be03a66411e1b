// A module exporting a function, and one mixing exports.x and module.exports.x.
const greet = require("./_greet");
const mixed = require("./_mixed");
console.log(typeof greet, greet.name); // expect: function greet
console.log(greet("modules")); // expect: Hello, modules!
console.log(mixed); // expect: { first: 1, second: 2, same: true }
const names = ["a", "b"].map(greet);
console.log(names); // expect: [ 'Hello, a!', 'Hello, b!' ]
class Greeter {
  constructor(fn) {
    this.fn = fn;
  }
  all(names) {
    return names.map((n) => this.fn(n)).join(" ");
  }
}
console.log(new Greeter(greet).all(["x", "y"])); // expect: Hello, x! Hello, y!
