// A plain class becomes a subclass of Error. Its 'message' is now Error's field: matched by
// name, the live value is kept (the differ once emitted removeInstanceVariable for it and the
// engine refused its own patch).
class Problem {
  constructor(message, code) {
    this.message = message;
    this.code = code;
  }
  describe() {
    return `${this.code}: ${this.message}`;
  }
}
const problems = [new Problem("disk full", 28), new Problem("no route", 113)];
console.log(problems.map((p) => p.describe()).join("; "));
