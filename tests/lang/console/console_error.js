// console.error writes to stderr, so only console.log lines appear on stdout.
console.log("one"); // expect: one
console.error("this goes to stderr");
console.error("%s also", "formatted");
console.log("two"); // expect: two
console.error({ nested: [1, 2] }, new Map([[1, 2]]));
class Reporter {
  constructor(name) {
    this.name = name;
  }
  report(ok) {
    (ok ? console.log : console.error)(`${this.name}: ${ok ? "ok" : "failed"}`);
  }
}
new Reporter("disk").report(true); // expect: disk: ok
new Reporter("net").report(false);
console.log("three"); // expect: three
