// A class is iterable when it has a [Symbol.iterator]() method: a hand-written iterator
// object, or a generator method (`*[Symbol.iterator]`); inherited like any method.
class Range {
  constructor(from, to, step = 1) {
    this.from = from;
    this.to = to;
    this.step = step;
  }
  [Symbol.iterator]() {
    let current = this.from;
    const { to, step } = this;
    return {
      next() {
        if (current >= to) return { value: undefined, done: true };
        const value = current;
        current += step;
        return { value, done: false };
      },
    };
  }
}
const out = [];
for (const x of new Range(0, 10, 3)) out.push(x);
console.log(out.join(" ")); // expect: 0 3 6 9

class Grid {
  constructor(rows) { this.rows = rows; }
  *[Symbol.iterator]() {
    for (const row of this.rows) yield* row;
  }
  get [Symbol.toStringTag]() { return "Grid"; }
}
console.log([...new Grid([[1, 2], [3], [4, 5]])].join(",")); // expect: 1,2,3,4,5
console.log(new Grid([])[Symbol.toStringTag]); // expect: Grid

class EvenGrid extends Grid {
  *[Symbol.iterator]() {
    for (const row of this.rows) for (const v of row) if (v % 2 === 0) yield v;
  }
}
console.log([...new EvenGrid([[1, 2], [3, 4, 6]])]); // expect: [ 2, 4, 6 ]

class Inherits extends Range {}
console.log([...new Inherits(1, 4)]); // expect: [ 1, 2, 3 ]

// Static iterables and the methods as values.
class Colors {
  static *[Symbol.iterator]() {
    yield "red";
    yield "green";
  }
}
console.log([...Colors]); // expect: [ 'red', 'green' ]
const r = new Range(0, 2);
console.log(typeof r[Symbol.iterator], typeof Range[Symbol.iterator]); // expect: function undefined
console.log(Symbol.iterator in r, "next" in r[Symbol.iterator]()); // expect: true true
// The iterator protocol by hand.
const it = new Range(5, 7)[Symbol.iterator]();
console.log(it.next(), it.next(), it.next()); // expect: { value: 5, done: false } { value: 6, done: false } { value: undefined, done: true }
