// Jobs counts what it made in a live static. v2 adds statics and a module binding whose
// initializers read that count: live state is in place before any new initializer runs,
// so they see 7, not the declared 0.
class Jobs {
  static made = 0;

  static make(name) {
    Jobs.made++;
    return { name, n: Jobs.made };
  }
}

const done = [];
for (let i = 0; i < 7; i++) done.push(Jobs.make(`job${i}`));
console.log(`made ${Jobs.made}`);
