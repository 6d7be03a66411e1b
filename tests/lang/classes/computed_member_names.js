// Computed member names with a string literal key.
class Greeter {
  ["greet"]() { return "hi"; }
  static ["make"]() { return new Greeter(); }
  get ["loud"]() { return this.greet().toUpperCase(); }
  ["with space"]() { return "spaced"; }
  ["count"] = 2;
}
const g = Greeter.make();
console.log(g.greet(), g.loud, g["with space"](), g.count); // expect: hi HI spaced 2
console.log(Object.keys(g)); // expect: [ 'count' ]
