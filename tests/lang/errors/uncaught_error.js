// An uncaught Error stops the program with exit code 1; earlier output is kept.
class Job {
  constructor(name) {
    this.name = name;
  }
  run() {
    console.log(`running ${this.name}`);
    if (this.name === "bad") throw new Error("boom");
    return "ok";
  }
}
console.log(new Job("good").run());
// expect: running good
// expect: ok
new Job("bad").run(); // expect: running bad
console.log("never printed");
// expect runtime error: Error: boom
