// Version 2: Problem extends Error; the constructor passes the message to super.
class Problem extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  describe() {
    return `${this.code}: ${this.message}`;
  }
}
const problems = [new Problem("disk full", 28), new Problem("no route", 113)];
console.log(problems.map((p) => p.describe()).join("; "));
