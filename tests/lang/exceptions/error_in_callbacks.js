// Exceptions propagate through array callbacks, methods and constructors.
class Validator {
  constructor(rules) {
    if (!Array.isArray(rules)) throw new TypeError("rules must be an array");
    this.rules = rules;
  }
  check(value) {
    this.rules.forEach((rule) => {
      if (!rule.test(value)) throw new RangeError(`${rule.name} failed for ${value}`);
    });
    return true;
  }
}

try {
  new Validator("nope");
} catch (e) {
  console.log(e.message); // expect: rules must be an array
}

const v = new Validator([
  { name: "positive", test: (x) => x > 0 },
  { name: "small", test: (x) => x < 10 },
]);
for (const x of [5, -1, 50]) {
  try {
    console.log(x, v.check(x));
  } catch (e) {
    console.log(x, e.name, e.message);
  }
}
// expect: 5 true
// expect: -1 RangeError positive failed for -1
// expect: 50 RangeError small failed for 50

const results = [1, 2, 3].map((n) => {
  try {
    if (n === 2) throw new Error("two");
    return n;
  } catch (e) {
    return e.message;
  }
});
console.log(results); // expect: [ 1, 'two', 3 ]
