// A computed member name must be a string literal or a well-known symbol: the layout needs it
// before running.
const key = "greet";
class Greeter {
  [key]() { return "hi"; }
}
// expect compile error: 5:3: computed member names are supported only with a string literal key (`["name"]() {}`) or a well-known symbol (`[Symbol.iterator]() {}`)
