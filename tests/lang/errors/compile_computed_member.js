// A computed member name must be a string literal: the layout needs it before running.
const key = "greet";
class Greeter {
  [key]() { return "hi"; }
}
// expect compile error: 4:3: computed member names are supported only with a string literal key (`["name"]() {}`)
